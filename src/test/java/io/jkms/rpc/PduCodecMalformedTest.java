package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile input for {@link PduCodec}: only {@link MalformedWireException} may escape, and never silently. */
class PduCodecMalformedTest {
    /** One PDU of each shape: the distinct captured ones plus the golden ones the captures lack. */
    static List<Bytes> samples() {
        Set<Bytes> out = new LinkedHashSet<>();
        Set<String> shapes = new LinkedHashSet<>();
        for (Captured c : Captured.all()) {
            if (shapes.add(c.pduType() + "/" + c.bytes().length())) {
                out.add(c.bytes());
            }
        }
        out.add(PduCodecGoldenTest.BIND_NAK);
        out.add(PduCodec.encode(new RequestPdu(0x83, 9, 4, 1, 0,
                java.util.Optional.of(java.util.UUID.randomUUID()), Bytes.fromHex("deadbeef"))));
        return new ArrayList<>(out);
    }

    /** Decodes, or throws MalformedWireException; a decoded PDU must re-encode to something that decodes equal. */
    static void decodeOrMalformed(Bytes input) {
        Pdu pdu;
        try {
            pdu = PduCodec.decode(input);
        } catch (MalformedWireException expected) {
            return;
        }
        assertThat(PduCodec.decode(PduCodec.encode(pdu))).isEqualTo(pdu);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyCutIsRejectedAsMalformed(Bytes pdu) {
        for (int cut = 0; cut < pdu.length(); cut++) {
            Bytes prefix = pdu.slice(0, cut);
            assertThatThrownBy(() -> PduCodec.decode(prefix)).as("cut at %d", cut)
                    .isInstanceOf(MalformedWireException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyCutWithFragLengthAdjustedIsRejectedOrDecodesConsistently(Bytes pdu) {
        for (int cut = PduCodec.HEADER_LENGTH; cut < pdu.length(); cut++) {
            byte[] b = pdu.slice(0, cut).toArray();
            b[8] = (byte) cut;
            b[9] = (byte) (cut >>> 8);
            decodeOrMalformed(Bytes.of(b));
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySingleBitFlipAnywhereDecodesConsistentlyOrIsMalformed(Bytes pdu) {
        for (int i = 0; i < pdu.length(); i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] b = pdu.toArray();
                b[i] ^= (byte) (1 << bit);
                decodeOrMalformed(Bytes.of(b));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachFlagBitFlippedStillDecodesAndKeepsTheOtherFields(Bytes pdu) {
        Pdu original = PduCodec.decode(pdu);
        for (int bit = 0; bit < 7; bit++) {
            byte[] b = pdu.toArray();
            b[3] ^= (byte) (1 << bit);
            Pdu flipped = PduCodec.decode(Bytes.of(b));
            assertThat(flipped.flags()).isEqualTo(original.flags() ^ (1 << bit));
            assertThat(flipped.callId()).isEqualTo(original.callId());
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void fixedLayoutPdusRejectTrailingBytes(Bytes pdu) {
        PduType type = PduCodec.decode(pdu).type();
        if (type == PduType.REQUEST || type == PduType.RESPONSE) {
            return; // the stub takes the rest of the fragment by definition
        }
        byte[] b = java.util.Arrays.copyOf(pdu.toArray(), pdu.length() + 1);
        b[8] = (byte) b.length;
        b[9] = (byte) (b.length >>> 8);
        assertThatThrownBy(() -> PduCodec.decode(Bytes.of(b))).isInstanceOf(MalformedWireException.class)
                .hasMessageContaining("trailing");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void fragLengthOtherThanTheFragmentIsRejected(Bytes pdu) {
        for (int claimed : new int[] {0, 16, pdu.length() - 1, pdu.length() + 1, 0xFFFF}) {
            byte[] b = pdu.toArray();
            b[8] = (byte) claimed;
            b[9] = (byte) (claimed >>> 8);
            assertThatThrownBy(() -> PduCodec.decode(Bytes.of(b))).isInstanceOf(MalformedWireException.class);
        }
    }

    private static Bytes patch(Bytes pdu, int offset, int... values) {
        byte[] b = pdu.toArray();
        for (int i = 0; i < values.length; i++) {
            b[offset + i] = (byte) values[i];
        }
        return Bytes.of(b);
    }

    @Test
    void hugeCountsAreRejectedBeforeAnyAllocation() {
        assertThatThrownBy(() -> PduCodec.decode(patch(PduCodecGoldenTest.BIND, 24, 0xFF)))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining("n_context_elem 255");
        assertThatThrownBy(() -> PduCodec.decode(patch(PduCodecGoldenTest.BIND, 28 + 2, 0xFF)))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining("n_transfer_syn 255");
        assertThatThrownBy(() -> PduCodec.decode(patch(PduCodecGoldenTest.BIND_ACK, 32, 0xFF)))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining("n_results 255");
        assertThatThrownBy(() -> PduCodec.decode(patch(PduCodecGoldenTest.BIND_ACK, 24, 0xFF, 0xFF)))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining("sec_addr");
        assertThatThrownBy(() -> PduCodec.decode(patch(PduCodecGoldenTest.BIND_NAK, 18, 0xFF)))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining("n_protocols 255");
    }

    @Test
    void secondaryAddressMustBeNulTerminatedPrintableAscii() {
        assertThatThrownBy(() -> PduCodec.decode(patch(PduCodecGoldenTest.BIND_ACK, 30, '8')))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> PduCodec.decode(patch(PduCodecGoldenTest.BIND_ACK, 27, 0)))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining("printable");
    }

    @Test
    void headerRulesRpcVersionDrepAuthLengthAndPtype() {
        Bytes bind = PduCodecGoldenTest.BIND;
        assertThatThrownBy(() -> PduCodec.decode(patch(bind, 0, 4))).isInstanceOfSatisfying(
                UnsupportedRpcVersionException.class, e -> {
                    assertThat(e.ptype()).isEqualTo(11);
                    assertThat(e.callId()).isEqualTo(2);
                });
        assertThatThrownBy(() -> PduCodec.decode(patch(bind, 1, 2))).isInstanceOf(UnsupportedRpcVersionException.class);
        assertThatThrownBy(() -> PduCodec.decode(patch(bind, 4, 0x00))).hasMessageContaining("packed_drep");
        assertThatThrownBy(() -> PduCodec.decode(patch(bind, 5, 0x01))).hasMessageContaining("packed_drep");
        assertThatThrownBy(() -> PduCodec.decode(patch(bind, 10, 0x10))).hasMessageContaining("auth_length");
        for (int ptype : new int[] {1, 4, 10, 16, 17, 18, 19, 20, 255}) {
            assertThatThrownBy(() -> PduCodec.decode(patch(bind, 2, ptype))).hasMessageContaining("PTYPE");
        }
    }

    @Test
    void fragLengthOfAHeaderIsReadForFramingAndChecked() {
        byte[] stream = new byte[20];
        System.arraycopy(PduCodecGoldenTest.BIND.toArray(), 0, stream, 4, 16);
        assertThat(PduCodec.fragLength(stream, 4)).isEqualTo(160);
        assertThatThrownBy(() -> PduCodec.fragLength(stream, 5)).isInstanceOf(MalformedWireException.class);
        assertThatThrownBy(() -> PduCodec.fragLength(stream, -1)).isInstanceOf(MalformedWireException.class);
        byte[] tiny = PduCodecGoldenTest.BIND.slice(0, 16).toArray();
        tiny[8] = 15;
        tiny[9] = 0;
        assertThatThrownBy(() -> PduCodec.fragLength(tiny, 0)).isInstanceOf(MalformedWireException.class);
    }

    @Test
    void fragLengthIsReadInTheByteOrderThatTheDataRepresentationAnnounces() {
        byte[] header = PduCodecGoldenTest.BIND.slice(0, 16).toArray(); // frag_length 160: A0 00
        header[4] = 0x00; // big-endian integers
        header[8] = 0x00;
        header[9] = (byte) 0xA0;
        assertThat(PduCodec.fragLength(header, 0)).isEqualTo(160);
        assertThat(PduCodec.fragLength(0x00, 0x01, 0x02)).isEqualTo(0x0102);
        assertThat(PduCodec.fragLength(0x10, 0x01, 0x02)).isEqualTo(0x0201);
        assertThat(PduCodec.fragLength(0x1F, 0xFF, 0xFF)).isEqualTo(0xFFFF);
        header[9] = 0x0F; // 15, big-endian: shorter than the header
        assertThatThrownBy(() -> PduCodec.fragLength(header, 0)).isInstanceOf(MalformedWireException.class);
    }

    @Test
    void aFragmentSplitAcrossReadsDecodesOnlyWhenWhole() {
        Bytes request = Captured.ofType("request").get(0).bytes();
        int split = request.length() / 2;
        assertThatThrownBy(() -> PduCodec.decode(request.slice(0, split))).isInstanceOf(MalformedWireException.class);
        assertThat(PduCodec.fragLength(request.slice(0, 16).toArray(), 0)).isEqualTo(request.length());
        assertThat(PduCodec.decode(request.slice(0, split).concat(request.slice(split, request.length()))))
                .isEqualTo(PduCodec.decode(request));
    }
}
