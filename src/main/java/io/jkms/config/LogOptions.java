package io.jkms.config;

import io.jkms.logging.LogSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** How much the host logs, in which format, and where (a rotated file, or standard output). */
final class LogOptions {
    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info", converter = Converters.LogLevel.class)
    String logLevel;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            converter = Converters.LogFormat.class)
    LogSettings.Format logFormat;

    @Option(names = "--log-file", paramLabel = "PATH", converter = Converters.LogFile.class)
    Path logFile;

    @Range(min = 1L << 10, max = 10L << 30)
    @Option(names = "--log-file-max-size", paramLabel = "SIZE", defaultValue = "10MB",
            converter = Converters.Size.class)
    long logFileMaxSize;

    @Range(min = 1, max = 3650)
    @Option(names = "--log-file-max-history", paramLabel = "DAYS", defaultValue = "" + LogSettings.DEFAULT_MAX_HISTORY,
            converter = Converters.WholeNumber.class)
    long logFileMaxHistory;

    @Range(min = 1L << 10, max = 1000L << 30)
    @Option(names = "--log-file-total-size", paramLabel = "SIZE", defaultValue = "1GB",
            converter = Converters.Size.class)
    long logFileTotalSize;

    LogSettings settings(Function<String, ConfigValue> origin) {
        if (logFileTotalSize < logFileMaxSize) {
            throw ConfigException.invalid(origin.apply("log-file-total-size"), "at least log-file-max-size ("
                    + origin.apply("log-file-max-size").value() + ")");
        }
        return new LogSettings(logFormat, Optional.ofNullable(logFile), logFileMaxSize, (int) logFileMaxHistory,
                logFileTotalSize);
    }
}
