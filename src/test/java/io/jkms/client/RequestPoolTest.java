package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jkms.protocol.KmsRequestCodec;
import io.jkms.protocol.ProtocolVersion;
import io.jkms.rpc.BindPdu;
import io.jkms.rpc.NdrCodec;
import io.jkms.rpc.PduType;
import io.jkms.rpc.TransferSyntax;
import io.jkms.wire.Bytes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestPoolTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);
    static final RequestTemplate V6 = RequestTemplate.of(ProtocolVersion.V6, KmsClientTest.WINDOWS, KmsClientTest.PRO,
            KmsClientTest.WINDOWS_10_KMS_ID, 25);
    static final RequestTemplate V4 = RequestTemplate.of(ProtocolVersion.V4, KmsClientTest.WINDOWS, KmsClientTest.PRO,
            KmsClientTest.WINDOWS_10_KMS_ID, 5);

    static Bytes bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return Bytes.of(out);
    }

    @Test
    void needsAProductAndAClient() {
        assertThatIllegalArgumentException().isThrownBy(() -> RequestPool.build(List.of(), 1, new SplittableRandom(1),
                CLOCK));
        assertThatIllegalArgumentException().isThrownBy(() -> RequestPool.build(List.of(V6), 0, new SplittableRandom(1),
                CLOCK));
    }

    @Test
    void everyEntryIsADistinctClientAndTheProductsComeInTurn() {
        RequestPool pool = RequestPool.build(List.of(V6, V4), 6, new SplittableRandom(2), CLOCK);

        assertThat(pool.size()).isEqualTo(6);
        Set<UUID> cmids = new HashSet<>();
        for (int i = 0; i < pool.size(); i++) {
            var decoded = KmsRequestCodec.decode(NdrCodec.decodeRequestStub(TransferSyntax.NDR32,
                    pool.entry(i).request().stub()));
            assertThat(decoded.request().version()).isEqualTo(i % 2 == 0 ? ProtocolVersion.V6 : ProtocolVersion.V4);
            assertThat(decoded.request()).isEqualTo(pool.entry(i).encoded().request());
            cmids.add(decoded.request().cmid());
        }
        assertThat(cmids).hasSize(6);
    }

    @Test
    void theBytesReplayedAreThePduOfTheEntryInContext0WithCallId2() {
        RequestPool pool = RequestPool.build(List.of(V6), 2, new SplittableRandom(3), CLOCK);
        RequestPool.Entry entry = pool.entry(1);

        assertThat(entry.pdu().isReadOnly()).isTrue();
        assertThat(bytes(entry.pdu())).isEqualTo(io.jkms.rpc.PduCodec.encode(entry.request()));
        assertThat(entry.request().callId()).isEqualTo(2);
        assertThat(entry.request().contextId()).isZero();
    }

    @Test
    void theBindOffersNdr32AndBtfnOnly() {
        RequestPool pool = RequestPool.build(List.of(V6), 1, new SplittableRandom(4), CLOCK);
        BindPdu bind = (BindPdu) io.jkms.rpc.PduCodec.decode(bytes(pool.bind()));

        assertThat(pool.bind().isReadOnly()).isTrue();
        assertThat(bind.type()).isEqualTo(PduType.BIND);
        assertThat(bind).isEqualTo(ClientBind.create(false, true, 2));
    }

    @Test
    void nextGoesRoundThePool() {
        RequestPool pool = RequestPool.build(List.of(V6), 3, new SplittableRandom(5), CLOCK);
        assertThat(pool.next(0)).isEqualTo(1);
        assertThat(pool.next(1)).isEqualTo(2);
        assertThat(pool.next(2)).isZero();
        RequestPool one = RequestPool.build(List.of(V6), 1, new SplittableRandom(5), CLOCK);
        assertThat(one.next(0)).isZero();
    }
}
