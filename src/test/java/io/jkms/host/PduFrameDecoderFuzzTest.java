package io.jkms.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jkms.activation.HostCounters;
import io.jkms.rpc.PduCodec;
import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Jazzer: a client's TCP stream, cut into reads of random sizes, through the host's framer in an
 * EmbeddedChannel. Its fragments must be exactly those that the blocking framing of the client and the test
 * peers ({@link PduCodec#fragLength(byte[], int)}) finds, in order; where that rule finds a length out of
 * bounds, the host must close, having passed on nothing from that point. Seeds are the captured client streams.
 */
class PduFrameDecoderFuzzTest {
    private static final int MAX = 5840;

    @FuzzTest
    void frames(FuzzedDataProvider data) {
        long seed = data.consumeLong();
        byte[] stream = data.consumeRemainingAsBytes();
        List<Bytes> expected = new ArrayList<>();
        boolean bad = blockingFrames(stream, expected);

        EmbeddedChannel channel = new EmbeddedChannel(new PduFrameDecoder(MAX,
                new ConnectionCloser(new HostCounters(), new RefusalLog()), (kind, detail) -> { }));
        SplittableRandom random = new SplittableRandom(seed);
        List<Bytes> framed = new ArrayList<>();
        for (int at = 0; at < stream.length && channel.isActive(); ) {
            int n = Math.min(stream.length - at, 1 + random.nextInt(64));
            channel.writeInbound(Unpooled.wrappedBuffer(stream, at, n));
            at += n;
            for (Bytes b = channel.readInbound(); b != null; b = channel.readInbound()) {
                framed.add(b);
            }
        }
        assertThat(framed).isEqualTo(expected);
        assertThat(channel.isActive()).isEqualTo(!bad);
        channel.finishAndReleaseAll();
    }

    /** The client's way; true if it met a length out of bounds. */
    private static boolean blockingFrames(byte[] stream, List<Bytes> out) {
        int offset = 0;
        while (stream.length - offset >= PduCodec.HEADER_LENGTH) {
            int length;
            try {
                length = PduCodec.fragLength(stream, offset);
            } catch (MalformedWireException e) {
                return true;
            }
            if (length > MAX) {
                return true;
            }
            if (length > stream.length - offset) {
                return false;
            }
            out.add(Bytes.of(stream, offset, length));
            offset += length;
        }
        // Fewer than 16 bytes left: the host judges a length from its first 10, the blocking reader waits for 16.
        return stream.length - offset >= PduCodec.FRAG_LENGTH_OFFSET + PduCodec.FRAG_LENGTH_SIZE
                && outOfBounds(stream, offset);
    }

    private static boolean outOfBounds(byte[] stream, int offset) {
        int at = offset + PduCodec.FRAG_LENGTH_OFFSET;
        int length = PduCodec.fragLength(stream[offset + PduCodec.DREP_OFFSET] & 0xFF, stream[at] & 0xFF,
                stream[at + 1] & 0xFF);
        return length < PduCodec.HEADER_LENGTH || length > MAX;
    }
}
