package io.jkms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.registry.RegistrySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry settings: defaults, flags, environment, and the messages for bad values. */
class RegistryConfigTest {

    private static HostConfig parse(Map<String, String> env, String... flags) {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < flags.length; i += 2) {
            values.add("--" + flags[i]);
            values.add(flags[i + 1]);
        }
        return ServeConfiguration.read(values, env);
    }

    @Test
    void defaultsAreAnSqliteFileInDataWithNinetyDaysAndOneSecondFlushes() {
        RegistrySettings registry = parse(Map.of()).registry().orElseThrow();
        assertThat(registry.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(registry.jdbcUrl()).isEqualTo("jdbc:sqlite:" + Path.of("./data", "registry.db"));
        assertThat(registry.databaseUrl()).isEmpty();
        assertThat(registry.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(registry.queueCapacity()).isEqualTo(20_000);
        assertThat(registry.flushInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void postgresCredentialsMayComeFromTheEnvironmentAndAreNeverPrinted() {
        RegistrySettings registry = parse(Map.of("JKMS_DATABASE_PASSWORD", "s3cret", "JKMS_DATABASE_USER", "kms"),
                "database", "jdbc:postgresql://db.example:5432/jkms", "retention", "13w", "flush-interval", "250ms",
                "registry-queue", "5000").registry().orElseThrow();
        assertThat(registry.databaseUrl()).hasValue("jdbc:postgresql://db.example:5432/jkms");
        assertThat(registry.user()).hasValue("kms");
        assertThat(registry.password()).hasValue("s3cret");
        assertThat(registry.retention()).isEqualTo(Duration.ofDays(91));
        assertThat(registry.flushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(registry.queueCapacity()).isEqualTo(5000);
        assertThat(registry.toString()).doesNotContain("s3cret").doesNotContain("db.example");
    }

    @Test
    void realCountingIsAPolicyOfItsOwn() {
        assertThat(parse(Map.of(), "client-count", "real").policy().clientCount())
                .isInstanceOf(ClientCount.Real.class);
    }

    @Test
    void badValuesNameKeyValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> parse(Map.of(), "database", "jdbc:mysql://db/jkms"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("database").hasMessageContaining("PostgreSQL");
        assertThatThrownBy(() -> parse(Map.of(), "retention", "0")).hasMessageContaining("1 to 3650");
        assertThatThrownBy(() -> parse(Map.of(), "flush-interval", "5m")).hasMessageContaining("10ms to 60s");
        assertThatThrownBy(() -> parse(Map.of(), "registry-queue", "10")).hasMessageContaining("100 to 10000000");
        assertThatThrownBy(() -> parse(Map.of(), "client-count", "real", "retention", "7d"))
                .hasMessageContaining("at least 30 days");
        assertThatThrownBy(() -> parse(Map.of(), "client-count", "genuine")).hasMessageContaining("'real'");
    }

    @Test
    void registryOffKeepsNothingAndCannotCountRealClients() {
        assertThat(parse(Map.of("JKMS_REGISTRY", "off")).registry()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> parse(Map.of("JKMS_REGISTRY", "off", "JKMS_CLIENT_COUNT", "real")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("registry").hasMessageContaining("real");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Map.of("JKMS_REGISTRY", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("registry");
    }
}
