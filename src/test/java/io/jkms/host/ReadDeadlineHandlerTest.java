package io.jkms.host;

import static io.jkms.host.PipelineFixture.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.activation.Refusal;
import io.jkms.rpc.BindPdu;
import io.jkms.rpc.ContextItem;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.PduType;
import io.jkms.rpc.Syntaxes;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first-byte, read, write and lifetime deadlines and the backpressure, in the connection's pipeline on an
 * EmbeddedChannel whose mock ticker the test moves.
 */
class ReadDeadlineHandlerTest {
    static final byte[] BIND = PduCodec.encode(new BindPdu(PduType.BIND, 3, 2, 5840, 5840, 0,
            List.of(ContextItem.of(0, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32)))).toArray();

    private static PipelineFixture start(long firstByte, long idle, long read, long write, long lifetime) {
        return new PipelineFixture(new PipelineFixture.Timeouts(firstByte, idle, read, write, lifetime));
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheFirstByteDeadline() {
        PipelineFixture host = start(2, 30, 10, 10, 300);
        host.assertClosesAfter(2 * S, Refusal.FIRST_BYTE_TIMEOUT);
        assertThat(host.counters.get(Refusal.FIRST_BYTE_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aFirstPduInTimeLeavesOnlyTheIdleTimeout() {
        PipelineFixture host = start(2, 30, 10, 10, 300);
        host.advance(S);
        host.send(BIND);
        assertThat(host.answers()).hasSize(1);
        host.assertClosesAfter(30 * S, Refusal.IDLE);
        assertThat(host.counters.get(Refusal.IDLE)).isEqualTo(1);
        assertThat(host.counters.get(Refusal.FIRST_BYTE_TIMEOUT)).isZero();
    }

    @Test
    void aPduLeftHalfSentIsCutAtTheReadDeadlineEvenWhenTheTimerWasArmedLater() {
        PipelineFixture host = start(5, 30, 3, 10, 300);
        host.send(BIND); // the timer now waits for the lifetime; the idle timeout is 30 s away
        host.advance(S);
        host.send(BIND, 0, 10);
        host.assertClosesAfter(3 * S, Refusal.READ_DEADLINE);
    }

    @Test
    void aPduTrickledByteByByteIsCutAtTheReadDeadlineThoughBytesKeepComing() {
        PipelineFixture host = start(5, 30, 3, 10, 300);
        for (int i = 0; i < 3; i++) {
            host.send(BIND, i, i + 1);
            host.advance(S - 1);
        }
        assertThat(host.channel.isActive()).isTrue();
        host.send(BIND, 3, 4);
        host.advance(3);
        assertThat(host.channel.isActive()).isFalse();
        assertThat(host.closeReason()).hasValue(Refusal.READ_DEADLINE);
        assertThat(host.counters.get(Refusal.IDLE)).isZero();
    }

    @Test
    void aBusyConnectionIsClosedAtTheEndOfItsLifetime() {
        PipelineFixture host = start(5, 2, 10, 10, 4);
        for (int i = 0; i < 3; i++) {
            host.send(BIND);
            host.advance(S);
            assertThat(host.channel.isActive()).as("second %d", i + 1).isTrue();
        }
        host.send(BIND);
        host.advance(S);
        assertThat(host.channel.isActive()).isFalse();
        assertThat(host.closeReason()).hasValue(Refusal.LIFETIME);
        assertThat(host.counters.get(Refusal.LIFETIME)).isEqualTo(1);
    }

    @Test
    void answersAboveTheHighWaterMarkStopReadingUntilTheyDrain() {
        PipelineFixture host = start(5, 30, 10, 10, 300);
        host.channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(100, 200));
        host.send(BIND);
        host.channel.write(Unpooled.wrappedBuffer(new byte[300])); // unsent: the peer does not read
        assertThat(host.channel.isWritable()).isFalse();
        assertThat(host.channel.config().isAutoRead()).isFalse();
        host.advance(9 * S);
        host.channel.flush(); // the peer took them
        assertThat(host.channel.config().isAutoRead()).isTrue();
        host.advance(20 * S);
        assertThat(host.channel.isActive()).as("the idle timeout starts afresh once the answers drained").isTrue();
        host.advance(10 * S);
        assertThat(host.channel.isActive()).isFalse();
        assertThat(host.closeReason()).hasValue(Refusal.IDLE);
        assertThat(host.counters.get(Refusal.WRITE_TIMEOUT)).isZero();
    }

    @Test
    void answersNotTakenWithinTheWriteTimeoutCloseAndSuspendTheReadAndIdleDeadlines() {
        PipelineFixture host = start(5, 3, 2, 6, 300);
        host.channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(100, 200));
        host.send(BIND, 0, 10); // a PDU half sent, then the host stops reading
        host.channel.write(Unpooled.wrappedBuffer(new byte[300]));
        host.advance(6 * S - 1);
        assertThat(host.channel.isActive()).as("no read or idle deadline while the host does not read").isTrue();
        host.advance(1);
        assertThat(host.channel.isActive()).isFalse();
        assertThat(host.closeReason()).hasValue(Refusal.WRITE_TIMEOUT);
        assertThat(host.counters.get(Refusal.WRITE_TIMEOUT)).isEqualTo(1);
        assertThat(host.counters.get(Refusal.READ_DEADLINE)).isZero();
        assertThat(host.counters.get(Refusal.IDLE)).isZero();
    }
}
