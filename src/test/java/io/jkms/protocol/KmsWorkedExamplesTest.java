package io.jkms.protocol;

import static io.jkms.protocol.WorkedExample.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.wire.Bytes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Spec chapter 9: the worked examples, golden bytes both ways for V6, V5 and V4. */
class KmsWorkedExamplesTest {

    @Test
    void clientTimeIsTheFileTimeOfNewYear2024() {
        assertThat(FileTime.fromInstant(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo(CLIENT_TIME);
        assertThat(FileTime.toInstant(CLIENT_TIME)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void v6RequestEncodesToTheGoldenBytes() {
        EncodedRequest encoded = KmsRequestCodec.encode(request(ProtocolVersion.V6), IVC);
        assertThat(encoded.message()).isEqualTo(REQUEST_V6);
        assertThat(encoded.requestIv()).isEqualTo(IVC);
        assertThat(encoded.decryptedRequestIv()).isEqualTo(DC_V6);
    }

    @Test
    void v6GoldenRequestDecodesOnTheHost() {
        DecodedRequest decoded = KmsRequestCodec.decode(REQUEST_V6);
        assertThat(decoded).isEqualTo(new DecodedRequest(request(ProtocolVersion.V6), IVC, DC_V6));
    }

    @Test
    void v6ResponseEncodesToTheGoldenBytesOfStep8() {
        DecodedRequest decoded = KmsRequestCodec.decode(REQUEST_V6);
        assertThat(KmsResponseCodec.encode(response(ProtocolVersion.V6), decoded, SALT, IVS)).isEqualTo(RESPONSE_V6);
    }

    @Test
    void v6GoldenResponseVerifiesOnTheClient() {
        EncodedRequest sent = KmsRequestCodec.encode(request(ProtocolVersion.V6), IVC);
        assertThat(KmsResponseCodec.decodeAndVerify(RESPONSE_V6, sent)).isEqualTo(response(ProtocolVersion.V6));
    }

    @Test
    void v5RequestHasTheGoldenCiphertextAndDecodes() {
        EncodedRequest encoded = KmsRequestCodec.encode(request(ProtocolVersion.V5), IVC);
        String hex = encoded.message().hex().toUpperCase();
        assertThat(encoded.message().length()).isEqualTo(260);
        assertThat(hex).startsWith("00000500" + IVC.hex().toUpperCase() + V5_REQUEST_CIPHER_PREFIX)
                .endsWith(V5_REQUEST_SUFFIX);
        assertThat(encoded.decryptedRequestIv()).isEqualTo(DC_V5);
        assertThat(KmsRequestCodec.decode(encoded.message()))
                .isEqualTo(new DecodedRequest(request(ProtocolVersion.V5), IVC, DC_V5));
    }

    @Test
    void v5ResponseEchoesTheRequestIvAndHasTheGoldenBytes() {
        EncodedRequest sent = KmsRequestCodec.encode(request(ProtocolVersion.V5), IVC);
        DecodedRequest decoded = KmsRequestCodec.decode(sent.message());
        Bytes response = KmsResponseCodec.encode(response(ProtocolVersion.V5), decoded, SALT, null);
        assertThat(response.length()).isEqualTo(228);
        assertThat(response.hex().toUpperCase())
                .startsWith("00000500" + IVC.hex().toUpperCase() + V5_RESPONSE_CIPHER_PREFIX)
                .endsWith(V5_RESPONSE_SUFFIX);
        assertThat(KmsResponseCodec.decodeAndVerify(response, sent)).isEqualTo(response(ProtocolVersion.V5));
    }

    @Test
    void v5PlaintextOf192BytesGetsAFullPaddingBlock() {
        EncodedRequest sent = KmsRequestCodec.encode(request(ProtocolVersion.V5), IVC);
        Bytes response = KmsResponseCodec.encode(response(ProtocolVersion.V5), KmsRequestCodec.decode(sent.message()),
                SALT, null);
        byte[] plain = KmsCrypto.cbcDecrypt(Rijndael.V5, IVC.toArray(), response.toArray(), 20, 208);
        assertThat(Bytes.of(plain, 192, 16)).isEqualTo(Bytes.fromHex("10".repeat(16)));
        assertThat(Bytes.of(plain, 144, 16)).isEqualTo(Bytes.fromHex("D85F59102ECB1F17F62687907FE34EF7"));
    }

    @Test
    void v4RequestIsTheBaseRequestAndItsMac() {
        EncodedRequest encoded = KmsRequestCodec.encode(request(ProtocolVersion.V4), Bytes.EMPTY);
        assertThat(encoded.message()).isEqualTo(baseRequest(ProtocolVersion.V4).concat(Bytes.fromHex(V4_REQUEST_MAC)));
        assertThat(encoded.requestIv()).isEqualTo(Bytes.EMPTY);
        assertThat(KmsRequestCodec.decode(encoded.message()))
                .isEqualTo(new DecodedRequest(request(ProtocolVersion.V4), Bytes.EMPTY, Bytes.EMPTY));
    }

    @Test
    void v4ResponseIsTheBaseResponseAndItsMacBothWays() {
        Bytes golden = baseResponse(ProtocolVersion.V4).concat(Bytes.fromHex(V4_RESPONSE_MAC));
        EncodedRequest sent = KmsRequestCodec.encode(request(ProtocolVersion.V4), Bytes.EMPTY);
        DecodedRequest decoded = KmsRequestCodec.decode(sent.message());
        assertThat(KmsResponseCodec.encode(response(ProtocolVersion.V4), decoded, null, null)).isEqualTo(golden);
        assertThat(golden.length()).isEqualTo(160);
        assertThat(KmsResponseCodec.decodeAndVerify(golden, sent)).isEqualTo(response(ProtocolVersion.V4));
    }

    @Test
    void v6DecryptedResponseIsThePlaintextOfStep7() {
        byte[] plain = KmsCrypto.cbcDecrypt(Rijndael.V6, IVS.toArray(), RESPONSE_V6.toArray(), 20, 240);
        assertThat(Bytes.of(plain, 0, 144)).isEqualTo(baseResponse(ProtocolVersion.V6));
        assertThat(Bytes.of(plain, 0xD8, 16)).isEqualTo(Bytes.fromHex("7F9D7490EEF4D6F7791DE264C169FA09"));
        assertThat(Bytes.of(KmsCrypto.decryptOne(Rijndael.V6, IVS.toArray())))
                .isEqualTo(Bytes.fromHex("BF0D8361FCB5217B2B4129DC7105F5B0"));
    }

    @Test
    void randomEncodingsDrawTheIvsAndStillVerify() {
        var random = new java.util.SplittableRandom(7);
        for (ProtocolVersion v : ProtocolVersion.values()) {
            EncodedRequest sent = KmsRequestCodec.encode(request(v), random);
            Bytes answer = KmsResponseCodec.encode(response(v), KmsRequestCodec.decode(sent.message()), random);
            assertThat(KmsResponseCodec.decodeAndVerify(answer, sent)).isEqualTo(response(v));
            if (v == ProtocolVersion.V6) {
                assertThat(answer.slice(4, 20)).isNotEqualTo(sent.requestIv());
            }
        }
    }
}
