package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.catalog.Catalog;
import io.jkms.testing.RawHttp;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web port under a peer that misbehaves: slow requests, pipelining, foreign Host names, stolen cookies. */
@Tag("network")
class DashboardHardeningTest {
    static final String TOKEN = "hardening-token-0123456789";

    static String get(String path, String host) {
        return RawHttp.request("GET", path, "", "Host", host);
    }

    /** Netty 4.2 dropped the read of a request split over packets until the request deadline (10 s). */
    @Test
    void aRequestInTwoPacketsIsAnsweredAtOnce() throws Exception {
        try (TestHost host = TestHost.start("web", "127.0.0.1:0");
             RawHttp client = RawHttp.connect(web(host), 3)) {
            String request = get("/healthz", "localhost");
            int half = request.length() / 2;
            long started = System.nanoTime();
            client.write(request.substring(0, half));
            java.util.concurrent.locks.LockSupport.parkNanos(300_000_000L); // the second half in a later packet
            client.write(request.substring(half));
            java.util.Optional<RawHttp.Response> response = client.read();
            assertThat(response).isPresent();
            assertThat(response.get().body()).isEqualTo("ok\n");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                    .as("answered long before the 10 s request deadline").isLessThan(java.time.Duration.ofSeconds(5));
        }
    }

    @Test
    void aRequestTrickledByteByByteIsClosedAtTheWholeRequestDeadline() throws Exception {
        try (TestHost host = TestHost.start("web", "127.0.0.1:0");
             RawHttp loris = RawHttp.connect(web(host), 2)) {
            String request = get("/healthz", "localhost") + "X-Padding: " + "p".repeat(400);
            loris.setTimeout(50);
            long start = System.nanoTime();
            boolean closed = false;
            // One byte every 100 ms: far more often than any idle timeout, yet the request would take 40 s.
            for (int i = 0; i < request.length() && !closed; i++) {
                try {
                    loris.write(request.substring(i, i + 1));
                } catch (java.io.IOException e) {
                    closed = true;
                }
                long next = start + TimeUnit.MILLISECONDS.toNanos(100L * (i + 1));
                while (!closed && System.nanoTime() < next) {
                    closed = loris.closedByServer();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(closed).as("closed by the host before the request was complete").isTrue();
            assertThat(seconds).as("seconds until the host closed it (deadline 10 s)").isBetween(9.0, 25.0);
        }
    }

    @Test
    void aSilentConnectionAndAnIdleKeptAliveOneAreClosed() throws Exception {
        try (TestHost host = TestHost.start("web", "127.0.0.1:0", "web-request-timeout", "2", "web-idle-timeout", "1");
             RawHttp silent = RawHttp.connect(web(host), 2);
             RawHttp kept = RawHttp.connect(web(host), 3)) {
            kept.write(get("/healthz", "localhost"));
            assertThat(kept.read().orElseThrow().status()).isEqualTo(200);
            long start = System.nanoTime();
            kept.setTimeout(15_000);
            assertThat(kept.closedByServer()).as("kept alive, then idle").isTrue();
            assertThat((System.nanoTime() - start) / 1e9).as("seconds idle before the close").isBetween(0.5, 10.0);
            silent.setTimeout(15_000);
            assertThat(silent.closedByServer()).as("connected, never sent a byte").isTrue();
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(12.0);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredEachOnceAndInOrder() throws Exception {
        try (TestHost host = TestHost.start("web", "127.0.0.1:0");
             RawHttp client = RawHttp.connect(web(host), 1)) {
            // The slow page first: answered on another thread, it must still come back before the fast one.
            client.write(get("/api/clients?q=pipelined", "localhost") + get("/healthz", "localhost")
                    + get("/api/overview", "localhost") + get("/static/jkms.css", "localhost"));
            List<RawHttp.Response> responses = client.readAll(4);
            assertThat(responses).hasSize(4);
            assertThat(responses.get(0).body()).contains("\"total\"");
            assertThat(responses.get(1).body()).isEqualTo("ok\n");
            assertThat(responses.get(2).body()).contains("\"activations\"");
            assertThat(responses.get(3).header("X-Resource")).contains("jkms.css");
        }
    }

    @Test
    void aConnectionThatPipelinesTooFarAheadIsClosed() throws Exception {
        try (TestHost host = TestHost.start("web", "127.0.0.1:0");
             RawHttp client = RawHttp.connect(web(host), 1)) {
            client.write(get("/healthz", "localhost").repeat(200));
            List<RawHttp.Response> responses = client.readAll(200);
            // Closed as soon as the 17th is decoded, perhaps before the first answer is written.
            assertThat(responses).hasSizeLessThanOrEqualTo(16).allSatisfy(r -> assertThat(r.body()).isEqualTo("ok\n"));
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void theOpenLoopbackDashboardAnswersOnlyToLoopbackAndConfiguredHostNames() throws Exception {
        try (TestHost host = TestHost.start("web", "127.0.0.1:0")) {
            int port = web(host).getPort();
            for (String name : new String[] {"localhost", "localhost:" + port, "127.0.0.1:" + port, "127.0.0.1",
                "[::1]:" + port, "LOCALHOST"}) {
                assertThat(once(host, get("/api/overview", name)).status()).as(name).isEqualTo(200);
            }
            for (String name : new String[] {"evil.example", "evil.example:" + port, "127.0.0.1.evil.example",
                "localhost.evil.example:" + port}) {
                RawHttp.Response refused = once(host, get("/api/overview", name));
                assertThat(refused.status()).as(name).isEqualTo(421);
                assertThat(refused.body()).contains("web-allowed-hosts");
            }
        }
    }

    @Test
    void theLoginCookieIsASessionThatLogoutEnds(@TempDir Path dir) throws Exception {
        try (TestHost host = TestHost.start(tokenHost(dir, TOKEN))) {
            String cookie = login(host, TOKEN, 1);
            assertThat(cookie).doesNotContain(TOKEN);
            assertThat(cookie.substring(cookie.indexOf('=') + 1)).hasSizeGreaterThanOrEqualTo(43);
            assertThat(once(host, withCookie(get("/api/overview", "localhost"), cookie)).status()).isEqualTo(200);
            assertThat(once(host, withCookie(get("/api/overview", "localhost"), "jkms_token=" + TOKEN)).status())
                    .as("the token itself is no cookie").isEqualTo(401);

            RawHttp.Response out = once(host, withCookie(RawHttp.request("POST", "/logout", "", "Host", "localhost"),
                    cookie));
            assertThat(out.status()).isEqualTo(303);
            assertThat(out.header("Set-Cookie").orElseThrow()).contains("Max-Age=0");
            assertThat(once(host, withCookie(get("/api/overview", "localhost"), cookie)).status())
                    .as("the session after logout").isEqualTo(401);
        }
    }

    @Test
    void changingTheTokenEndsEverySession(@TempDir Path dir) throws Exception {
        try (TestHost host = TestHost.start(tokenHost(dir, TOKEN))) {
            String cookie = login(host, TOKEN, 1);
            String next = "the-next-token-0123456789";
            host.host.reload(TestHost.config(tokenHost(dir, next)), Catalog.loadDefault());
            assertThat(once(host, withCookie(get("/api/overview", "localhost"), cookie)).status())
                    .as("a session of the old token").isEqualTo(401);
            assertThat(once(host, RawHttp.request("GET", "/api/overview", "", "Host", "localhost",
                    "Authorization", "Bearer " + TOKEN)).status()).as("the old token").isEqualTo(401);
            assertThat(once(host, RawHttp.request("GET", "/api/overview", "", "Host", "localhost",
                    "Authorization", "Bearer " + next)).status()).as("the new token").isEqualTo(200);
        }
    }

    @Test
    void aNewStoredTokenIsAppliedOnReloadAndAnUnchangedOneEndsNoSession(@TempDir Path dir) throws Exception {
        String[] settings = {"web", "127.0.0.1:0", "web-require-token", "true", "data-dir", dir.toString()};
        try (TestHost host = TestHost.start(settings)) {
            String stored = java.nio.file.Files.readString(dir.resolve("web-token")).trim();
            String cookie = login(host, stored, 1);
            host.host.reload(TestHost.config(settings), Catalog.loadDefault());
            assertThat(once(host, withCookie(get("/api/overview", "localhost"), cookie)).status())
                    .as("a reload that changes nothing").isEqualTo(200);
            String next = "edited-token-0123456789abc";
            java.nio.file.Files.writeString(dir.resolve("web-token"), next + "\n");
            host.host.reload(TestHost.config(settings), Catalog.loadDefault());
            assertThat(once(host, withCookie(get("/api/overview", "localhost"), cookie)).status())
                    .as("a session of the old stored token").isEqualTo(401);
            assertThat(once(host, RawHttp.request("GET", "/api/overview", "", "Host", "localhost",
                    "Authorization", "Bearer " + next)).status()).isEqualTo(200);
        }
    }

    @Test
    void failedLoginsAreThrottledPerAddress(@TempDir Path dir) throws Exception {
        try (TestHost host = TestHost.start(tokenHost(dir, TOKEN))) {
            int refused = 0;
            int throttled = 0;
            for (int i = 0; i < 12; i++) {
                int status = postLogin(host, "wrong-token-0123456789-" + i, 3).status();
                refused += status == 401 ? 1 : 0;
                throttled += status == 429 ? 1 : 0;
            }
            assertThat(refused).as("wrong tokens answered 401 before the throttle").isBetween(1, 6);
            assertThat(throttled).as("attempts answered 429").isGreaterThanOrEqualTo(6);
            RawHttp.Response blocked = postLogin(host, TOKEN, 3);
            assertThat(blocked.status()).as("even the right token while throttled").isEqualTo(429);
            assertThat(blocked.header("Retry-After")).isPresent();
            assertThat(postLogin(host, TOKEN, 4).status()).as("another address").isEqualTo(303);
        }
    }

    static String[] tokenHost(Path dir, String token) {
        return new String[] {"web", "127.0.0.1:0", "web-require-token", "true", "web-token", token, "data-dir",
            dir.toString()};
    }

    static InetSocketAddress web(TestHost host) {
        return host.host.web().orElseThrow().address();
    }

    static String withCookie(String request, String cookie) {
        return request.replaceFirst("\r\n", "\r\nCookie: " + cookie + "\r\n");
    }

    /** Signs in from 127.0.0.last; the {@code name=value} of the session cookie. */
    static String login(TestHost host, String token, int last) throws Exception {
        RawHttp.Response response = postLogin(host, token, last);
        assertThat(response.status()).isEqualTo(303);
        String setCookie = response.header("Set-Cookie").orElseThrow();
        assertThat(setCookie.toLowerCase(java.util.Locale.ROOT)).contains("httponly", "samesite=strict", "path=/");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static RawHttp.Response postLogin(TestHost host, String token, int last) throws Exception {
        try (RawHttp client = RawHttp.connect(web(host), last)) {
            client.write(RawHttp.request("POST", "/login", "token=" + token + "&next=%2F", "Host", "localhost",
                    "Content-Type", "application/x-www-form-urlencoded"));
            return client.read().orElseThrow();
        }
    }

    static RawHttp.Response once(TestHost host, String request) throws Exception {
        try (RawHttp client = RawHttp.connect(web(host), 1)) {
            client.write(request);
            Optional<RawHttp.Response> response = client.read();
            assertThat(response).as("a response to %s", request.lines().findFirst().orElse("")).isPresent();
            return response.get();
        }
    }
}
