package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.registry.RegistrySettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The start-up lines in plain words: addresses as an operator types them, the registry without secrets. */
class StartupLinesTest {
    @Test
    void addressesReadAsTheyAreTyped() {
        assertThat(HostRunner.hostPort(new InetSocketAddress("::", 1688))).isEqualTo("[::]:1688");
        assertThat(HostRunner.hostPort(new InetSocketAddress("::1", 1688))).isEqualTo("[::1]:1688");
        assertThat(HostRunner.compress("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(HostRunner.compress("fe80:0:0:0:0:0:0:5%eth0")).isEqualTo("fe80::5%eth0");
        assertThat(HostRunner.compress("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(HostRunner.hostPort(new InetSocketAddress("127.0.0.1", 1688))).isEqualTo("127.0.0.1:1688");
    }

    @Test
    void sqliteNamesItsFile() {
        assertThat(HostRunner.describe(RegistrySettings.sqlite(Path.of("/var/lib/jkms"))))
                .isEqualTo("SQLite /var/lib/jkms/registry.db, retention 90 days, written every 1000 ms, at most "
                        + "20000 records queued");
    }

    @Test
    void postgresqlNamesHostAndDatabaseButNeverTheUrlParameters() {
        String line = HostRunner.describe(RegistrySettings.sqlite(Path.of("data"))
                .withDatabase("jdbc:postgresql://db.example.test:5432/jkms?user=kms&password=s3cret"));
        assertThat(line).startsWith("PostgreSQL db.example.test:5432/jkms, retention 90 days")
                .doesNotContain("s3cret").doesNotContain("user=");
    }
}
