package io.jkms.config;

import io.jkms.logging.LogSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** How much the host logs, in which format, and where (a rotated file, or standard output). */
final class LogOptions {
    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info", converter = Converters.LogLevel.class,
            description = {"error, warn, info (one line per activation) or debug (every field).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_LOG_LEVEL."})
    String logLevel;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            converter = Converters.LogFormat.class,
            description = {"Log lines as text, or as one JSON object per line (time, level, logger, message, and every "
                + "field of an activation as its own key).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_LOG_FORMAT."})
    LogSettings.Format logFormat;

    @Option(names = "--log-file", paramLabel = "PATH", converter = Converters.LogFile.class,
            description = {"Log to this file instead of standard output, rotated daily and at --log-file-max-size to "
                + "NAME.YYYY-MM-DD.N.EXT. Default: standard output (under systemd: the journal, without a second "
                + "timestamp).",
                "Env: JKMS_LOG_FILE."})
    Path logFile;

    @Range(min = 1L << 10, max = 10L << 30)
    @Option(names = "--log-file-max-size", paramLabel = "SIZE", defaultValue = "10MB",
            converter = Converters.Size.class,
            description = {"Size at which the log file is rotated: bytes, or with a suffix KB, MB or GB (1KB to 10GB).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_LOG_FILE_MAX_SIZE."})
    long logFileMaxSize;

    @Range(min = 1, max = 3650)
    @Option(names = "--log-file-max-history", paramLabel = "DAYS", defaultValue = "" + LogSettings.DEFAULT_MAX_HISTORY,
            converter = Converters.WholeNumber.class,
            description = {"Days of rotated log files kept (1 to 3650).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_LOG_FILE_MAX_HISTORY."})
    long logFileMaxHistory;

    @Range(min = 1L << 10, max = 1000L << 30)
    @Option(names = "--log-file-total-size", paramLabel = "SIZE", defaultValue = "1GB",
            converter = Converters.Size.class,
            description = {"Most space all rotated log files take together, the oldest deleted first (1KB to 1000GB, at "
                + "least --log-file-max-size).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_LOG_FILE_TOTAL_SIZE."})
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
