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
            converter = Converters.DirectoryPath.class)
    Path dataDir;

    @Option(names = "--registry", paramLabel = "on|off", defaultValue = "on", arity = "1",
            converter = Converters.Bool.class)
    boolean registry;

    @Option(names = "--database", paramLabel = "JDBC-URL", converter = Converters.PostgresUrl.class)
    String database;

    @Option(names = "--database-user", paramLabel = "USER")
    String databaseUser;

    @Option(names = "--database-password", paramLabel = "PASSWORD")
    String databasePassword;

    @Within(min = "1d", max = "3650d")
    @Option(names = "--retention", paramLabel = "TIME", defaultValue = "90", converter = DurationConverter.Days.class)
    Duration retention;

    @Range(min = 100, max = 10_000_000)
    @Option(names = "--registry-queue", paramLabel = "N", defaultValue = "" + RegistrySettings.DEFAULT_QUEUE_CAPACITY,
            converter = Converters.WholeNumber.class)
    long registryQueue;

    @Within(min = "10ms", max = "60s")
    @Option(names = "--flush-interval", paramLabel = "TIME", defaultValue = "1s",
            converter = DurationConverter.Millis.class)
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
