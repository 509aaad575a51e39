package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jkms.wire.Bytes;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EncodedRequestTest {
    static final UUID ID = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");

    static KmsRequest request(ProtocolVersion version) {
        return new KmsRequest(version, 0, 2, 43_200, ID, ID, ID, ID, 25, FileTime.fromInstant(
                java.time.Instant.parse("2026-03-01T10:15:30Z")), new UUID(0, 0), "DESKTOP-1");
    }

    @Test
    void v4HasNoIvsAndV5AndV6HaveOneBlockEach() {
        assertThat(new EncodedRequest(Bytes.EMPTY, request(ProtocolVersion.V4), Bytes.EMPTY, Bytes.EMPTY)).isNotNull();
        for (ProtocolVersion v : new ProtocolVersion[] {ProtocolVersion.V5, ProtocolVersion.V6}) {
            assertThat(new EncodedRequest(Bytes.EMPTY, request(v), Bytes.zeros(16), Bytes.zeros(16)).requestIv())
                    .isEqualTo(Bytes.zeros(16));
            assertThatIllegalArgumentException().isThrownBy(() -> new EncodedRequest(Bytes.EMPTY, request(v),
                    Bytes.EMPTY, Bytes.EMPTY)).withMessage(v + " request IVs must be 16 bytes");
            assertThatIllegalArgumentException().isThrownBy(() -> new EncodedRequest(Bytes.EMPTY, request(v),
                    Bytes.zeros(16), Bytes.zeros(15)));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> new DecodedRequest(request(ProtocolVersion.V4),
                Bytes.zeros(16), Bytes.zeros(16))).withMessage("4.0 request IVs must be 0 bytes");
    }

    @Test
    void ofJoinsTheCapturedBytesWithTheirDecoding() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            EncodedRequest sent = KmsRequestCodec.encode(request(v), new SplittableRandom(3));
            DecodedRequest decoded = KmsRequestCodec.decode(sent.message());
            EncodedRequest rebuilt = EncodedRequest.of(sent.message(), decoded);

            assertThat(rebuilt).as(v.toString()).isEqualTo(sent);
            assertThat(decoded.request()).isEqualTo(request(v));
        }
    }
}
