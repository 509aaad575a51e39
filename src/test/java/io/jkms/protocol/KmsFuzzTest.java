package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jkms.wire.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fuzz targets; under {@code mvn test} they replay the seeds in {@code KmsFuzzTestInputs/<method>/}. Each
 * asserts that nothing but the documented exception escapes.
 */
class KmsFuzzTest {

    @FuzzTest
    void requestDecodeThrowsOnlyInvalidData(byte[] input) {
        try {
            KmsRequestCodec.decode(Bytes.of(input));
        } catch (KmsException e) {
            assertThat(e.hresult()).isEqualTo(Hresult.INVALID_DATA);
        }
    }

    /**
     * Input: a u16 (LE) request length, the request, then the response, so that captured pairs reach the deep
     * checks. Requests the host would refuse are skipped.
     */
    @FuzzTest
    void responseVerifyThrowsOnlyVerificationFailures(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int requestLength = Math.min((input[0] & 0xFF) | (input[1] & 0xFF) << 8, input.length - 2);
        Bytes request = Bytes.of(input, 2, requestLength);
        DecodedRequest decoded;
        try {
            decoded = KmsRequestCodec.decode(request);
        } catch (KmsException e) {
            return;
        }
        Bytes response = Bytes.of(Arrays.copyOfRange(input, 2 + requestLength, input.length));
        try {
            KmsResponse verified = KmsResponseCodec.decodeAndVerify(response, EncodedRequest.of(request, decoded));
            assertThat(verified.cmid()).isEqualTo(decoded.request().cmid());
        } catch (ResponseVerificationException e) {
            assertThat(e.getMessage()).contains(e.field());
        }
    }

    @FuzzTest
    void epidParseThrowsOnlyIllegalArgument(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            assertThat(Epid.parse(text).toString()).isEqualTo(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("ePID");
        }
    }
}
