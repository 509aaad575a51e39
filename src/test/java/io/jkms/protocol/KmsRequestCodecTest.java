package io.jkms.protocol;

import static io.jkms.protocol.WorkedExample.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jkms.wire.Bytes;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Host-side decoding of hostile or broken requests: only KmsException(INVALID_DATA) ever escapes. */
class KmsRequestCodecTest {

    static void assertInvalidData(Bytes message) {
        assertThatThrownBy(() -> KmsRequestCodec.decode(message))
                .isInstanceOfSatisfying(KmsException.class,
                        e -> assertThat(e.hresult()).isEqualTo(Hresult.INVALID_DATA));
    }

    private static Bytes golden(ProtocolVersion v) {
        return KmsRequestCodec.encode(request(v), IVC).message();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationIsInvalidData(ProtocolVersion v) {
        Bytes message = golden(v);
        for (int length = 0; length < message.length(); length++) {
            assertInvalidData(message.slice(0, length));
        }
        assertThat(KmsRequestCodec.decode(message).request()).isEqualTo(request(v));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void trailingBytesAreIgnored(ProtocolVersion v) {
        Bytes longer = golden(v).concat(Bytes.fromHex("DEADBEEF00112233"));
        assertThat(KmsRequestCodec.decode(longer).request()).isEqualTo(request(v));
    }

    @Test
    void everyFlippedByteOfAV4RequestBreaksItsMac() {
        byte[] m = golden(ProtocolVersion.V4).toArray();
        for (int i = 0; i < m.length; i++) {
            m[i] ^= 0x01;
            assertInvalidData(Bytes.of(m));
            m[i] ^= 0x01;
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V5", "V6"})
    void everyFlippedByteOfAnEncryptedRequestDecodesOrIsInvalidData(ProtocolVersion v) {
        byte[] m = golden(v).toArray();
        for (int i = 0; i < m.length; i++) {
            m[i] ^= (byte) 0xFF;
            Throwable thrown = catchThrowable(() -> KmsRequestCodec.decode(Bytes.of(m)));
            boolean versionOrInnerVersionOrPadding = i < 4 || (i >= 20 && i < 36) || i >= m.length - 16 - 4;
            if (versionOrInnerVersionOrPadding) {
                assertThat(thrown).as("byte %d", i).isInstanceOf(KmsException.class);
            } else if (thrown != null) {
                assertThat(thrown).as("byte %d", i).isInstanceOf(KmsException.class);
            }
            m[i] ^= (byte) 0xFF;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0x00040001L, 0x00060001L, 0x00030000L, 0x00070000L, 0xFFFF0000L, 0L, 0xFFFFFFFFL})
    void unsupportedVersionsAreInvalidData(long wire) {
        byte[] m = golden(ProtocolVersion.V6).toArray();
        for (int i = 0; i < 4; i++) {
            m[i] = (byte) (wire >>> 8 * i);
        }
        assertInvalidData(Bytes.of(m));
        assertThatThrownBy(() -> ProtocolVersion.fromWire(wire)).isInstanceOf(KmsException.class);
    }

    @Test
    void innerVersionDifferentFromTheOuterIsInvalidData() {
        byte[] plain = KmsCrypto.pkcs7Pad(baseRequest(ProtocolVersion.V5).toArray());
        byte[] encrypted = KmsCrypto.cbcEncrypt(Rijndael.V6, IVC.toArray(), plain, 0, plain.length);
        assertInvalidData(Bytes.fromHex("00000600").concat(IVC).concat(Bytes.of(encrypted)));
    }

    @Test
    void paddingOtherThanFourFoursIsInvalidData() {
        byte[] plain = KmsCrypto.pkcs7Pad(baseRequest(ProtocolVersion.V6).toArray());
        plain[plain.length - 1] = 3;
        byte[] encrypted = KmsCrypto.cbcEncrypt(Rijndael.V6, IVC.toArray(), plain, 0, plain.length);
        assertInvalidData(Bytes.fromHex("00000600").concat(IVC).concat(Bytes.of(encrypted)));
    }

    @Test
    void aV4RequestWithAWrongMacIsInvalidData() {
        assertInvalidData(baseRequest(ProtocolVersion.V4).concat(Bytes.zeros(16)));
    }

    @Test
    void aV5RequestDecryptedWithTheV6CipherIsInvalidData() {
        byte[] m = golden(ProtocolVersion.V5).toArray();
        m[2] = 6;
        assertInvalidData(Bytes.of(m));
    }

    @Test
    void aWorkstationNameFillingAll64UnitsDecodesWithoutTerminator() {
        byte[] base = baseRequest(ProtocolVersion.V4).toArray();
        for (int i = 108; i < 236; i += 2) {
            base[i] = 'x';
        }
        Bytes message = Bytes.of(base).concat(Bytes.of(KmsCrypto.v4Mac(base, 0, 236)));
        assertThat(KmsRequestCodec.decode(message).request().workstationName()).isEqualTo("x".repeat(64));
    }

    @Test
    void encodingRefusesA64UnitWorkstationNameAndAWrongIv() {
        KmsRequest r = request(ProtocolVersion.V6);
        KmsRequest longName = new KmsRequest(r.version(), 0, 0, 0, r.appId(), r.skuId(), r.kmsId(), r.cmid(), 0, 0,
                r.previousCmid(), "x".repeat(64));
        assertThatThrownBy(() -> KmsRequestCodec.encode(longName, IVC))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KmsRequestCodec.encode(r, Bytes.zeros(15))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordRejectsOutOfRangeFieldsAndNul() {
        UUID id = new UUID(1, 2);
        assertThatThrownBy(() -> new KmsRequest(ProtocolVersion.V6, -1, 0, 0, id, id, id, id, 0, 0, id, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vmInfo");
        assertThatThrownBy(() -> new KmsRequest(ProtocolVersion.V6, 0, 0, 0x1_0000_0000L, id, id, id, id, 0, 0, id, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bindingExpiration");
        assertThatThrownBy(() -> new KmsRequest(ProtocolVersion.V6, 0, 0, 0, id, id, id, id, 0, 0, id, "a\0b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> new KmsRequest(ProtocolVersion.V6, 0, 0, 0, id, id, null, id, 0, 0, id, ""))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("kmsId");
    }

    @Test
    void unpairedSurrogatesInTheWorkstationNameSurviveARoundTrip() {
        KmsRequest r = request(ProtocolVersion.V5);
        KmsRequest odd = new KmsRequest(r.version(), 1, 0xFFFFFFFFL, 0, r.appId(), r.skuId(), r.kmsId(), r.cmid(), 5,
                -1L, r.previousCmid(), "\uD800ws\uDFFF");
        assertThat(KmsRequestCodec.decode(KmsRequestCodec.encode(odd, IVC).message()).request()).isEqualTo(odd);
    }
}
