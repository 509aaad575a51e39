package io.jkms.protocol;

import io.jkms.wire.Bytes;
import io.jkms.wire.WireWriter;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * KMS response messages (spec 4.3, 4.5–4.7) both ways: {@link #encode} for the host and
 * {@link #decodeAndVerify} for the client. Stateless.
 */
public final class KmsResponseCodec {
    /** Bytes of the base response besides the ePID: version, PIDSize, CMID, time, count, two intervals. */
    static final int BASE_FIXED = 44;
    /** RandomXoredIVs and Hash, after the base response in V5 and V6. */
    static final int HASH_PART = 16 + 32;
    /** HwId, XoredIVs and HMAC, after the hash part in V6. */
    static final int V6_PART = 8 + 16 + 16;

    private KmsResponseCodec() {
    }

    /**
     * Encodes the host's answer deterministically.
     *
     * @param salt R, 16 bytes (V5/V6; ignored for V4)
     * @param responseIv IVs, 16 bytes different from the request IV (V6 only; ignored otherwise, may be null)
     * @throws IllegalArgumentException when the versions differ or salt/IV are unusable
     */
    public static Bytes encode(KmsResponse response, DecodedRequest request, Bytes salt, Bytes responseIv) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(request, "request");
        ProtocolVersion version = response.version();
        if (version != request.request().version()) {
            throw new IllegalArgumentException(version + " response to a " + request.request().version() + " request");
        }
        byte[] base = writeBase(response);
        if (version == ProtocolVersion.V4) {
            return Bytes.of(base).concat(Bytes.of(KmsCrypto.v4Mac(base, 0, base.length)));
        }
        requireBlock(salt, "salt R");
        byte[] r = salt.toArray();
        byte[] dc = request.decryptedRequestIv().toArray();
        Bytes ivc = request.requestIv();
        Bytes iv = ivc;
        int plainLength = base.length + HASH_PART + (version == ProtocolVersion.V6 ? V6_PART : 0);
        WireWriter p = new WireWriter(plainLength).bytes(Bytes.wrapOwned(base)).bytes(salt.xor(Bytes.wrapOwned(dc)))
                .bytes(Bytes.wrapOwned(KmsCrypto.sha256(r)));
        byte[] plain;
        if (version == ProtocolVersion.V6) {
            requireBlock(responseIv, "response IV");
            if (responseIv.equals(ivc)) {
                throw new IllegalArgumentException("a V6 response IV must differ from the request IV");
            }
            iv = responseIv;
            p.bytes(response.hwid()).bytes(Bytes.wrapOwned(dc));
            byte[] ds = KmsCrypto.decryptOne(Rijndael.V6, responseIv.toArray());
            plain = p.zeros(16).toArray(); // the HMAC goes into these last 16 bytes
            byte[] hmac = KmsCrypto.v6Hmac(KmsCrypto.timeSlot(response.clientTime()), ds, plain, 0,
                    plainLength - 16);
            System.arraycopy(hmac, 0, plain, plainLength - 16, 16);
        } else {
            plain = p.toArray();
        }
        byte[] padded = KmsCrypto.pkcs7Pad(plain);
        byte[] encrypted = KmsCrypto.cbcEncrypt(KmsRequestCodec.cipher(version), iv.toArray(), padded, 0,
                padded.length);
        return new WireWriter(20 + encrypted.length).u32(version.wireValue()).bytes(iv).bytes(Bytes.wrapOwned(encrypted))
                .toBytes();
    }

    /** Encodes the host's answer, drawing R and then (V6 only) an IVs different from the request IV. */
    public static Bytes encode(KmsResponse response, DecodedRequest request, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        ProtocolVersion version = response.version();
        if (version == ProtocolVersion.V4) {
            return encode(response, request, Bytes.EMPTY, Bytes.EMPTY);
        }
        Bytes salt = draw(random);
        Bytes iv = Bytes.EMPTY;
        if (version == ProtocolVersion.V6) {
            do {
                iv = draw(random);
            } while (iv.equals(request.requestIv()));
        }
        return encode(response, request, salt, iv);
    }

    /**
     * Decodes a response on the client and runs the checks of spec 5.3 against the request it answers.
     *
     * @throws ResponseVerificationException, the only exception, for any response the client must reject
     */
    public static KmsResponse decodeAndVerify(Bytes message, EncodedRequest sent) {
        return KmsResponseVerifier.verify(Objects.requireNonNull(message, "message").toArray(),
                Objects.requireNonNull(sent, "sent"));
    }

    private static Bytes draw(RandomGenerator random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Bytes.wrapOwned(b);
    }

    private static void requireBlock(Bytes value, String what) {
        if (value == null || value.length() != 16) {
            throw new IllegalArgumentException(what + " must be 16 bytes");
        }
    }

    private static byte[] writeBase(KmsResponse s) {
        int pidSize = 2 * (s.epid().length() + 1);
        WireWriter w = new WireWriter(BASE_FIXED + pidSize).u32(s.version().wireValue()).u32(pidSize);
        Utf16.write(w, s.epid());
        return w.u16(0).guid(s.cmid()).u64(s.clientTime()).u32(s.clientCount()).u32(s.activationInterval())
                .u32(s.renewalInterval()).toArray();
    }
}
