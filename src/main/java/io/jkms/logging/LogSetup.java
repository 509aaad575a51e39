package io.jkms.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link LogSettings} to Logback: replaces the stdout appender of {@code logback.xml} by the one the
 * settings ask for, behind a queue written by a thread of its own (the I/O threads only queue a line; nothing
 * is dropped), and writes the queue out when the host stops.
 */
public final class LogSetup {
    /** The date and time are left to the journal when systemd reads standard output: it stamps every line. */
    static final String JOURNAL_PATTERN = "%-5level %logger{0} - %msg%n";
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} " + JOURNAL_PATTERN;
    /** Lines queued for the output before the threads that log wait for it (also logback.xml's queueSize). */
    static final int QUEUE_SIZE = 8192;
    /** How long a stop waits for the queued lines to be written (also logback.xml's maxFlushTime). */
    static final Duration FLUSH_DEADLINE = Duration.ofSeconds(5);
    static final String APPENDER = "ASYNC";

    private LogSetup() {
    }

    /**
     * Logs as {@code settings} say from now on, through a {@link QueuedAppender} (the text to standard output
     * too: logback.xml's AsyncAppender, which writes and wakes its worker once per line, serves only until
     * here and for the other commands). {@code environment} tells whether standard output is systemd's
     * journal ({@code JOURNAL_STREAM}, set by systemd for its services).
     */
    public static void apply(LogSettings settings, Map<String, String> environment) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        boolean journal = environment.containsKey("JOURNAL_STREAM") && settings.file().isEmpty();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> output = settings.file()
                .<OutputStreamAppender<ILoggingEvent>>map(file -> rollingFile(context, settings, file))
                .orElseGet(() -> console(context));
        output.setEncoder(encoder(context, settings.format(), journal));
        if (settings.file().isEmpty()) {
            output.setOutputStream(standardOutput());
        }
        Appender<ILoggingEvent> queued = queued(context, output);
        Appender<ILoggingEvent> previous = root.getAppender(APPENDER);
        root.addAppender(queued);
        if (previous != null && previous != queued) {
            root.detachAppender(previous);
            previous.stop(); // writes what it still holds first
        }
    }

    /**
     * Writes what is still queued and stops Logback: called once the host has closed, so that every line
     * logged before the stop is written. Each queue waits for its output at most {@link #FLUSH_DEADLINE}, so
     * that a stalled terminal or journal cannot hold the exit for ever.
     */
    public static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }

    /**
     * {@code output} (not started) behind a queue of {@link #QUEUE_SIZE} lines, written in batches by a thread
     * of its own: a line is never dropped (a full queue makes the logging thread wait, as a synchronous
     * appender would), and the queue is written out at stop within {@link #FLUSH_DEADLINE}.
     */
    static QueuedAppender queued(LoggerContext context, OutputStreamAppender<ILoggingEvent> output) {
        QueuedAppender queued = new QueuedAppender(output, QUEUE_SIZE, FLUSH_DEADLINE);
        queued.setContext(context);
        queued.setName(APPENDER);
        queued.start();
        return queued;
    }

    /**
     * File descriptor 1 with a buffer that each batch flushes once: System.out flushes every line it is given.
     * Closing it only flushes it (standard output stays open for the JVM's last words).
     */
    private static OutputStream standardOutput() {
        return new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogSettings.Format format, boolean journal) {
        if (format == LogSettings.Format.JSON) {
            JsonLineEncoder json = new JsonLineEncoder();
            json.setContext(context);
            json.start();
            return json;
        }
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern(journal ? JOURNAL_PATTERN : TEXT_PATTERN);
        pattern.start();
        return pattern;
    }

    private static OutputStreamAppender<ILoggingEvent> console(LoggerContext context) {
        OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        return console;
    }

    /** {@code jkms.log}, rolled daily and by size to {@code jkms.YYYY-MM-DD.N.log}, kept for the history's days. */
    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, LogSettings settings,
                                                                  Path file) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(rolledName(file));
        policy.setMaxFileSize(new FileSize(settings.maxFileSize()));
        policy.setMaxHistory(settings.maxHistory());
        policy.setTotalSizeCap(new FileSize(settings.totalSize()));
        policy.start();
        appender.setRollingPolicy(policy);
        return appender;
    }

    /** {@code /var/log/jkms/jkms.log} rolls to {@code /var/log/jkms/jkms.%d{yyyy-MM-dd}.%i.log}. */
    static String rolledName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return file.resolveSibling(stem + ".%d{yyyy-MM-dd}.%i" + extension).toString();
    }
}
