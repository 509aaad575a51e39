package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real SQLite file that cannot grow (a tiny {@code max_page_count}, as a full disk does to SQLite) is
 * reported as a full disk, in the log and on the health page, not as the error the failed commit leaves behind.
 */
@Tag("database")
class DiskFullTest {
    @TempDir
    Path tempDir;

    private static long pageCount(HikariDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery("PRAGMA page_count")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aDatabaseThatCannotGrowIsReportedAsDiskFull() throws Exception {
        RegistrySettings settings = RegistrySettings.sqlite(tempDir.resolve("data"));
        RegistryDatabase.open(settings).close(); // creates and migrates the file
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.addDataSourceProperty("journal_mode", "WAL");
        long pages;
        try (HikariDataSource probe = new HikariDataSource(config)) {
            pages = pageCount(probe);
        }
        config.addDataSourceProperty("max_page_count", Long.toString(pages + 2));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger("io.jkms.registry");
        logger.addAppender(log);
        try (HikariDataSource full = new HikariDataSource(config)) {
            RegistryWriter writer = new RegistryWriter(new ActivationRepository(full, Dialect.SQLITE),
                    Clock.systemUTC(), RandomGenerator.getDefault(), 10_000, Duration.ofMillis(50), Duration.ofDays(90),
                    Duration.ofMillis(100));
            writer.start();
            for (int i = 0; i < 2000; i++) {
                writer.offer(TestStore.record(UUID.randomUUID(), "machine-with-a-long-name-" + i, Instant.now(), 0));
            }
            writer.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (writer.writeFailures() == 0) {
                assertThat(System.nanoTime()).as("the write failed").isLessThan(deadline);
                LockSupport.parkNanos(10_000_000L); // poll, bounded by the deadline
            }
            assertThat(writer.problem()).hasValueSatisfying(p -> assertThat(p).contains("disk full"));
            writer.close();
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("disk full"));
    }
}
