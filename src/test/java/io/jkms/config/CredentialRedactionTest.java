package io.jkms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad database setting is reported with its key and what is allowed, never with its password. */
class CredentialRedactionTest {
    @TempDir
    Path dir;

    private static HostConfig parse(String... flags) {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < flags.length; i += 2) {
            values.add("--" + flags[i]);
            values.add(flags[i + 1]);
        }
        return ServeConfiguration.read(values, Map.of());
    }

    @Test
    void anInvalidDatabaseUrlIsEchoedWithoutItsPassword() {
        for (String url : List.of("postgres://jkms:s3cret@db.example/jkms",
                "jdbc:mysql://db.example/jkms?user=jkms&password=s3cret",
                "postgresql://db.example/jkms?sslpassword=s3cret&password=s3cret")) {
            assertThatThrownBy(() -> parse("database", url)).as(url).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("database").hasMessageContaining("PostgreSQL")
                    .hasMessageContaining("db.example").hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void aConfigFileThatDoesNotParseIsReportedWithoutThePasswordOnItsBrokenLine() throws Exception {
        Path file = dir.resolve("jkms.toml");
        Files.writeString(file, "database_password = \"s3cret\n");
        assertThatThrownBy(() -> ConfigSources.fromToml(file)).isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("s3cret");
    }
}
