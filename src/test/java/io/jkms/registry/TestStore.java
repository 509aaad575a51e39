package io.jkms.registry;

import io.jkms.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** A registry database for one test: a SQLite file in a temporary directory, or a fresh PostgreSQL schema. */
final class TestStore implements AutoCloseable {
    enum Backend { SQLITE, POSTGRESQL }

    static final UUID WINDOWS = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    static final UUID WINDOWS_10_PRO = UUID.fromString("2de67392-b7a7-462a-b1ca-108dd189f588");
    static final UUID WINDOWS_10_KMS_ID = UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148");
    /**
     * The registry's "now" in these tests. Its writer sweeps rows older than the retention when it starts, at a
     * moment that depends on the machine's load (before or after the first records are written): with the wall
     * clock, records dated relative to a fixed day would be kept or deleted depending on the date and the load.
     */
    static final Instant NOW = Instant.parse("2030-01-10T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final RegistrySettings settings;
    private final Optional<TestPostgres> postgres;

    private TestStore(RegistrySettings settings, Optional<TestPostgres> postgres) {
        this.settings = settings;
        this.postgres = postgres;
    }

    static TestStore create(Backend backend, Path tempDir) {
        RegistrySettings sqlite = RegistrySettings.sqlite(tempDir.resolve("data"));
        if (backend == Backend.SQLITE) {
            return new TestStore(sqlite, Optional.empty());
        }
        TestPostgres postgres = TestPostgres.create();
        return new TestStore(sqlite.withDatabase(postgres.url()), Optional.of(postgres));
    }

    Registry open() {
        return Registry.open(settings, CLOCK, RandomGenerator.getDefault());
    }

    /**
     * Reads until the answer satisfies the condition or a minute has passed, then returns the last answer (for the
     * caller's assertions): what was flushed must be visible, but a loaded machine may take its time.
     */
    static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        T answer = read.get();
        for (int i = 0; i < 600 && !done.test(answer) && System.nanoTime() - deadline < 0; i++) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            answer = read.get();
        }
        return answer;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl());
    }

    long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static ActivationRecord record(UUID cmid, String workstation, Instant at, int hresult) {
        return record(UUID.randomUUID(), cmid, WINDOWS_10_KMS_ID, workstation, at, hresult);
    }

    static ActivationRecord record(UUID eventId, UUID cmid, UUID kmsId, String workstation, Instant at, int hresult) {
        return new ActivationRecord(eventId, at, cmid, WINDOWS, WINDOWS_10_PRO, kmsId, workstation, 2, false, 6,
                "127.0.0.1", hresult == 0 ? Optional.of("03612-00206-556-123727-03-1033-26100.0000-3082024")
                : Optional.empty(), hresult, Duration.ofNanos(123_000));
    }

    @Override
    public void close() throws SQLException {
        if (postgres.isPresent()) {
            postgres.get().close();
        }
    }
}
