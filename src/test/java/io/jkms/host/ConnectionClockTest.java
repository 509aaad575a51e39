package io.jkms.host;

import io.jkms.activation.Refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which deadline comes first, and what suspends and restarts them; pure arithmetic on timestamps. */
class ConnectionClockTest {
    private static final long S = 1_000_000_000L;
    private static final ConnectionClock.Limits LIMITS = new ConnectionClock.Limits(5 * S, 30 * S, 10 * S, 8 * S,
            300 * S);
    /** Near the end of nanoTime's range: the clock must compare by difference. */
    private static final long T0 = Long.MAX_VALUE - 20 * S;

    @Test
    void beforeTheFirstByteTheFirstByteDeadlineComesFirst() {
        ConnectionClock clock = new ConnectionClock(LIMITS, T0);
        assertThat(clock.nextDeadline()).isEqualTo(T0 + 5 * S);
        assertThat(clock.expired(T0 + 5 * S - 1)).isNull();
        assertThat(clock.expired(T0 + 5 * S)).isEqualTo(Refusal.FIRST_BYTE_TIMEOUT);
    }

    @Test
    void aHalfPduHasTheReadDeadlineAndAWholeOneOnlyTheLifetime() {
        ConnectionClock clock = new ConnectionClock(LIMITS, T0);
        clock.read(T0 + S, true);
        clock.read(T0 + 2 * S, true);
        assertThat(clock.partial()).isTrue();
        assertThat(clock.nextDeadline()).as("from the first byte of the PDU").isEqualTo(T0 + 11 * S);
        assertThat(clock.expired(T0 + 11 * S)).isEqualTo(Refusal.READ_DEADLINE);
        clock.read(T0 + 3 * S, false);
        assertThat(clock.partial()).isFalse();
        assertThat(clock.expired(T0 + 11 * S)).isNull();
        assertThat(clock.nextDeadline()).as("the idle timeout is IdleTimeoutHandler's").isEqualTo(T0 + 300 * S);
    }

    @Test
    void whileStalledOnlyTheWriteTimeoutAndTheLifetimeCount() {
        ConnectionClock clock = new ConnectionClock(LIMITS, T0);
        clock.read(T0 + S, true);
        clock.stalled(T0 + 2 * S, true);
        clock.stalled(T0 + 3 * S, true); // a second report does not restart it
        assertThat(clock.nextDeadline()).isEqualTo(T0 + 10 * S);
        assertThat(clock.expired(T0 + 10 * S - 1)).isNull();
        assertThat(clock.expired(T0 + 10 * S)).isEqualTo(Refusal.WRITE_TIMEOUT);
    }

    @Test
    void drainedAnswersRestartTheReadDeadline() {
        ConnectionClock clock = new ConnectionClock(LIMITS, T0);
        clock.read(T0 + S, true);
        clock.stalled(T0 + 2 * S, true);
        clock.stalled(T0 + 7 * S, false);
        assertThat(clock.nextDeadline()).isEqualTo(T0 + 17 * S);
        assertThat(clock.expired(T0 + 17 * S)).isEqualTo(Refusal.READ_DEADLINE);
    }

    @Test
    void theLifetimeEndsEveryConnection() {
        ConnectionClock.Limits shortLife = new ConnectionClock.Limits(5 * S, 30 * S, 10 * S, 8 * S, 4 * S);
        ConnectionClock clock = new ConnectionClock(shortLife, T0);
        clock.read(T0 + 3 * S, false);
        assertThat(clock.expired(T0 + 4 * S)).isEqualTo(Refusal.LIFETIME);
        clock.stalled(T0 + 3 * S, true);
        assertThat(clock.expired(T0 + 4 * S)).isEqualTo(Refusal.LIFETIME);
    }
}
