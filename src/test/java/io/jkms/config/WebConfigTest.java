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
        return HostConfigParser.parse(ConfigSources.merge(List.of(ConfigSources.fromEnvironment(env))));
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
}
