package io.jkms.registry;

import static io.jkms.registry.TestStore.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jkms.registry.TestStore.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Start-up brings every earlier schema, with its data, and a half-migrated one to the newest version. */
@Tag("database")
class MigrationTest {
    private static final Instant AT = TestStore.NOW.minus(1, ChronoUnit.DAYS);
    private static final List<String> V2_INDEXES = List.of("activations_at", "activations_cmid_at",
            "clients_last_seen");

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEmptyDatabaseGetsTheNewestSchema(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir)) {
            store.open().close();
            assertThat(appliedVersions(store)).containsExactly("1", "2");
            assertThat(indexes(store)).containsAll(V2_INDEXES);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void version1WithDataIsUpgradedAndItsDataStaysReadable(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir)) {
            UUID cmid = migrateToV1WithData(store);
            assertThat(indexes(store)).doesNotContainAnyElementsOf(V2_INDEXES);

            try (Registry registry = store.open()) {
                assertThat(appliedVersions(store)).containsExactly("1", "2");
                assertThat(registry.reader().client(cmid, 10).orElseThrow().history()).hasSize(1);
                registry.writer().offer(record(cmid, "after-upgrade", AT.plusSeconds(1), 0));
                registry.writer().flush().get(1, TimeUnit.MINUTES);
                assertThat(registry.reader().client(cmid, 10).orElseThrow().applications().get(0).requests())
                        .isEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aVersion2InterruptedBeforeItWasRecordedIsCompleted(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir)) {
            UUID cmid = migrateToV1WithData(store);
            execute(store, "CREATE INDEX activations_at ON activations (at)");

            try (Registry registry = store.open()) {
                assertThat(registry.reader().client(cmid, 10)).isPresent();
            }
            assertThat(appliedVersions(store)).containsExactly("1", "2");
            assertThat(indexes(store)).containsAll(V2_INDEXES);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aVersion2RecordedAsFailedIsRunAgain(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir)) {
            UUID cmid = migrateToV1WithData(store);
            execute(store, "CREATE INDEX activations_cmid_at ON activations (cmid, at)");
            try (Connection connection = store.connect(); PreparedStatement failed = connection.prepareStatement(
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                            + " checksum, installed_by, execution_time, success) VALUES (2, '2',"
                            + " 'history and retention indexes', 'SQL', 'V2__history_and_retention_indexes.sql',"
                            + " NULL, 'crashed', 0, ?)")) {
                failed.setBoolean(1, false);
                failed.executeUpdate();
            }

            try (Registry registry = store.open()) {
                assertThat(registry.reader().client(cmid, 10)).isPresent();
            }
            assertThat(appliedVersions(store)).containsExactly("1", "2");
            assertThat(indexes(store)).containsAll(V2_INDEXES);
        }
    }

    /** Migrates to version 1 only, as a host of that version would have, and stores one activation the V1 way. */
    private static UUID migrateToV1WithData(TestStore store) throws Exception {
        Dialect dialect = Dialect.of(store.settings.jdbcUrl());
        if (dialect == Dialect.SQLITE) {
            Files.createDirectories(store.settings.dataDir());
        }
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(store.settings.jdbcUrl());
            Flyway.configure().dataSource(dataSource).locations(dialect.migrationLocation()).target("1").load()
                    .migrate();
            UUID cmid = UUID.randomUUID();
            new ActivationRepository(dataSource, dialect).write(List.of(record(cmid, "v1-client", AT, 0)));
            return cmid;
        }
    }

    private static void execute(TestStore store, String sql) throws Exception {
        try (Connection connection = store.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> appliedVersions(TestStore store) throws Exception {
        List<String> versions = new java.util.ArrayList<>();
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success"
                     + " ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static List<String> indexes(TestStore store) throws Exception {
        String sql = store.settings.databaseUrl().isPresent()
                ? "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                : "SELECT name FROM sqlite_master WHERE type = 'index'";
        List<String> names = new java.util.ArrayList<>();
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
