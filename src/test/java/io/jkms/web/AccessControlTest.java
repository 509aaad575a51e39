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
        assertThat(app.handle(WebRequest.get("/").withHeader("Cookie", "a=b; jkms_token=" + Fixtures.TOKEN))
                .status()).isEqualTo(200);
    }

    @Test
    void theLoginFormSetsAnHttpOnlyCookieAndRedirectsOnlyWithinTheSite() {
        WebResponse ok = app.handle(new WebRequest("POST", "/login", Map.of(),
                "token=" + Fixtures.TOKEN + "&next=%2Fclients%3Fq%3Dx"));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(ok.headers().get("Location")).isEqualTo("/clients?q=x");
        assertThat(ok.headers().get("Set-Cookie")).contains("HttpOnly", "SameSite=Strict");
        WebResponse offsite = app.handle(new WebRequest("POST", "/login", Map.of(),
                "token=" + Fixtures.TOKEN + "&next=%2F%2Fevil.example"));
        assertThat(offsite.headers().get("Location")).isEqualTo("/");
        WebResponse wrong = app.handle(new WebRequest("POST", "/login", Map.of(), "token=nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.headers()).doesNotContainKey("Set-Cookie");
    }

    @Test
    void theDecisionFollowsTheBindAddressUnlessForced() {
        WebSettings loopback = WebSettings.defaults();
        assertThat(loopback.tokenRequired(new java.net.InetSocketAddress("127.0.0.1", 8080))).isFalse();
        assertThat(loopback.tokenRequired(new java.net.InetSocketAddress("::1", 8080))).isFalse();
        assertThat(loopback.tokenRequired(new java.net.InetSocketAddress("0.0.0.0", 8080))).isTrue();
        assertThat(loopback.tokenRequired(new java.net.InetSocketAddress("192.0.2.1", 8080))).isTrue();
        WebSettings forced = new WebSettings(loopback.bind(), java.util.Optional.empty(), true, loopback.dataDir(),
                java.util.Optional.empty());
        assertThat(forced.tokenRequired(new java.net.InetSocketAddress("127.0.0.1", 8080))).isTrue();
    }
}
