package io.jkms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dashboard that requires the token (as anywhere off loopback, or with --web-require-token). */
class AccessControlTest {
    final WebApp app = Fixtures.app(new MemoryRegistry(Fixtures.CATALOG), AccessControl.requiring(Fixtures.TOKEN));

    @Test
    void withoutTheTokenApiAndMetricsAre401AndPagesGoToTheLoginForm() {
        for (String uri : new String[] {"/api/overview", "/api/clients", "/api/products", "/api/health", "/metrics"}) {
            WebResponse response = app.handle(WebRequest.get(uri));
            assertThat(response.status()).as(uri).isEqualTo(401);
            assertThat(response.headers()).containsKey("WWW-Authenticate");
        }
        WebResponse page = app.handle(WebRequest.get("/clients?q=x"));
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.headers().get("Location")).isEqualTo("/login?next=%2Fclients%3Fq%3Dx");
    }

    @Test
    void healthzReadyzAndTheStylesheetNeedNoToken() {
        assertThat(app.handle(WebRequest.get("/healthz")).status()).isEqualTo(200);
        assertThat(app.handle(WebRequest.get("/readyz")).status()).isEqualTo(200);
        assertThat(app.handle(WebRequest.get("/static/jkms.js")).status()).isEqualTo(200);
    }

    @Test
    void aBearerTokenOrTheLoginCookieLetsTheRequestIn() {
        assertThat(app.handle(WebRequest.get("/api/overview").withHeader("Authorization", "Bearer " + Fixtures.TOKEN))
                .status()).isEqualTo(200);
        assertThat(app.handle(WebRequest.get("/metrics").withHeader("Authorization", "Bearer wrong-token-0123456789"))
                .status()).isEqualTo(401);
        String session = sessionCookie(app.handle(new WebRequest("POST", "/login", Map.of(),
                "token=" + Fixtures.TOKEN)));
        assertThat(app.handle(WebRequest.get("/").withHeader("Cookie", "a=b; " + session + "; c=\"d\""))
                .status()).isEqualTo(200);
        assertThat(app.handle(WebRequest.get("/clients").withHeader("Cookie", session)).text())
                .as("a signed-in page").contains("action=\"/logout\"");
        assertThat(Fixtures.app(new MemoryRegistry(Fixtures.CATALOG), AccessControl.open()).handle(
                WebRequest.get("/clients")).text()).as("an open dashboard has no one to sign out")
                .doesNotContain("/logout");
        assertThat(app.handle(WebRequest.get("/").withHeader("Cookie", "a=b; jkms_token=" + Fixtures.TOKEN))
                .status()).as("the token as a cookie").isEqualTo(303);
        assertThat(app.handle(WebRequest.get("/").withHeader("Cookie", session + "x")).status())
                .as("a made-up session").isEqualTo(303);
    }

    @Test
    void aSessionEndsAtLogoutAtExpiryAndWhenTheTokenChanges() {
        MutableClock clock = new MutableClock(Fixtures.NOW);
        AccessControl access = AccessControl.requiring(Fixtures.TOKEN, HostNames.loopbackOnly(), false,
                clock, new WebCounters());
        WebApp timed = Fixtures.app(new MemoryRegistry(Fixtures.CATALOG), access);
        String a = sessionCookie(timed.handle(new WebRequest("POST", "/login", Map.of(), "token=" + Fixtures.TOKEN)));
        String b = sessionCookie(timed.handle(new WebRequest("POST", "/login", Map.of(), "token=" + Fixtures.TOKEN)));
        assertThat(a).isNotEqualTo(b);
        WebResponse out = timed.handle(new WebRequest("POST", "/logout", Map.of("cookie", a), ""));
        assertThat(out.headers().get("Set-Cookie")).contains("Max-Age=0");
        assertThat(timed.handle(WebRequest.get("/api/overview").withHeader("Cookie", a)).status()).isEqualTo(401);
        assertThat(timed.handle(WebRequest.get("/api/overview").withHeader("Cookie", b)).status()).isEqualTo(200);
        clock.advance(SessionStore.LIFETIME);
        assertThat(timed.handle(WebRequest.get("/api/overview").withHeader("Cookie", b)).status())
                .as("after its lifetime").isEqualTo(401);
        String c = sessionCookie(timed.handle(new WebRequest("POST", "/login", Map.of(), "token=" + Fixtures.TOKEN)));
        access.changeToken("another-token-0123456789");
        assertThat(timed.handle(WebRequest.get("/api/overview").withHeader("Cookie", c)).status()).isEqualTo(401);
    }

    @Test
    void aLoginOrLogoutPostedFromAnotherSiteIsRefused() {
        Map<String, String> foreign = Map.of("host", "127.0.0.1:8080", "origin", "http://evil.example");
        assertThat(app.handle(new WebRequest("POST", "/login", foreign, "token=" + Fixtures.TOKEN)).status())
                .isEqualTo(403);
        assertThat(app.handle(new WebRequest("POST", "/logout", foreign, "")).status()).isEqualTo(403);
        assertThat(app.handle(new WebRequest("POST", "/login", Map.of("sec-fetch-site", "cross-site"),
                "token=" + Fixtures.TOKEN)).status()).isEqualTo(403);
        Map<String, String> own = Map.of("host", "127.0.0.1:8080", "origin", "http://127.0.0.1:8080");
        assertThat(app.handle(new WebRequest("POST", "/login", own, "token=" + Fixtures.TOKEN)).status())
                .isEqualTo(303);
        assertThat(app.handle(WebRequest.get("/logout")).status()).as("logout by GET").isEqualTo(405);
        // Under Referrer-Policy: no-referrer a browser's own form POST says "Origin: null" (Chromium does); its
        // fetch metadata, which no page can set, still tells whence it came.
        Map<String, String> ownNull = Map.of("host", "127.0.0.1:8080", "origin", "null", "sec-fetch-site",
                "same-origin");
        assertThat(app.handle(new WebRequest("POST", "/login", ownNull, "token=" + Fixtures.TOKEN)).status())
                .as("the dashboard's own form, Origin null").isEqualTo(303);
        Map<String, String> sandboxed = Map.of("host", "127.0.0.1:8080", "origin", "null", "sec-fetch-site",
                "cross-site");
        assertThat(app.handle(new WebRequest("POST", "/login", sandboxed, "token=" + Fixtures.TOKEN)).status())
                .as("a sandboxed frame of another site, Origin null").isEqualTo(403);
        assertThat(app.handle(new WebRequest("POST", "/login", Map.of("host", "127.0.0.1:8080", "origin", "null"),
                "token=" + Fixtures.TOKEN)).status()).as("Origin null and nothing else").isEqualTo(403);
        Map<String, String> proxied = Map.of("host", "127.0.0.1:8080", "origin", "https://kms.example.org",
                "x-forwarded-host", "kms.example.org");
        assertThat(app.handle(new WebRequest("POST", "/login", proxied, "token=" + Fixtures.TOKEN)).status())
                .as("behind a proxy that says which Host it was asked for").isEqualTo(303);
        WebApp named = Fixtures.app(new MemoryRegistry(Fixtures.CATALOG), AccessControl.requiring(Fixtures.TOKEN,
                HostNames.of(java.util.List.of("kms.example.org")), false, java.time.Clock.systemUTC(),
                new WebCounters()));
        Map<String, String> renamed = Map.of("host", "127.0.0.1:8080", "origin", "https://kms.example.org");
        assertThat(named.handle(new WebRequest("POST", "/login", renamed, "token=" + Fixtures.TOKEN)).status())
                .as("a configured name").isEqualTo(303);
        assertThat(app.handle(new WebRequest("POST", "/login", renamed, "token=" + Fixtures.TOKEN)).status())
                .as("a name not configured").isEqualTo(403);
        assertThat(app.handle(new WebRequest("POST", "/login", Map.of("host", "h", "origin", "null"),
                "token=" + Fixtures.TOKEN)).status()).isEqualTo(403);
    }

    @Test
    void failedLoginsAreThrottledPerAddressAndTheRightTokenWaitsToo() throws Exception {
        java.net.InetAddress attacker = java.net.InetAddress.getByName("192.0.2.66");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(app.handle(new WebRequest("POST", "/login", Map.of(), "token=wrong" + i, attacker)).status())
                    .isEqualTo(401);
        }
        WebResponse blocked = app.handle(new WebRequest("POST", "/login", Map.of(), "token=" + Fixtures.TOKEN,
                attacker));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.headers().get("Retry-After")).isEqualTo("30");
        assertThat(blocked.headers()).doesNotContainKey("Set-Cookie");
        assertThat(app.handle(new WebRequest("POST", "/login", Map.of(), "token=" + Fixtures.TOKEN)).status())
                .as("from another address").isEqualTo(303);
        WebResponse bearer = app.handle(new WebRequest("GET", "/api/overview",
                Map.of("authorization", "Bearer " + Fixtures.TOKEN), "", attacker));
        assertThat(bearer.status()).as("a bearer token from the throttled address").isEqualTo(429);
    }

    @Test
    void wrongBearerTokensCountAsFailedLogins() throws Exception {
        java.net.InetAddress scanner = java.net.InetAddress.getByName("192.0.2.67");
        int unauthorized = 0;
        for (int i = 0; i < 8; i++) {
            int status = app.handle(new WebRequest("GET", "/metrics",
                    Map.of("authorization", "Bearer wrong-token-0123456789-" + i), "", scanner)).status();
            unauthorized += status == 401 ? 1 : 0;
        }
        assertThat(unauthorized).isEqualTo(LoginThrottle.FREE_FAILURES);
        assertThat(app.handle(WebRequest.get("/metrics").withHeader("Authorization", "Bearer " + Fixtures.TOKEN))
                .status()).as("from another address").isEqualTo(200);
    }

    @Test
    void failedLoginsAreLoggedRateLimitedWithTheAddressAndNeverWhatWasTyped() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("io.jkms.web.login");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            for (int i = 0; i < 20; i++) {
                java.net.InetAddress from = java.net.InetAddress.getByName("192.0.2." + (100 + i));
                app.handle(new WebRequest("POST", "/login", Map.of(), "token=typed-secret-" + i, from));
                app.handle(new WebRequest("GET", "/metrics", Map.of("authorization", "Bearer typed-bearer-" + i),
                        "", from));
            }
        } finally {
            logger.detachAppender(lines);
        }
        assertThat(lines.list).as("40 failures within 10 s").hasSize(1);
        String line = lines.list.get(0).getFormattedMessage();
        assertThat(line).contains("192.0.2.100").doesNotContain("typed-");
    }

    static String sessionCookie(WebResponse login) {
        assertThat(login.status()).isEqualTo(303);
        String setCookie = login.headers().get("Set-Cookie");
        assertThat(setCookie).doesNotContain(Fixtures.TOKEN).startsWith(AccessControl.COOKIE + "=");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** A clock the test moves. */
    static final class MutableClock extends java.time.Clock {
        private java.time.Instant now;

        MutableClock(java.time.Instant start) {
            this.now = start;
        }

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void theLoginFormSetsAnHttpOnlyCookieAndRedirectsOnlyWithinTheSite() {
        WebResponse ok = app.handle(new WebRequest("POST", "/login", Map.of(),
                "token=" + Fixtures.TOKEN + "&next=%2Fclients%3Fq%3Dx"));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(ok.headers().get("Location")).isEqualTo("/clients?q=x");
        assertThat(ok.headers().get("Set-Cookie").toLowerCase(java.util.Locale.ROOT))
                .contains("httponly", "samesite=strict", "path=/").doesNotContain("secure");
        WebResponse offsite = app.handle(new WebRequest("POST", "/login", Map.of(),
                "token=" + Fixtures.TOKEN + "&next=%2F%2Fevil.example"));
        assertThat(offsite.headers().get("Location")).isEqualTo("/");
        WebResponse wrong = app.handle(new WebRequest("POST", "/login", Map.of(), "token=nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.headers()).doesNotContainKey("Set-Cookie");
    }

    @Test
    void theSessionCookieReadsBackWithEveryAttributeThroughNettysCookieCodec() {
        for (boolean tls : new boolean[] {false, true}) {
            AccessControl access = AccessControl.requiring(Fixtures.TOKEN, HostNames.loopbackOnly(), tls,
                    Fixtures.CLOCK, new WebCounters());
            WebApp locked = Fixtures.app(new MemoryRegistry(Fixtures.CATALOG), access);
            String setCookie = locked.handle(new WebRequest("POST", "/login", Map.of(), "token=" + Fixtures.TOKEN))
                    .headers().get("Set-Cookie");
            var cookie = (io.netty.handler.codec.http.cookie.DefaultCookie)
                    io.netty.handler.codec.http.cookie.ClientCookieDecoder.STRICT.decode(setCookie);
            assertThat(cookie.name()).isEqualTo(AccessControl.COOKIE);
            assertThat(cookie.value()).hasSize(43).doesNotContain(Fixtures.TOKEN);
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.isSecure()).as("Secure under TLS only").isEqualTo(tls);
            assertThat(cookie.sameSite()).isEqualTo(io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite.Strict);
            assertThat(cookie.path()).isEqualTo("/");
            assertThat(cookie.maxAge()).isEqualTo(SessionStore.LIFETIME.toSeconds());
            // Among other cookies and a quoted value, as browsers send them (RFC 6265: "; " between pairs).
            String header = "theme=\"dark\"; " + cookie.name() + "=" + cookie.value() + "; other=1";
            assertThat(locked.handle(WebRequest.get("/api/overview").withHeader("Cookie", header)).status())
                    .isEqualTo(200);
            var cleared = io.netty.handler.codec.http.cookie.ClientCookieDecoder.STRICT.decode(locked.handle(
                    new WebRequest("POST", "/logout", Map.of("cookie", cookie.name() + "=" + cookie.value()), ""))
                    .headers().get("Set-Cookie"));
            assertThat(cleared.maxAge()).isZero();
            assertThat(cleared.value()).isEmpty();
            assertThat(locked.handle(WebRequest.get("/api/overview").withHeader("Cookie", header)).status())
                    .as("the session ended").isEqualTo(401);
        }
    }

    @Test
    void theDecisionFollowsTheBindAddressUnlessForced() {
        WebSettings loopback = WebSettings.defaults();
        assertThat(loopback.tokenRequired(new java.net.InetSocketAddress("127.0.0.1", 8080))).isFalse();
        assertThat(loopback.tokenRequired(new java.net.InetSocketAddress("::1", 8080))).isFalse();
        assertThat(loopback.tokenRequired(new java.net.InetSocketAddress("0.0.0.0", 8080))).isTrue();
        assertThat(loopback.tokenRequired(new java.net.InetSocketAddress("192.0.2.1", 8080))).isTrue();
        WebSettings forced = new WebSettings(loopback.bind(), java.util.Optional.empty(), true, loopback.dataDir());
        assertThat(forced.tokenRequired(new java.net.InetSocketAddress("127.0.0.1", 8080))).isTrue();
    }
}
