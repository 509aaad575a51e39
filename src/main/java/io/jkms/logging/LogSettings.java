package io.jkms.logging;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the host logs.
 *
 * @param format      text lines or one JSON object per line
 * @param file        a file instead of standard output, rotated daily and when it reaches {@code maxFileSize}
 * @param maxFileSize bytes one log file may reach before it is rotated
 * @param maxHistory  days of rotated files kept
 * @param totalSize   bytes all rotated files may take together; the oldest go first
 */
public record LogSettings(Format format, Optional<Path> file, long maxFileSize, int maxHistory, long totalSize) {
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_HISTORY = 7;
    public static final long DEFAULT_TOTAL_SIZE = 1024L * 1024 * 1024;

    /** The two line formats. */
    public enum Format { TEXT, JSON }

    public LogSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(file, "file");
        if (maxFileSize < 1 || maxHistory < 1 || totalSize < maxFileSize) {
            throw new IllegalArgumentException("log file limits must be positive, the total at least one file");
        }
    }

    /** Text on standard output, as logback.xml configures it. */
    public static LogSettings defaults() {
        return new LogSettings(Format.TEXT, Optional.empty(), DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_HISTORY,
                DEFAULT_TOTAL_SIZE);
    }
}
