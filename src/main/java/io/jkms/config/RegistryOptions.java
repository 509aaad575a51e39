package io.jkms.config;

import io.jkms.registry.RegistrySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The client registry: where activations are recorded, for how long, and how they are written. */
final class RegistryOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
            converter = Converters.DirectoryPath.class,
            description = {"Directory for the host's state, created on first start: the embedded SQLite client registry "
                + "(registry.db) and the generated dashboard token (web-token).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_DATA_DIR."})
    Path dataDir;

    @Option(names = "--registry", paramLabel = "on|off", defaultValue = "on", arity = "1",
            converter = Converters.Bool.class,
            description = {"Record every activation in the client registry; 'off' keeps nothing (as vlmcsd), and the "
                + "dashboard then shows no clients.",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_REGISTRY."})
    boolean registry;

    @Option(names = "--database", paramLabel = "JDBC-URL", converter = Converters.PostgresUrl.class,
            description = {"PostgreSQL client registry instead of SQLite, shared by every host given the same URL, e.g. "
                + "jdbc:postgresql://db.example:5432/jkms (user and password may be URL parameters).",
                "Env: JKMS_DATABASE."})
    String database;

    @Option(names = "--database-user", paramLabel = "USER",
            description = {"PostgreSQL user, unless the URL names one.",
                "Env: JKMS_DATABASE_USER."})
    String databaseUser;

    @Option(names = "--database-password", paramLabel = "PASSWORD",
            description = {"PostgreSQL password, unless the URL names one (prefer the environment variable: flags show in "
                + "ps).",
                "Env: JKMS_DATABASE_PASSWORD."})
    String databasePassword;

    @Within(min = "1d", max = "3650d")
    @Option(names = "--retention", paramLabel = "TIME", defaultValue = "90", converter = DurationConverter.Days.class,
            description = {"Delete registry activations and clients older than this: days, or a number with a suffix ms, s, "
                + "m, h, d or w (1d to 3650d).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_RETENTION."})
    Duration retention;

    @Range(min = 100, max = 10_000_000)
    @Option(names = "--registry-queue", paramLabel = "N", defaultValue = "" + RegistrySettings.DEFAULT_QUEUE_CAPACITY,
            converter = Converters.WholeNumber.class,
            description = {"Activation records that may wait for the database (100 to 10000000); past it they are dropped "
                + "and counted. A crash loses at most this many.",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_REGISTRY_QUEUE."})
    long registryQueue;

    @Within(min = "10ms", max = "60s")
    @Option(names = "--flush-interval", paramLabel = "TIME", defaultValue = "1s",
            converter = DurationConverter.Millis.class,
            description = {"How often the registry is written: milliseconds, or a number with a suffix ms, s, m, h, d or w "
                + "(10ms to 60s): while /api/health is ok, a crash loses at most twice this much.",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_FLUSH_INTERVAL."})
    Duration flushInterval;

    /** Empty with {@code --registry off}; real client counting needs the registry and 30 days of it. */
    Optional<RegistrySettings> settings(ClientCount clientCount, Function<String, ConfigValue> origin) {
        boolean counted = clientCount instanceof ClientCount.Real;
        if (!registry) {
            if (counted) {
                throw ConfigException.invalid(origin.apply("registry"), "on with client-count real, which counts "
                        + "the machines the registry has seen");
            }
            return Optional.empty();
        }
        if (counted && retention.compareTo(RegistrySettings.COUNTING_WINDOW) < 0) {
            throw ConfigException.invalid(origin.apply("retention"), "at least 30 days with client-count real, "
                    + "which counts the machines of the last 30 days");
        }
        return Optional.of(new RegistrySettings(dataDir, Optional.ofNullable(database),
                Optional.ofNullable(databaseUser), Optional.ofNullable(databasePassword), retention,
                (int) registryQueue, flushInterval));
    }
}
