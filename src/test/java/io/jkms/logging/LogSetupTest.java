package io.jkms.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The queue in front of the output is the same whether logback.xml or LogSetup builds it: it never drops a
 * line, and a stop writes it out within the flush deadline. (The process test LogFlushAtStopTest shows the
 * whole stop.)
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
            assertQueue((AsyncAppender) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .getAppender(LogSetup.APPENDER));
        } finally {
            context.stop();
        }
    }

    @Test
    void logSetupQueuesAsLogbackXmlDoes() {
        LoggerContext context = context();
        ListAppender<ILoggingEvent> output = new ListAppender<>();
        output.setContext(context);
        output.start();
        AsyncAppender async = LogSetup.queued(context, output);
        try {
            assertQueue(async);
        } finally {
            async.stop();
        }
    }

    @Test
    void aStoppedQueueHasWrittenEveryLineGivenToIt() {
        LoggerContext context = context();
        ListAppender<ILoggingEvent> output = new ListAppender<>();
        output.setContext(context);
        output.start();
        AsyncAppender async = LogSetup.queued(context, output);
        ch.qos.logback.classic.Logger logger = context.getLogger("io.jkms.activation");
        logger.setAdditive(false);
        logger.addAppender(async);
        for (int i = 0; i < LogSetup.QUEUE_SIZE * 2; i++) {
            logger.info("line {}", i); // twice the queue: a full queue makes the caller wait, it drops nothing
        }
        async.stop();
        assertThat(output.list).hasSize(LogSetup.QUEUE_SIZE * 2);
        assertThat(output.list.get(output.list.size() - 1).getFormattedMessage())
                .isEqualTo("line " + (LogSetup.QUEUE_SIZE * 2 - 1));
    }

    /** A context of the test's own, so that the test JVM's logging is left as it is. */
    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as Logback's own start-up does
        context.start();
        return context;
    }

    private static void assertQueue(AsyncAppender async) {
        assertThat(async).isNotNull();
        assertThat(async.isStarted()).isTrue();
        assertThat(async.getQueueSize()).isEqualTo(LogSetup.QUEUE_SIZE);
        assertThat(async.getDiscardingThreshold()).as("no level is dropped when the queue fills").isZero();
        assertThat(async.isNeverBlock()).as("a full queue waits instead of dropping").isFalse();
        assertThat(async.getMaxFlushTime()).isEqualTo((int) LogSetup.FLUSH_DEADLINE.toMillis());
    }
}
