package io.jkms.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The queues in front of the output: logback.xml's (other commands, and serve until LogSetup applies its
 * settings) and LogSetup's QueuedAppender never drop a line, and a stop writes them out within the flush
 * deadline. (The process test LogFlushAtStopTest shows the whole stop of a host.)
 */
class LogSetupTest {
    @Test
    void logbackXmlQueuesWithoutDroppingAndFlushesAtStop() throws Exception {
        LoggerContext context = context();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL xml = LogSetup.class.getResource("/logback.xml");
        assertThat(xml).isNotNull();
        configurator.doConfigure(xml);
        try {
            AsyncAppender async = (AsyncAppender) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .getAppender(LogSetup.APPENDER);
            assertThat(async).isNotNull();
            assertThat(async.isStarted()).isTrue();
            assertThat(async.getQueueSize()).isEqualTo(LogSetup.QUEUE_SIZE);
            assertThat(async.getDiscardingThreshold()).as("no level is dropped when the queue fills").isZero();
            assertThat(async.isNeverBlock()).as("a full queue waits instead of dropping").isFalse();
            assertThat(async.getMaxFlushTime()).isEqualTo((int) LogSetup.FLUSH_DEADLINE.toMillis());
        } finally {
            context.stop();
        }
    }

    @Test
    void aStoppedQueueHasWrittenEveryLineGivenToItInOrder() {
        LoggerContext context = context();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QueuedAppender queued = LogSetup.queued(context, output(context, bytes));
        ch.qos.logback.classic.Logger logger = logger(context, queued);
        int lines = LogSetup.QUEUE_SIZE * 2; // twice the queue: a full queue makes the caller wait, drops nothing
        for (int i = 0; i < lines; i++) {
            logger.info("line {}", i);
        }
        queued.stop();
        String[] written = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(written).hasSize(lines);
        for (int i = 0; i < lines; i++) {
            assertThat(written[i]).isEqualTo("line " + i);
        }
        assertThat(queued.isStarted()).isFalse();
    }

    @Test
    void aLineIsWrittenWithoutAStopWhetherTheWriterNapsOrWaits() throws Exception {
        LoggerContext context = context();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QueuedAppender queued = LogSetup.queued(context, output(context, bytes));
        ch.qos.logback.classic.Logger logger = logger(context, queued);
        try {
            logger.info("first");
            awaitWritten(bytes, "first\n");
            // Past IDLE_NAPS empty naps the writer waits on the queue: the next line has to wake it.
            long idle = System.nanoTime() + QueuedAppender.NAP.toNanos() * (QueuedAppender.IDLE_NAPS + 10);
            while (System.nanoTime() < idle) {
                assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("first\n");
                Thread.onSpinWait();
            }
            logger.info("second");
            awaitWritten(bytes, "first\nsecond\n");
        } finally {
            queued.stop();
        }
    }

    @Test
    void aStopGivesUpOnAStalledOutputAfterTheDeadline() throws Exception {
        LoggerContext context = context();
        CountDownLatch release = new CountDownLatch(1);
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) {
                try {
                    release.await(); // a terminal that does not read, until the test ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        QueuedAppender queued = new QueuedAppender(output(context, stalled), 16, Duration.ofMillis(200));
        queued.setContext(context);
        queued.start();
        try {
            logger(context, queued).info("never written");
            queued.stop();
            assertThat(queued.isStarted()).as("stopped although the output never took the line").isFalse();
        } finally {
            release.countDown();
        }
    }

    private static void awaitWritten(ByteArrayOutputStream bytes, String expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!bytes.toString(StandardCharsets.UTF_8).equals(expected) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    private static ch.qos.logback.classic.Logger logger(LoggerContext context, QueuedAppender queued) {
        ch.qos.logback.classic.Logger logger = context.getLogger("io.jkms.activation");
        logger.setAdditive(false);
        logger.addAppender(queued);
        return logger;
    }

    private static OutputStreamAppender<ILoggingEvent> output(LoggerContext context, OutputStream stream) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> output = new OutputStreamAppender<>();
        output.setContext(context);
        output.setEncoder(encoder);
        output.setOutputStream(stream);
        return output;
    }

    /** A context of the test's own, so that the test JVM's logging is left as it is. */
    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as Logback's own start-up does
        context.start();
        return context;
    }
}
