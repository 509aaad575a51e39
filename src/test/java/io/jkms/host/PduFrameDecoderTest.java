package io.jkms.host;

import io.jkms.activation.HostCounters;
import io.jkms.activation.Refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.rpc.BindAckPdu;
import io.jkms.rpc.BindPdu;
import io.jkms.rpc.ContextItem;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.PduType;
import io.jkms.rpc.RpcSettings;
import io.jkms.rpc.Syntaxes;
import io.jkms.wire.Bytes;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The framer alone and in the connection's pipeline, in an EmbeddedChannel: how bytes become fragments. */
class PduFrameDecoderTest {
    /** A 16-byte PDU: just a header whose frag_length is 16. */
    private static final byte[] HEADER_ONLY = HexFormat.of().parseHex("05000b03100000001000000002000000");
    private static final byte[] BIND = PduCodec.encode(new BindPdu(PduType.BIND, 3, 2, 5840, 5840, 0,
            List.of(ContextItem.of(0, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32)))).toArray();

    private final HostCounters counters = new HostCounters();
    private final List<String> problems = new ArrayList<>();

    private EmbeddedChannel framer(int maxFragLength) {
        return new EmbeddedChannel(new PduFrameDecoder(maxFragLength, new ConnectionCloser(counters, new RefusalLog()),
                (kind, detail) -> problems.add(kind + "/" + detail)));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static List<Bytes> fragments(EmbeddedChannel channel) {
        List<Bytes> out = new ArrayList<>();
        for (Bytes b = channel.readInbound(); b != null; b = channel.readInbound()) {
            out.add(b);
        }
        return out;
    }

    @Test
    void aFragmentSentByteByByteIsPassedOnOnceWhole() {
        EmbeddedChannel channel = framer(5840);
        for (int i = 0; i < BIND.length - 1; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(BIND, i, 1));
            assertThat(channel.<Bytes>readInbound()).as("after %d bytes", i + 1).isNull();
        }
        channel.writeInbound(Unpooled.wrappedBuffer(BIND, BIND.length - 1, 1));
        assertThat(fragments(channel)).containsExactly(Bytes.of(BIND));
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void fragmentsCoalescedInOneReadAreSplitAndATrailingHalfWaits() {
        EmbeddedChannel channel = framer(5840);
        byte[] stream = concat(BIND, HEADER_ONLY, BIND, java.util.Arrays.copyOf(HEADER_ONLY, 7));
        channel.writeInbound(Unpooled.wrappedBuffer(stream));
        assertThat(fragments(channel)).containsExactly(Bytes.of(BIND), Bytes.of(HEADER_ONLY), Bytes.of(BIND));
        channel.writeInbound(Unpooled.wrappedBuffer(HEADER_ONLY, 7, 9));
        assertThat(fragments(channel)).containsExactly(Bytes.of(HEADER_ONLY));
    }

    @Test
    void aFragmentOfExactlyTheMaximumPassesAndOneByteMoreCloses() {
        EmbeddedChannel channel = framer(1432);
        byte[] max = new byte[1432];
        System.arraycopy(HEADER_ONLY, 0, max, 0, 16);
        max[8] = (byte) (1432 & 0xFF);
        max[9] = (byte) (1432 >> 8);
        channel.writeInbound(Unpooled.wrappedBuffer(max));
        assertThat(fragments(channel)).containsExactly(Bytes.of(max));
        max[8]++;
        channel.writeInbound(Unpooled.wrappedBuffer(max, 0, 10)); // the length is judged on its own bytes
        assertThat(channel.isActive()).isFalse();
        assertThat(fragments(channel)).isEmpty();
        assertThat(ConnectionCloser.reason(channel)).hasValue(Refusal.FRAME_TOO_LARGE);
        assertThat(counters.get(Refusal.FRAME_TOO_LARGE)).isEqualTo(1);
        assertThat(problems).containsExactly("FRAME_LENGTH/too_long");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 15})
    void aFragLengthShorterThanTheHeaderCloses(int fragLength) {
        EmbeddedChannel channel = framer(5840);
        byte[] header = HEADER_ONLY.clone();
        header[8] = (byte) fragLength;
        channel.writeInbound(Unpooled.wrappedBuffer(concat(header, BIND)));
        assertThat(fragments(channel)).as("nothing after it is framed either").isEmpty();
        assertThat(channel.isActive()).isFalse();
        assertThat(ConnectionCloser.reason(channel)).hasValue(Refusal.FRAME_TOO_LARGE);
        assertThat(problems).containsExactly("FRAME_LENGTH/too_short");
    }

    @Test
    void theHugestFragLengthClosesWithoutWaitingForItsBytes() {
        EmbeddedChannel channel = framer(5840);
        byte[] header = HEADER_ONLY.clone();
        header[8] = (byte) 0xFF;
        header[9] = (byte) 0xFF;
        channel.writeInbound(Unpooled.wrappedBuffer(header));
        assertThat(channel.isActive()).isFalse();
        assertThat(problems).containsExactly("FRAME_LENGTH/too_long");
    }

    @Test
    void aBigEndianHeaderIsFramedByItsBigEndianLength() {
        EmbeddedChannel channel = framer(5840);
        byte[] bigEndian = BIND.clone();
        bigEndian[4] = 0x00;
        bigEndian[8] = (byte) (BIND.length >> 8);
        bigEndian[9] = (byte) BIND.length;
        channel.writeInbound(Unpooled.wrappedBuffer(concat(bigEndian, HEADER_ONLY)));
        assertThat(fragments(channel)).containsExactly(Bytes.of(bigEndian), Bytes.of(HEADER_ONLY));
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void inThePipelineABigEndianPduIsFramedThenRefusedByTheSession() {
        PipelineFixture host = new PipelineFixture();
        byte[] bigEndian = BIND.clone();
        bigEndian[4] = 0x00;
        bigEndian[8] = (byte) (BIND.length >> 8);
        bigEndian[9] = (byte) BIND.length;
        host.send(bigEndian);
        assertThat(host.channel.isActive()).isFalse();
        assertThat(host.closeReason()).hasValue(Refusal.RPC_CLOSE);
        assertThat(host.problems).containsExactly("PROTOCOL_CLOSE/malformed_pdu");
        assertThat(host.counters.get(Refusal.FRAME_TOO_LARGE)).isZero();
    }

    @Test
    void inThePipelineBytesAfterAnOversizeHeaderAreNeverAnswered() {
        PipelineFixture host = new PipelineFixture(PipelineFixture.Timeouts.defaults(),
                new RpcSettings(true, true, 1432, 8, 4, 4096), 10_000, 8192);
        byte[] big = HEADER_ONLY.clone();
        big[8] = (byte) 0xA0;
        big[9] = 0x05; // 1440
        host.send(concat(BIND, big, BIND));
        assertThat(host.answers()).hasSize(1).allMatch(BindAckPdu.class::isInstance);
        assertThat(host.channel.isActive()).isFalse();
        assertThat(host.closeReason()).hasValue(Refusal.FRAME_TOO_LARGE);
        assertThat(host.counters.get(Refusal.FRAME_TOO_LARGE)).isEqualTo(1);
    }
}
