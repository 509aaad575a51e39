package io.jkms.protocol;

import static io.jkms.protocol.WorkedExample.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jkms.wire.Bytes;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Client-side checks of spec 5.3: every bad response is a ResponseVerificationException naming the field. */
class KmsResponseCodecTest {

    private static EncodedRequest sent(ProtocolVersion v) {
        return KmsRequestCodec.encode(request(v), IVC);
    }

    private static Bytes golden(ProtocolVersion v) {
        return KmsResponseCodec.encode(response(v), KmsRequestCodec.decode(sent(v).message()), SALT, IVS);
    }

    private static ResponseVerificationException rejection(Bytes message, EncodedRequest sent) {
        Throwable thrown = catchThrowable(() -> KmsResponseCodec.decodeAndVerify(message, sent));
        assertThat(thrown).as("verification of %s", message).isInstanceOf(ResponseVerificationException.class);
        ResponseVerificationException e = (ResponseVerificationException) thrown;
        assertThat(e.getMessage()).contains(e.field(), e.expected(), e.actual());
        return e;
    }

    private static String failedField(Bytes message, ProtocolVersion v) {
        return rejection(message, sent(v)).field();
    }

    /** The decrypted plaintext of an encrypted response, without padding. */
    private static byte[] plaintext(Bytes message, ProtocolVersion v) {
        byte[] m = message.toArray();
        byte[] p = KmsCrypto.cbcDecrypt(KmsRequestCodec.cipher(v), Arrays.copyOfRange(m, 4, 20), m, 20, m.length - 20);
        return Arrays.copyOf(p, p.length - KmsCrypto.pkcs7PadLength(p));
    }

    /** Pads and encrypts {@code plain} into a response message with {@code iv}. */
    private static Bytes seal(ProtocolVersion v, Bytes iv, byte[] plain) {
        byte[] padded = KmsCrypto.pkcs7Pad(plain);
        byte[] c = KmsCrypto.cbcEncrypt(KmsRequestCodec.cipher(v), iv.toArray(), padded, 0, padded.length);
        return Bytes.of(plain, 0, 4).concat(iv).concat(Bytes.of(c));
    }

    private static Bytes ivOf(ProtocolVersion v) {
        return v == ProtocolVersion.V6 ? IVS : IVC;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationIsRejected(ProtocolVersion v) {
        Bytes message = golden(v);
        for (int length = 0; length < message.length(); length++) {
            rejection(message.slice(0, length), sent(v));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyFlippedByteIsRejected(ProtocolVersion v) {
        byte[] m = golden(v).toArray();
        for (int i = 0; i < m.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                m[i] ^= (byte) mask;
                rejection(Bytes.of(m), sent(v));
                m[i] ^= (byte) mask;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void trailingBytesAreRejected(ProtocolVersion v) {
        assertThat(failedField(golden(v).concat(Bytes.zeros(1)), v)).isEqualTo("size");
        assertThat(failedField(golden(v).concat(Bytes.zeros(16)), v)).isIn("size", "padding", "MAC");
    }

    @Test
    void aResponseOfAnotherVersionIsRejected() {
        assertThat(failedField(golden(ProtocolVersion.V4), ProtocolVersion.V5)).isEqualTo("version");
        assertThat(failedField(RESPONSE_V6, ProtocolVersion.V5)).isEqualTo("version");
    }

    @Test
    void anInnerVersionDifferentFromTheOuterIsRejected() {
        byte[] p = plaintext(RESPONSE_V6, ProtocolVersion.V6);
        p[2] = 5;
        Bytes sealed = Bytes.fromHex("00000600").concat(seal(ProtocolVersion.V6, IVS, p).slice(4, 260));
        assertThat(failedField(sealed, ProtocolVersion.V6)).isEqualTo("inner version");
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V5", "V6"})
    void hugeOddAndTinyPidSizesAreRejected(ProtocolVersion v) {
        for (long pidSize : new long[] {0xFFFFFFFFL, 0x80000000L, 130, 99, 2, 0}) {
            byte[] p = plaintext(golden(v), v);
            for (int i = 0; i < 4; i++) {
                p[4 + i] = (byte) (pidSize >>> 8 * i);
            }
            assertThat(failedField(seal(v, ivOf(v), p), v)).as("PIDSize %d", pidSize).isEqualTo("PIDSize");
        }
    }

    @Test
    void aHugePidSizeInAV4ResponseIsRejectedBeforeAnythingIsRead() {
        byte[] m = golden(ProtocolVersion.V4).toArray();
        m[7] = (byte) 0x7F;
        assertThat(failedField(Bytes.of(m), ProtocolVersion.V4)).isEqualTo("PIDSize");
    }

    @Test
    void aPidSizeThatDisagreesWithTheMessageSizeIsRejected() {
        byte[] p = plaintext(RESPONSE_V6, ProtocolVersion.V6);
        p[4] = 98;
        assertThat(failedField(seal(ProtocolVersion.V6, IVS, p), ProtocolVersion.V6)).isEqualTo("size");
    }

    @Test
    void anEpidWithoutTerminatorOrWithAnEmbeddedNulIsRejected() {
        byte[] p = plaintext(RESPONSE_V6, ProtocolVersion.V6);
        p[8 + 98] = 'x';
        assertThat(rejection(seal(ProtocolVersion.V6, IVS, p), sent(ProtocolVersion.V6)).expected()).contains("NUL");
        p = plaintext(RESPONSE_V6, ProtocolVersion.V6);
        p[8 + 10] = 0;
        assertThat(rejection(seal(ProtocolVersion.V6, IVS, p), sent(ProtocolVersion.V6)).actual()).contains("NUL");
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aWrongCmidOrClientTimeEchoIsRejected(ProtocolVersion v) {
        DecodedRequest decoded = KmsRequestCodec.decode(sent(v).message());
        KmsResponse r = response(v);
        KmsResponse otherCmid = new KmsResponse(v, r.epid(), new UUID(7, 7), r.clientTime(), 50, 120, 10080, r.hwid());
        KmsResponse otherTime = new KmsResponse(v, r.epid(), r.cmid(), r.clientTime() + 1, 50, 120, 10080, r.hwid());
        assertThat(failedField(KmsResponseCodec.encode(otherCmid, decoded, SALT, IVS), v)).isEqualTo("CMID");
        assertThat(failedField(KmsResponseCodec.encode(otherTime, decoded, SALT, IVS), v)).isEqualTo("ClientTime");
    }

    @Test
    void aV5ResponseThatDoesNotEchoTheRequestIvIsRejected() {
        byte[] p = plaintext(golden(ProtocolVersion.V5), ProtocolVersion.V5);
        assertThat(failedField(seal(ProtocolVersion.V5, IVS, p), ProtocolVersion.V5)).isEqualTo("IV");
    }

    @Test
    void aV6ResponseUnderTheRequestIvVerifiesAsWindowsAcceptsItButTheHostNeverSendsOne() {
        byte[] p = plaintext(RESPONSE_V6, ProtocolVersion.V6);
        assertThat(failedField(seal(ProtocolVersion.V6, IVC, p), ProtocolVersion.V6))
                .as("the HMAC is keyed by the response IV").isEqualTo("HMAC");
        KmsResponse expected = KmsResponseCodec.decodeAndVerify(RESPONSE_V6, sent(ProtocolVersion.V6));
        Bytes reused = TamperedResponses.withRequestIv(RESPONSE_V6, IVC, expected.clientTime());
        assertThat(reused.slice(4, 20)).isEqualTo(IVC);
        assertThat(KmsResponseCodec.decodeAndVerify(reused, sent(ProtocolVersion.V6))).isEqualTo(expected);
        DecodedRequest decoded = KmsRequestCodec.decode(REQUEST_V6);
        assertThatThrownBy(() -> KmsResponseCodec.encode(response(ProtocolVersion.V6), decoded, SALT, IVC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V5", "V6"})
    void aWrongHashIsRejected(ProtocolVersion v) {
        byte[] p = plaintext(golden(v), v);
        p[144 + 16] ^= 1;
        assertThat(failedField(seal(v, ivOf(v), p), v)).isEqualTo("hash");
    }

    @Test
    void wrongXoredIvsAndWrongHmacAreRejected() {
        byte[] p = plaintext(RESPONSE_V6, ProtocolVersion.V6);
        p[144 + 56] ^= 1;
        assertThat(failedField(seal(ProtocolVersion.V6, IVS, p), ProtocolVersion.V6)).isEqualTo("XoredIVs");
        p = plaintext(RESPONSE_V6, ProtocolVersion.V6);
        p[p.length - 1] ^= 1;
        assertThat(failedField(seal(ProtocolVersion.V6, IVS, p), ProtocolVersion.V6)).isEqualTo("HMAC");
    }

    @Test
    void anHmacKeyedOneSlotStepAwayIsToleratedAsByVlmcsButTwoAreNot() {
        byte[] ds = KmsCrypto.decryptOne(Rijndael.V6, IVS.toArray());
        long slot = KmsCrypto.timeSlot(CLIENT_TIME);
        for (long t : new long[] {-1, 1, 2}) {
            byte[] p = plaintext(RESPONSE_V6, ProtocolVersion.V6);
            byte[] hmac = KmsCrypto.v6Hmac(slot + t * KmsCrypto.C1, ds, p, 0, p.length - 16);
            System.arraycopy(hmac, 0, p, p.length - 16, 16);
            Bytes message = seal(ProtocolVersion.V6, IVS, p);
            if (t == 2) {
                assertThat(failedField(message, ProtocolVersion.V6)).isEqualTo("HMAC");
            } else {
                assertThat(KmsResponseCodec.decodeAndVerify(message, sent(ProtocolVersion.V6)))
                        .isEqualTo(response(ProtocolVersion.V6));
            }
        }
    }

    @Test
    void aV4ResponseWithAWrongMacIsRejected() {
        byte[] m = golden(ProtocolVersion.V4).toArray();
        m[m.length - 1] ^= 1;
        assertThat(failedField(Bytes.of(m), ProtocolVersion.V4)).isEqualTo("MAC");
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void theLongestEpidRoundTripsAndIsThe292ByteV6Maximum(ProtocolVersion v) {
        KmsResponse r = response(v);
        KmsResponse longest = new KmsResponse(v, "E".repeat(63), r.cmid(), r.clientTime(), 0, 0, 0xFFFFFFFFL, r.hwid());
        Bytes message = KmsResponseCodec.encode(longest, KmsRequestCodec.decode(sent(v).message()), SALT, IVS);
        assertThat(message.length()).isEqualTo(v == ProtocolVersion.V4 ? 188 : v == ProtocolVersion.V5 ? 244 : 292);
        assertThat(KmsResponseCodec.decodeAndVerify(message, sent(v))).isEqualTo(longest);
    }

    @Test
    void aNonAsciiEpidIsRejectedBecauseV5CannotOtherwiseDetectCorruption() {
        DecodedRequest decoded = KmsRequestCodec.decode(sent(ProtocolVersion.V5).message());
        KmsResponse r = response(ProtocolVersion.V5);
        KmsResponse umlaut = new KmsResponse(r.version(), "Kön", r.cmid(), r.clientTime(), 1, 1, 1, r.hwid());
        assertThat(failedField(KmsResponseCodec.encode(umlaut, decoded, SALT, null), ProtocolVersion.V5))
                .isEqualTo("ePID");
    }

    @Test
    void recordRejectsABadHwidOrEpid() {
        assertThatThrownBy(() -> new KmsResponse(ProtocolVersion.V6, EPID, CMID, 0, 0, 0, 0, Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HWID");
        assertThatThrownBy(() -> new KmsResponse(ProtocolVersion.V5, EPID, CMID, 0, 0, 0, 0, HWID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HWID");
        assertThatThrownBy(() -> new KmsResponse(ProtocolVersion.V5, "", CMID, 0, 0, 0, 0, Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ePID");
        assertThatThrownBy(() -> new KmsResponse(ProtocolVersion.V5, "x".repeat(64), CMID, 0, 0, 0, 0, Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ePID");
        assertThatThrownBy(() -> new KmsResponse(ProtocolVersion.V5, EPID, CMID, 0, -1, 0, 0, Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientCount");
    }
}
