package io.jkms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.client.HostAddress;
import io.jkms.dns.DnsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dns-* settings, from the environment as from any source. */
class DnsConfigTest {
    private static final String SECRET = "mYqNm2yKr/Vfov7oI3iBqPIkNxcNh+9Co0/NQ/NOi6o=";

    @TempDir
    Path dir;

    private static Optional<DnsSettings> parse(Map<String, String> env) {
        return ServeConfiguration.read(List.of(), env).dns();
    }

    private Map<String, String> publishing(String... more) throws Exception {
        Path key = dir.resolve("kms.key");
        Files.writeString(key, "key \"kms\" { algorithm hmac-sha256; secret \"" + SECRET + "\"; };\n");
        Map<String, String> env = new HashMap<>(Map.of("JKMS_DNS_PUBLISH", "Corp.Example", "JKMS_DNS_TSIG_KEY",
                key.toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void offUnlessAZoneIsGivenAndThenWithWindowsDefaults() throws Exception {
        assertThat(parse(Map.of())).isEmpty();
        DnsSettings dns = parse(publishing()).orElseThrow();
        assertThat(dns.zone()).isEqualTo("corp.example");
        assertThat(dns.server()).isEmpty();
        assertThat(dns.target()).isEmpty();
        assertThat(dns.key().name()).isEqualTo("kms");
        assertThat(List.of(dns.priority(), dns.weight())).containsExactly(0, 0);
        assertThat(dns.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(dns.refresh()).isEqualTo(Duration.ofHours(24));
        assertThat(dns.retry()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void everySettingIsTaken() throws Exception {
        DnsSettings dns = parse(publishing("JKMS_DNS_SERVER", "[::1]:5353", "JKMS_DNS_TARGET", "kms1.corp.example.",
                "JKMS_DNS_PRIORITY", "10", "JKMS_DNS_WEIGHT", "65535", "JKMS_DNS_TTL", "600", "JKMS_DNS_REFRESH", "6h",
                "JKMS_DNS_RETRY", "250ms")).orElseThrow();
        assertThat(dns.server()).contains(new HostAddress("::1", 5353));
        assertThat(dns.target()).contains("kms1.corp.example");
        assertThat(List.of(dns.priority(), dns.weight())).containsExactly(10, 65535);
        assertThat(List.of(dns.ttl(), dns.refresh(), dns.retry())).containsExactly(Duration.ofMinutes(10),
                Duration.ofHours(6), Duration.ofMillis(250));
        assertThat(parse(publishing("JKMS_DNS_SERVER", "ns1.corp.example")).orElseThrow().server())
                .contains(new HostAddress("ns1.corp.example", 53));
    }

    @Test
    void aBadValueStopsStartUpNamingKeyValueAndWhatIsAllowed() throws Exception {
        String[][] bad = {
            {"JKMS_DNS_PUBLISH", "corp example", "dns-publish", "a DNS name"},
            {"JKMS_DNS_TARGET", "kms_1.corp.example;", "dns-target", "a DNS name"},
            {"JKMS_DNS_SERVER", "ns1:0", "dns-server", "HOST:PORT"},
            {"JKMS_DNS_PRIORITY", "-1", "dns-priority", "0 to 65535"},
            {"JKMS_DNS_WEIGHT", "65536", "dns-weight", "0 to 65535"},
            {"JKMS_DNS_TTL", "8d", "dns-ttl", "0s to 7d"},
            {"JKMS_DNS_REFRESH", "0s", "dns-refresh", "1s to 30d"},
            {"JKMS_DNS_RETRY", "2h", "dns-retry", "100ms to 1h"},
            {"JKMS_DNS_TTL", "7 days", "dns-ttl", "suffix ms, s, m, h, d or w"},
        };
        for (String[] b : bad) {
            assertThatThrownBy(() -> parse(publishing(b[0], b[1]))).as(b[0]).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(b[2]).hasMessageContaining("'" + b[1] + "'").hasMessageContaining(b[3]);
        }
    }

    @Test
    void theKeyFileIsRequiredAndCheckedWithoutEchoingTheSecret() throws Exception {
        assertThatThrownBy(() -> parse(Map.of("JKMS_DNS_PUBLISH", "corp.example")))
                .hasMessageContaining("dns-publish").hasMessageContaining("needs dns-tsig-key");
        Path missing = dir.resolve("missing.key");
        assertThatThrownBy(() -> parse(publishing("JKMS_DNS_TSIG_KEY", missing.toString())))
                .hasMessageContaining("dns-tsig-key").hasMessageContaining(missing.toString())
                .hasMessageContaining("cannot read it");
        Path broken = dir.resolve("broken.key");
        Files.writeString(broken, "key \"kms\" { algorithm hmac-sha256; secret \"" + SECRET + "\" };");
        assertThatThrownBy(() -> parse(publishing("JKMS_DNS_TSIG_KEY", broken.toString())))
                .hasMessageContaining("dns-tsig-key").hasMessageNotContaining(SECRET);
    }
}
