package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A database URL the driver refuses is reported (log, health) without the password it carries. */
class CredentialRedactionRegistryTest {
    @TempDir
    Path tempDir;

    @Test
    void aUrlTheDriverRefusesIsReportedWithoutItsPassword() {
        assertNotLeaked(RegistrySettings.sqlite(tempDir).withDatabase(
                "jdbc:postgresql://127.0.0.1:notaport/jkms?user=jkms&password=s3cret"));
    }

    @Test
    void aUrlWithUserInfoIsReportedWithoutItsPassword() {
        assertNotLeaked(RegistrySettings.sqlite(tempDir).withDatabase(
                "jdbc:postgresql://jkms:s3cret@127.0.0.1:notaport/jkms"));
    }

    @Test
    void aSeparatePasswordNeverAppearsEither() {
        RegistrySettings base = RegistrySettings.sqlite(tempDir).withDatabase("jdbc:postgresql://127.0.0.1:notaport/jkms");
        assertNotLeaked(new RegistrySettings(base.dataDir(), base.databaseUrl(), Optional.of("jkms"),
                Optional.of("s3cret"), base.retention(), base.queueCapacity(), base.flushInterval()));
    }

    private static void assertNotLeaked(RegistrySettings settings) {
        Logger logger = (Logger) LoggerFactory.getLogger("io.jkms.registry");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (RegistryHandle handle = RegistryHandle.open(settings, Clock.systemUTC(), RandomGenerator.getDefault(),
                Duration.ofMinutes(10))) {
            String problem = handle.health().problem().orElseThrow();
            assertThat(problem).contains("127.0.0.1").doesNotContain("s3cret");
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain("s3cret");
            for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(t.getMessage()).doesNotContain("s3cret");
            }
        });
    }
}
