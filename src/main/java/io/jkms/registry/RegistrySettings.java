package io.jkms.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the registry lives and how it writes.
 *
 * @param dataDir       directory of the embedded SQLite file ({@code registry.db}), used without a database URL
 * @param databaseUrl   a {@code jdbc:postgresql://} URL, to share one registry between hosts
 * @param user          database user, unless the URL names one
 * @param password      database password, unless the URL names one
 * @param retention     activations and clients not seen for this long are deleted
 * @param queueCapacity records waiting for the database, the batch being written included; past it, new records are
 *                      dropped (and counted): at most this many are lost when the process dies
 * @param flushInterval how often the writer flushes; a record waiting twice as long makes the registry unhealthy
 */
public record RegistrySettings(Path dataDir, Optional<String> databaseUrl, Optional<String> user,
                               Optional<String> password, Duration retention, int queueCapacity,
                               Duration flushInterval) {
    public static final Duration COUNTING_WINDOW = Duration.ofDays(30);

    public RegistrySettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive: " + queueCapacity);
        }
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flush interval must be positive: " + flushInterval);
        }
        databaseUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("database URL must start with jdbc:postgresql: "
                        + Credentials.redact(url));
            }
        });
    }

    /**
     * Records that may wait for the database by default. A record is about 450 bytes of heap (measured), so a full
     * queue is ~9 MB: it stays well inside the launcher's heap, and a database that cannot keep up (or is down) under
     * heavy load makes the host drop and count records instead of growing to its heap limit. 20,000 is minutes
     * of a busy site's activations; raise it together with -Xmx for longer outages.
     */
    public static final int DEFAULT_QUEUE_CAPACITY = 20_000;

    /** The embedded SQLite registry in {@code dataDir} with the default limits. */
    public static RegistrySettings sqlite(Path dataDir) {
        return new RegistrySettings(dataDir, Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofDays(90),
                DEFAULT_QUEUE_CAPACITY, Duration.ofSeconds(1));
    }

    public RegistrySettings withDatabase(String url) {
        return new RegistrySettings(dataDir, Optional.of(url), user, password, retention, queueCapacity, flushInterval);
    }

    public RegistrySettings withQueueCapacity(int capacity) {
        return new RegistrySettings(dataDir, databaseUrl, user, password, retention, capacity, flushInterval);
    }

    public RegistrySettings withRetention(Duration value) {
        return new RegistrySettings(dataDir, databaseUrl, user, password, value, queueCapacity, flushInterval);
    }

    /** The JDBC URL actually used. */
    public String jdbcUrl() {
        return databaseUrl.orElseGet(() -> "jdbc:sqlite:" + dataDir.resolve("registry.db"));
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "RegistrySettings[" + (databaseUrl.isPresent() ? "PostgreSQL" : "SQLite in " + dataDir)
                + ", retention " + retention.toDays() + " days, queue " + queueCapacity + ", flush every "
                + flushInterval.toMillis() + " ms]";
    }
}
