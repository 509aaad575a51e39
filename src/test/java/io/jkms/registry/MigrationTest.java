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
            assertThat(appliedVersions(store)).containsExactly("1", "2", "4");
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
                assertThat(appliedVersions(store)).containsExactly("1", "2", "4");
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
            assertThat(appliedVersions(store)).containsExactly("1", "2", "4");
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
            assertThat(appliedVersions(store)).containsExactly("1", "2", "4");
            assertThat(indexes(store)).containsAll(V2_INDEXES);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void namesStoredBeforeVersion4AreFoundByTheUnicodeSearchAfterTheUpgrade(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir)) {
            UUID arzt = migrateToV1WithData(store, "ÄRZTE-PC");
            UUID plain = migrateToV1WithData(store, "PLAIN-PC");
            try (Registry registry = store.open()) {
                assertThat(registry.reader().clients(new ClientQuery("ärzte", "workstation", false, 0, 10)).rows())
                        .extracting(ClientSummary::cmid).containsExactly(arzt);
                assertThat(registry.reader().clients(new ClientQuery("plain", "workstation", false, 0, 10)).rows())
                        .extracting(ClientSummary::cmid).containsExactly(plain);
            }
            assertThat(store.count("SELECT COUNT(*) FROM clients WHERE workstation_fold IS NULL")).isZero();
        }
    }

    /** Migrates to version 1 only, as a host of that version would have, and stores one activation the V1 way. */
    private static UUID migrateToV1WithData(TestStore store) throws Exception {
        return migrateToV1WithData(store, "v1-client");
    }

    private static UUID migrateToV1WithData(TestStore store, String workstation) throws Exception {
        Dialect dialect = Dialect.of(store.settings.jdbcUrl());
        if (dialect == Dialect.SQLITE) {
            Files.createDirectories(store.settings.dataDir());
        }
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(store.settings.jdbcUrl());
            Flyway.configure().dataSource(dataSource).locations(dialect.migrationLocation()).target("1").load()
                    .migrate();
            UUID cmid = UUID.randomUUID();
            insertTheV1Way(dataSource, record(cmid, workstation, AT, 0));
            return cmid;
        }
    }

    /** One activation as version 1 of the host stored it: its columns only (no search column yet). */
    private static void insertTheV1Way(HikariDataSource dataSource, ActivationRecord r) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement activation = connection.prepareStatement("INSERT INTO activations (event_id, at,"
                     + " cmid, app_id, sku_id, kms_id, workstation, license_status, virtual_machine, protocol_major,"
                     + " client_address, epid, hresult, took_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement client = connection.prepareStatement("INSERT INTO clients (cmid, app_id, workstation,"
                     + " sku_id, kms_id, license_status, virtual_machine, protocol_major, client_address, first_seen,"
                     + " last_seen, requests, epid, last_hresult) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
            Object[] values = {r.eventId().toString(), r.at().toEpochMilli(), r.cmid().toString(), r.appId().toString(),
                r.skuId().toString(), r.kmsId().toString(), r.workstation(), r.licenseStatus(), r.virtualMachine(),
                r.protocolMajor(), r.clientAddress(), r.epid().orElse(null), r.hresult(), r.took().toNanos() / 1000};
            for (int i = 0; i < values.length; i++) {
                activation.setObject(i + 1, values[i]);
            }
            activation.executeUpdate();
            Object[] row = {r.cmid().toString(), r.appId().toString(), r.workstation(), r.skuId().toString(),
                r.kmsId().toString(), r.licenseStatus(), r.virtualMachine(), r.protocolMajor(), r.clientAddress(),
                r.at().toEpochMilli(), r.at().toEpochMilli(), r.epid().orElse(null), r.hresult()};
            for (int i = 0; i < row.length; i++) {
                client.setObject(i + 1, row[i]);
            }
            client.executeUpdate();
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
