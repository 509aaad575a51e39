package io.jkms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's settings: --web, --web-token, --web-require-token, --data-dir. */
class WebConfigTest {
    private static HostConfig parse(Map<String, String> env) {
        return ServeConfiguration.read(List.of(), env);
    }

    @Test
    void theDashboardIsOnLoopback8080WithoutATokenByDefault() {
        var web = parse(Map.of()).web();
        assertThat(web.bind()).contains(new InetSocketAddress("127.0.0.1", 8080));
        assertThat(web.token()).isEmpty();
        assertThat(web.tokenRequired(web.bind().orElseThrow())).isFalse();
        assertThat(web.dataDir()).isEqualTo(Path.of("./data"));
    }

    @Test
    void offDisablesItAndAnAddressWithoutPortTakes8080() {
        assertThat(parse(Map.of("JKMS_WEB", "off")).web().bind()).isEmpty();
        assertThat(parse(Map.of("JKMS_WEB", "[::1]")).web().bind()).contains(new InetSocketAddress("::1", 8080));
        var web = parse(Map.of("JKMS_WEB", "0.0.0.0:9000", "JKMS_WEB_REQUIRE_TOKEN", "false")).web();
        assertThat(web.tokenRequired(web.bind().orElseThrow())).isTrue();
    }

    @Test
    void aShortTokenIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> parse(Map.of("JKMS_WEB_TOKEN", "secret")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("web-token")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> parse(Map.of("JKMS_WEB", "localhost:80"))).hasMessageContaining("web");
    }

    @Test
    void theWebPortLimitsHaveDefaultsAndRangesAndHostNamesAreChecked() {
        var web = parse(Map.of()).web();
        assertThat(web.limits()).isEqualTo(io.jkms.web.WebLimits.defaults());
        assertThat(web.limits().maxConnections()).isEqualTo(256);
        assertThat(web.limits().maxConnectionsPerAddress()).isEqualTo(32);
        assertThat(web.tls()).isEmpty();
        var tuned = parse(Map.of("JKMS_WEB_MAX_CONNECTIONS", "10", "JKMS_WEB_MAX_CONNECTIONS_PER_ADDRESS", "0",
                "JKMS_WEB_REQUEST_TIMEOUT", "3", "JKMS_WEB_IDLE_TIMEOUT", "120",
                "JKMS_WEB_ALLOWED_HOSTS", "kms.example.org,[fd00::1]")).web();
        assertThat(tuned.limits()).isEqualTo(new io.jkms.web.WebLimits(10, 0, java.time.Duration.ofSeconds(3),
                java.time.Duration.ofSeconds(120)));
        assertThat(tuned.allowedHosts()).containsExactly("kms.example.org", "[fd00::1]");
        assertThatThrownBy(() -> parse(Map.of("JKMS_WEB_MAX_CONNECTIONS", "0"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("web-max-connections").hasMessageContaining("1 to 100000");
        assertThatThrownBy(() -> parse(Map.of("JKMS_WEB_REQUEST_TIMEOUT", "0s")))
                .hasMessageContaining("web-request-timeout");
        assertThatThrownBy(() -> parse(Map.of("JKMS_WEB_ALLOWED_HOSTS", "kms.example.org:8080")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("web-allowed-hosts")
                .hasMessageContaining("without a port");
    }

    @Test
    void tlsNeedsBothFilesAndReadableOnes() {
        assertThatThrownBy(() -> parse(Map.of("JKMS_WEB_TLS_KEY", "/nonexistent/key.pem")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing web-tls-cert");
        assertThatThrownBy(() -> parse(Map.of("JKMS_WEB_TLS_CERT", "/nonexistent/cert.pem", "JKMS_WEB_TLS_KEY",
                "/nonexistent/key.pem"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("web-tls-cert").hasMessageContaining("/nonexistent/cert.pem");
    }
}
