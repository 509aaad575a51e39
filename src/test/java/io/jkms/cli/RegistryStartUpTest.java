package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import io.jkms.testing.TestPostgres;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A host answers from the moment it listens, whatever its registry is doing: here another host holds the
 * schema history locked (as during its migration), so this one's Flyway waits; the activation is answered
 * at once, its record waits in the queue and lands once the lock is released and the registry opens.
 */
@Tag("database")
class RegistryStartUpTest {

    @Test
    void answersWhileTheRegistryWaitsForALockedSchemaAndStoresTheRecordOnceItOpens() throws Exception {
        try (TestPostgres postgres = TestPostgres.create()) {
            try (TestHost first = TestHost.start("database", postgres.url())) {
                first.host.registry(); // the schema is migrated: the next host only reads the history
            }
            try (Connection other = postgres.connect()) {
                other.setAutoCommit(false);
                try (Statement lock = other.createStatement()) {
                    lock.execute("LOCK TABLE flyway_schema_history IN ACCESS EXCLUSIVE MODE");
                }
                try (TestHost host = TestHost.start("database", postgres.url(), "flush-interval", "20ms")) {
                    try (KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(),
                            new SecureRandom())) {
                        assertThat(client.activate(HostEndToEndTest.PRODUCTS.get(4).request("during-open"))
                                .activated()).isTrue();
                    }
                    assertThat(host.registryHealth().queueDepth()).as("the record waits in the queue").isEqualTo(1);
                    assertThat(host.registryHealth().problem()).hasValueSatisfying(p -> assertThat(p)
                            .contains("opening"));
                    assertThat(storedFor(postgres, "during-open")).isZero();

                    other.rollback(); // the other host's migration is done: the lock goes
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                    while (storedFor(postgres, "during-open") == 0) {
                        assertThat(System.nanoTime()).as("the record was stored once the registry opened")
                                .isLessThan(deadline);
                        LockSupport.parkNanos(50_000_000L); // poll, bounded by the deadline
                    }
                    assertThat(host.registryHealth().dropped()).isZero();
                    assertThat(host.registryHealth().problem()).isEmpty();
                }
            }
        }
    }

    @Test
    void aHostStoppedWhileItsRegistryIsStillOpeningStopsWithoutWaitingForIt() throws Exception {
        try (TestPostgres postgres = TestPostgres.create()) {
            try (TestHost first = TestHost.start("database", postgres.url())) {
                first.host.registry();
            }
            try (Connection other = postgres.connect()) {
                other.setAutoCommit(false);
                try (Statement lock = other.createStatement()) {
                    lock.execute("LOCK TABLE flyway_schema_history IN ACCESS EXCLUSIVE MODE");
                }
                TestHost host = TestHost.start("database", postgres.url());
                try (KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(),
                        new SecureRandom())) {
                    assertThat(client.activate(HostEndToEndTest.PRODUCTS.get(4).request("stopped-early"))
                            .activated()).isTrue();
                }
                // The lock is still held: stopping must not wait for Flyway, which waits for the lock.
                host.close();
                assertThat(host.registryHealth().problem()).hasValueSatisfying(p -> assertThat(p).contains("opening"));
                other.rollback();
            }
        }
    }

    private static long storedFor(TestPostgres postgres, String workstation) throws SQLException {
        try (Connection connection = postgres.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM activations WHERE workstation = ?")) {
            query.setString(1, workstation);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
