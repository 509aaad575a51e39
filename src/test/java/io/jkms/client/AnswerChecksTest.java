package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.FakeKmsPeer.Behaviour;
import io.jkms.protocol.ProtocolVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The load generator's answer checks on answers a real peer sent over loopback, and on those answers broken. */
@Tag("network")
class AnswerChecksTest {
    static final RequestPool POOL = RequestPool.build(List.of(RequestTemplate.of(ProtocolVersion.V6,
            KmsClientTest.WINDOWS, KmsClientTest.PRO, KmsClientTest.WINDOWS_10_KMS_ID, 25)), 2,
            new SplittableRandom(5), Clock.systemUTC());

    /** The BIND_ACK and the answer to pool entry 0, as a peer with this behaviour sends them. */
    static byte[][] exchange(Behaviour behaviour) throws IOException {
        try (FakeKmsPeer peer = FakeKmsPeer.start(behaviour);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), peer.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(array(POOL.bind()));
            byte[] ack = readFragment(socket.getInputStream());
            socket.getOutputStream().write(array(POOL.entry(0).pdu()));
            return new byte[][] {ack, readFragment(socket.getInputStream())};
        }
    }

    static byte[] array(ByteBuffer readOnly) {
        byte[] b = new byte[readOnly.remaining()];
        readOnly.duplicate().get(b);
        return b;
    }

    static byte[] readFragment(InputStream in) throws IOException {
        byte[] header = in.readNBytes(TamperingPeer.HEADER);
        byte[] fragment = java.util.Arrays.copyOf(header, TamperingPeer.fragLength(header));
        in.readNBytes(fragment, TamperingPeer.HEADER, fragment.length - TamperingPeer.HEADER);
        return fragment;
    }

    static ByteBuffer buffer(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void aGenuineAnswerPassesBothChecks() throws Exception {
        byte[][] answers = exchange(Behaviour.GOOD);

        assertThat(AnswerChecks.bindVerifies(buffer(answers[0]), answers[0].length)).isTrue();
        assertThat(AnswerChecks.cheap(buffer(answers[1]), answers[1].length)).isEmpty();
        assertThat(AnswerChecks.verifies(buffer(answers[1]), answers[1].length, POOL.entry(0))).isTrue();
    }

    @Test
    void theFullCheckCatchesWhatTheCheapOneCannot() throws Exception {
        byte[][] answers = exchange(Behaviour.WRONG_HMAC);

        assertThat(AnswerChecks.cheap(buffer(answers[1]), answers[1].length)).isEmpty();
        assertThat(AnswerChecks.verifies(buffer(answers[1]), answers[1].length, POOL.entry(0))).isFalse();
    }

    @Test
    void anAnswerToAnotherRequestDoesNotVerify() throws Exception {
        byte[][] answers = exchange(Behaviour.GOOD);

        assertThat(AnswerChecks.verifies(buffer(answers[1]), answers[1].length, POOL.entry(1))).isFalse();
    }

    @Test
    void aRefusalIsAKmsErrorAndAFaultIsAFault() throws Exception {
        byte[] refused;
        try (FakeKmsPeer peer = FakeKmsPeer.refusing(io.jkms.protocol.Hresult.NOT_ENOUGH_COUNT);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), peer.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(array(POOL.bind()));
            readFragment(socket.getInputStream());
            socket.getOutputStream().write(array(POOL.entry(0).pdu()));
            refused = readFragment(socket.getInputStream());
        }
        byte[] fault = exchange(Behaviour.FAULT)[1];

        assertThat(AnswerChecks.cheap(buffer(refused), refused.length)).contains(LoadError.KMS_ERROR);
        assertThat(AnswerChecks.verifies(buffer(refused), refused.length, POOL.entry(0))).isFalse();
        assertThat(AnswerChecks.cheap(buffer(fault), fault.length)).contains(LoadError.FAULT);
        assertThat(AnswerChecks.verifies(buffer(fault), fault.length, POOL.entry(0))).isFalse();
    }

    @Test
    void aBindAckIsABadPtypeAsAnAnswerAndARequestAnswerIsNoBindAck() throws Exception {
        byte[][] answers = exchange(Behaviour.GOOD);

        assertThat(AnswerChecks.cheap(buffer(answers[0]), answers[0].length)).contains(LoadError.BAD_PTYPE);
        assertThat(AnswerChecks.bindVerifies(buffer(answers[1]), answers[1].length)).isFalse();
    }

    @Test
    void aShortOrCutAnswerFailsWithoutAnException() throws Exception {
        byte[] response = exchange(Behaviour.GOOD)[1];
        for (int length : new int[] {16, 24, 35}) {
            byte[] cut = TamperingPeer.resized(response, length);
            assertThat(AnswerChecks.cheap(buffer(cut), length)).as("length %d", length).contains(LoadError.KMS_ERROR);
            assertThat(AnswerChecks.verifies(buffer(cut), length, POOL.entry(0))).as("length %d", length).isFalse();
        }
        byte[] ack = exchange(Behaviour.GOOD)[0];
        byte[] cutAck = TamperingPeer.resized(ack, ack.length - 4);
        assertThat(AnswerChecks.bindVerifies(buffer(cutAck), cutAck.length)).isFalse();
    }

    @Test
    void anyFlippedByteOfTheKmsMessageFailsTheFullCheck() throws Exception {
        byte[] response = exchange(Behaviour.GOOD)[1];
        for (int i = 40; i < response.length - 4; i += 7) {
            byte[] flipped = response.clone();
            flipped[i] ^= 0x01;
            assertThat(AnswerChecks.verifies(buffer(flipped), flipped.length, POOL.entry(0))).as("byte %d", i).isFalse();
        }
    }
}
