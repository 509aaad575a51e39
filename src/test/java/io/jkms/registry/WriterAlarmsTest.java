package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WriterAlarmsTest {
    static final Duration LAG_LIMIT = Duration.ofSeconds(10);
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final WriterAlarms alarms = new WriterAlarms(now::get);

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    java.util.Optional<String> healthy() {
        return alarms.problem(null, false, 0, 100, Duration.ZERO, LAG_LIMIT);
    }

    @Test
    void nothingWrongIsNoProblem() {
        assertThat(healthy()).isEmpty();
        assertThat(alarms.problem(null, false, 50, 100, LAG_LIMIT, LAG_LIMIT)).as("at the limits, not past").isEmpty();
    }

    @Test
    void failingWritesNameTheErrorAndWhatWaits() {
        assertThat(alarms.problem("SQLITE_BUSY", false, 7, 100, Duration.ZERO, LAG_LIMIT)).contains(
                "cannot write to the database (SQLITE_BUSY); 7 record(s) waiting");
        assertThat(alarms.problem("SQLITE_FULL", true, 7, 100, Duration.ZERO, LAG_LIMIT)).contains(
                "disk full: the database cannot grow (SQLITE_FULL); 7 record(s) waiting");
    }

    @Test
    void behindWhenTheOldestRecordIsTooOldOrTheQueueMoreThanHalfFull() {
        assertThat(alarms.problem(null, false, 3, 100, Duration.ofMillis(10_100), LAG_LIMIT)).hasValueSatisfying(
                p -> assertThat(p).isEqualTo("registry writer behind: 3 of 100 queue places used, the oldest waiting"
                        + " record 10.1 s old (limit 10.0 s)"));
        assertThat(alarms.problem(null, false, 51, 100, Duration.ZERO, LAG_LIMIT)).hasValueSatisfying(
                p -> assertThat(p).startsWith("registry writer behind: 51 of 100"));
    }

    @Test
    void aDropIsAnAlarmForTheWindowThenClears() {
        assertThat(alarms.dropped()).isTrue();
        advance(Duration.ofSeconds(30));

        assertThat(healthy()).hasValueSatisfying(p -> assertThat(p)
                .isEqualTo("1 activation record(s) dropped since start (queue full), the last 30 s ago"));
        advance(WriterAlarms.WINDOW.minusSeconds(30).minusNanos(1));
        assertThat(healthy()).isPresent();
        advance(Duration.ofNanos(1));
        assertThat(healthy()).isEmpty();
        assertThat(alarms.droppedCount()).isEqualTo(1);
    }

    @Test
    void onlyTheFirstDropOfAnEpisodeIsReportedForLogging() {
        assertThat(alarms.dropped()).isTrue();
        for (int i = 0; i < 10; i++) {
            advance(Duration.ofSeconds(20));
            assertThat(alarms.dropped()).isFalse();
        }
        advance(WriterAlarms.WINDOW);
        assertThat(alarms.dropped()).as("a new episode after a quiet window").isTrue();
        assertThat(alarms.droppedCount()).isEqualTo(12);
        assertThat(healthy()).hasValueSatisfying(p -> assertThat(p).startsWith("12 activation record(s) dropped"));
    }

    @Test
    void aCrashIsAnAlarmForTheWindowNamingTheErrorAndCountingRestarts() {
        assertThat(alarms.crashed(new OutOfMemoryError("Java heap space"))).isEqualTo(1);
        advance(Duration.ofSeconds(2));
        assertThat(alarms.crashed(new StackOverflowError())).isEqualTo(2);
        advance(Duration.ofSeconds(4));

        assertThat(healthy()).hasValueSatisfying(p -> assertThat(p).isEqualTo("registry writer crashed 4 s ago "
                + "(java.lang.StackOverflowError) and was restarted; 2 restart(s) since start"));
        advance(WriterAlarms.WINDOW);
        assertThat(healthy()).isEmpty();
        assertThat(alarms.restarts()).isEqualTo(2);
    }

    @Test
    void everyReasonIsJoined() {
        alarms.dropped();
        alarms.crashed(new IllegalStateException("x"));
        String problem = alarms.problem("io", false, 90, 100, Duration.ZERO, LAG_LIMIT).orElseThrow();

        assertThat(problem.split("; (?=[a-z0-9]+ (activation|writer)|registry|disk|cannot)")).hasSize(4);
        assertThat(problem).startsWith("cannot write").contains("registry writer behind", "dropped", "crashed");
    }
}
