package io.jkms.host;

import io.jkms.activation.HostCounters;
import io.jkms.activation.Refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.wire.Bytes;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The decoder's deadlines and backpressure in an EmbeddedChannel, on a clock the test moves. */
class PduFrameDecoderTest {
    private static final long S = 1_000_000_000L;
    /** A 16-byte PDU: just a header whose frag_length is 16. */
    private static final byte[] HEADER_ONLY = HexFormat.of().parseHex("05000b03100000001000000002000000");

    private final AtomicLong now = new AtomicLong(1_000 * S);
    private final HostCounters counters = new HostCounters();
    private EmbeddedChannel channel;

    /** Limits in seconds: first byte, idle, read, write, lifetime. */
    private void start(long firstByte, long idle, long read, long write, long lifetime) {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new PduFrameDecoder(5840, new ConnectionClock.Limits(firstByte * S, idle * S,
                read * S, write * S, lifetime * S), counters, new RefusalLog(), (kind, detail) -> { }, now::get));
    }

    private void advance(long nanos) {
        now.addAndGet(nanos);
        channel.advanceTimeBy(nanos, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
    }

    private void send(byte[] bytes, int length) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, length));
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheFirstByteDeadline() {
        start(2, 30, 10, 10, 300);
        advance(2 * S - 1);
        assertThat(channel.isActive()).isTrue();
        advance(1);
        assertThat(channel.isActive()).isFalse();
        assertThat(counters.get(Refusal.FIRST_BYTE_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aFirstPduInTimeLeavesOnlyTheIdleTimeout() {
        start(2, 30, 10, 10, 300);
        advance(S);
        send(HEADER_ONLY, 16);
        assertThat((Bytes) channel.readInbound()).isEqualTo(Bytes.of(HEADER_ONLY));
        advance(30 * S - 1);
        assertThat(channel.isActive()).isTrue();
        advance(1);
        assertThat(channel.isActive()).isFalse();
        assertThat(counters.get(Refusal.IDLE)).isEqualTo(1);
        assertThat(counters.get(Refusal.FIRST_BYTE_TIMEOUT)).isZero();
    }

    @Test
    void aPduLeftHalfSentIsCutAtTheReadDeadlineEvenWhenTheTimerWasArmedLater() {
        start(5, 30, 3, 10, 300);
        send(HEADER_ONLY, 16); // the timer now waits for the idle timeout, 30 s away
        advance(S);
        send(HEADER_ONLY, 10);
        advance(3 * S);
        assertThat(channel.isActive()).isFalse();
        assertThat(counters.get(Refusal.READ_DEADLINE)).isEqualTo(1);
    }

    @Test
    void aBusyConnectionIsClosedAtTheEndOfItsLifetime() {
        start(5, 2, 10, 10, 4);
        for (int i = 0; i < 3; i++) {
            send(HEADER_ONLY, 16);
            channel.readInbound();
            advance(S);
            assertThat(channel.isActive()).as("second %d", i + 1).isTrue();
        }
        send(HEADER_ONLY, 16);
        advance(S);
        assertThat(channel.isActive()).isFalse();
        assertThat(counters.get(Refusal.LIFETIME)).isEqualTo(1);
    }

    @Test
    void answersAboveTheHighWaterMarkStopReadingUntilTheyDrain() {
        start(5, 30, 10, 10, 300);
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(100, 200));
        send(HEADER_ONLY, 16);
        channel.write(Unpooled.wrappedBuffer(new byte[300])); // unsent: the peer does not read
        assertThat(channel.isWritable()).isFalse();
        assertThat(channel.config().isAutoRead()).isFalse();
        advance(9 * S);
        channel.flush(); // the peer took them
        assertThat(channel.config().isAutoRead()).isTrue();
        advance(20 * S);
        assertThat(channel.isActive()).as("the idle timeout starts afresh once the answers drained").isTrue();
        assertThat(counters.get(Refusal.WRITE_TIMEOUT)).isZero();
    }

    @Test
    void answersNotTakenWithinTheWriteTimeoutCloseAndSuspendTheReadDeadline() {
        start(5, 30, 2, 6, 300);
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(100, 200));
        send(HEADER_ONLY, 10); // a PDU half sent, then the host stops reading
        channel.write(Unpooled.wrappedBuffer(new byte[300]));
        advance(6 * S - 1);
        assertThat(channel.isActive()).as("no read deadline while the host does not read").isTrue();
        advance(1);
        assertThat(channel.isActive()).isFalse();
        assertThat(counters.get(Refusal.WRITE_TIMEOUT)).isEqualTo(1);
        assertThat(counters.get(Refusal.READ_DEADLINE)).isZero();
    }
}
