package io.jkms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeConfigurationTest {

    private static HostConfig parse(List<String> flags, Map<String, String> env) {
        return ServeConfiguration.read(flags, env);
    }

    private static List<String> flag(String key, String... values) {
        return java.util.Arrays.stream(values).flatMap(v -> java.util.stream.Stream.of("--" + key, v)).toList();
    }

    @Test
    void defaultsAreThoseOfAGenuineHost() {
        HostConfig config = parse(List.of(), Map.of());
        assertThat(config.policy().activationInterval()).isEqualTo(120);
        assertThat(config.policy().renewalInterval()).isEqualTo(10080);
        assertThat(config.policy().clientCount()).isInstanceOf(ClientCount.Charged.class);
        assertThat(config.policy().whitelistLevel()).isZero();
        assertThat(config.policy().clientTimeCheck()).isFalse();
        assertThat(config.listener().listen()).isEmpty();
        assertThat(config.listener().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.identity().hostBuild()).hasValue(26100);
        assertThat(config.identity().lcid()).isEmpty();
        assertThat(config.identity().ndr64()).isEmpty();
        assertThat(config.btfn()).isTrue();
        assertThat(config.logLevel()).isEqualTo("info");
    }

    @Test
    void publicNameComesFromTheFlagTheFileOrTheEnvironment(@TempDir Path dir) throws Exception {
        assertThat(parse(List.of(), Map.of()).web().publicName()).isEmpty();
        assertThat(parse(flag("public-name", "kms.example.org"), Map.of()).web().publicName())
                .hasValueSatisfying(a -> assertThat(a.toString()).isEqualTo("kms.example.org:1688"));
        assertThat(parse(List.of(), Map.of("JKMS_PUBLIC_NAME", "[fd00::5]:1700")).web().publicName())
                .hasValueSatisfying(a -> assertThat(a.toString()).isEqualTo("[fd00::5]:1700"));
        assertThat(parse(List.of(), Map.of("JKMS_PUBLIC_NAME", "fd00::5")).web().publicName())
                .hasValueSatisfying(a -> assertThat(a.toString()).isEqualTo("[fd00::5]:1688"));
        Path file = Files.writeString(dir.resolve("t.toml"), "public-name = \"kms.example.org:1700\"");
        assertThat(parse(List.of("--config", file.toString()), Map.of()).web().publicName())
                .hasValueSatisfying(a -> assertThat(a.port()).isEqualTo(1700));
    }

    @Test
    void aPublicNameThatIsNotAHostNameStopsStartUp() {
        for (String bad : new String[] {"kms.example.org & del *", "kms:99999", "-kms", "[fd00::5", "a b", "fd00::zz"}) {
            assertThatThrownBy(() -> parse(flag("public-name", bad), Map.of())).as(bad)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("public-name")
                    .hasMessageContaining("'" + bad + "'").hasMessageContaining("HOST[:PORT]");
        }
    }

    @Test
    void intervalsTakeMinutesOrSuffixes() {
        assertThat(parse(flag("activation-interval", "2h"), Map.of()).policy().activationInterval())
                .isEqualTo(120);
        assertThat(parse(flag("activation-interval", "5400s"), Map.of()).policy().activationInterval())
                .isEqualTo(90);
        assertThat(parse(flag("renewal-interval", "1w"), Map.of()).policy().renewalInterval())
                .isEqualTo(10080);
        assertThat(parse(flag("renewal-interval", "30d"), Map.of()).policy().renewalInterval())
                .isEqualTo(43200);
    }

    @Test
    void anIntervalOutOfRangeNamesKeyValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> parse(flag("activation-interval", "5"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("activation-interval").hasMessageContaining("'5'")
                .hasMessageContaining("15 to 43200");
        assertThatThrownBy(() -> parse(flag("renewal-interval", "31d"), Map.of()))
                .hasMessageContaining("renewal-interval");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        HostConfig config = parse(flag("client-count", "7"), Map.of("JKMS_CLIENT_COUNT", "9",
                "JKMS_WHITELIST", "3"));
        assertThat(config.policy().clientCount()).isEqualTo(new ClientCount.Fixed(7));
        assertThat(config.policy().whitelistLevel()).isEqualTo(3);
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> parse(List.of(), Map.of("JKMS_BTFN", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("btfn").hasMessageContaining("JKMS_BTFN")
                .hasMessageContaining("true or false");
    }

    @Test
    void theFileSitsBetweenFlagsAndEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jkms.toml");
        Files.writeString(file, """
                listen = ["127.0.0.1:0", "[::1]:0"]
                renewal_interval = "3d"
                client-count = 40
                [epid]
                Windows = "03612-00206-556-123727-03-1033-26100.0000-3082024/3A1C049600B60076"
                """);
        HostConfig config = parse(List.of("--client-count", "charged", "--config", file.toString()),
                Map.of("JKMS_RENEWAL_INTERVAL", "1d", "JKMS_LCID", "1031", "JKMS_CLIENT_COUNT", "9"));
        assertThat(config.listener().listen()).extracting(InetSocketAddress::getPort).containsExactly(0, 0);
        assertThat(config.listener().listen().get(1).getAddress().getHostAddress()).contains(":");
        assertThat(config.policy().renewalInterval()).isEqualTo(3 * 1440);
        assertThat(config.policy().clientCount()).isInstanceOf(ClientCount.Charged.class);
        assertThat(config.identity().lcid()).hasValue(1031);
        assertThat(config.identity().fixed()).containsKey("Windows");
        assertThat(config.identity().fixed().get("Windows").hwid()).isPresent();
    }

    @Test
    void anUnknownFileKeyIsRefusedWithTheKnownOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.toml");
        Files.writeString(file, "renewal = 5\n");
        assertThatThrownBy(() -> ConfigSources.fromToml(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'renewal'").hasMessageContaining("renewal-interval");
    }

    @Test
    void aMalformedFileIsReportedNotThrownRaw(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.toml");
        Files.writeString(file, "listen = [\n");
        assertThatThrownBy(() -> ConfigSources.fromToml(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken.toml");
    }

    @Test
    void listenAddressesAreLiteralsWithOptionalPorts() {
        HostConfig config = parse(flag("listen", "0.0.0.0:1689", "[::]:1690", "::1", "127.0.0.1"), Map.of());
        assertThat(config.listener().listen()).extracting(InetSocketAddress::getPort)
                .containsExactly(1689, 1690, 1688, 1688);
        for (String bad : List.of("kms.example.org:1688", "1.2.3.4:70000", "[::1", "1.2.3.4:x", "")) {
            assertThatThrownBy(() -> parse(flag("listen", bad), Map.of()))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("listen");
        }
    }

    @Test
    void epidsMustBeWellFormed() {
        assertThatThrownBy(() -> parse(flag("epid", "Windows=hello"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epid").hasMessageContaining("hello");
        assertThatThrownBy(() -> parse(flag("epid",
                "Windows=03612-00206-556-123727-03-1033-26100.0000-3082024/XYZ"), Map.of()))
                .hasMessageContaining("16 hex digits");
    }

    @Test
    void otherRangesAreChecked() {
        assertThatThrownBy(() -> parse(flag("whitelist", "4"), Map.of())).hasMessageContaining("0 to 3");
        assertThatThrownBy(() -> parse(flag("idle-timeout", "0"), Map.of())).hasMessageContaining("1 to 600");
        assertThatThrownBy(() -> parse(flag("ndr64", "sometimes"), Map.of()))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> parse(flag("log-level", "loud"), Map.of())).hasMessageContaining("debug");
        assertThatThrownBy(() -> parse(flag("hwid", "12"), Map.of())).hasMessageContaining("hwid");
    }

    @Test
    void connectionBoundsHaveDefaultsAndRangesFromFlagsAndTheEnvironment() {
        io.jkms.host.ConnectionBounds bounds = parse(List.of(), Map.of()).listener().bounds();
        assertThat(bounds).isEqualTo(io.jkms.host.ConnectionBounds.defaults());
        assertThat(bounds.firstByteTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bounds.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bounds.maxConnectionTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bounds.maxQueuedBytes()).isEqualTo(8192);
        assertThat(parse(flag("max-connection-time", "60"), Map.of()).listener().bounds().maxConnectionTime())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(parse(List.of(), Map.of("JKMS_FIRST_BYTE_TIMEOUT", "2")).listener().bounds().firstByteTimeout())
                .isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> parse(flag("max-connection-time", "0"), Map.of()))
                .hasMessageContaining("max-connection-time").hasMessageContaining("1 to 86400");
        assertThatThrownBy(() -> parse(flag("write-timeout", "601"), Map.of()))
                .hasMessageContaining("write-timeout").hasMessageContaining("601").hasMessageContaining("1 to 600");
        assertThatThrownBy(() -> parse(flag("max-queued-bytes", "512"), Map.of()))
                .hasMessageContaining("max-queued-bytes").hasMessageContaining("1024 to 16777216");
    }

    @Test
    void eachReadingReadsTheFileAgainAsAReloadDoes(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("jkms.toml"), "renewal-interval = \"1d\"\n");
        List<String> flags = List.of("--config", file.toString());
        assertThat(parse(flags, Map.of()).policy().renewalInterval()).isEqualTo(1440);
        Files.writeString(file, "renewal-interval = \"2d\"\n");
        assertThat(parse(flags, Map.of()).policy().renewalInterval()).isEqualTo(2880);
    }

    @Test
    void aValueIsTakenAsWrittenNotAsAPicocliVariable() {
        HostConfig config = parse(List.of("--database", "jdbc:postgresql://db.example/jkms"),
                Map.of("JKMS_DATABASE_PASSWORD", "pa${sys:user.home}ss"));
        assertThat(config.registry().orElseThrow().password()).hasValue("pa${sys:user.home}ss");
    }
}
