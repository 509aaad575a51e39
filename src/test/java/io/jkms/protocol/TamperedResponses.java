package io.jkms.protocol;

import io.jkms.wire.Bytes;
import java.util.Arrays;

/**
 * Test helper for the client's fake KMS peer: corrupts a well-formed response where only the crypto helpers of
 * this package can reach (inside the V6 encryption), leaving every other field intact.
 */
public final class TamperedResponses {
    private TamperedResponses() {
    }

    /** The same V6 response with one bit of its HMAC flipped, re-encrypted so that only the HMAC check fails. */
    public static Bytes withWrongHmac(Bytes v6Response) {
        byte[] m = v6Response.toArray();
        byte[] iv = Arrays.copyOfRange(m, 4, 20);
        byte[] p = KmsCrypto.cbcDecrypt(Rijndael.V6, iv, m, 20, m.length - 20);
        int plainLength = p.length - KmsCrypto.pkcs7PadLength(p);
        p[plainLength - 1] ^= 0x01;
        byte[] c = KmsCrypto.cbcEncrypt(Rijndael.V6, iv, p, 0, p.length);
        return Bytes.of(Arrays.copyOf(m, 20)).concat(Bytes.of(c));
    }

    /**
     * The same V6 response encrypted with the request's IV instead of a fresh one (V5's rule), with the HMAC
     * recomputed for that IV: every check Windows makes passes.
     */
    public static Bytes withRequestIv(Bytes v6Response, Bytes requestIv, long clientTime) {
        byte[] m = v6Response.toArray();
        byte[] iv = Arrays.copyOfRange(m, 4, 20);
        byte[] p = KmsCrypto.cbcDecrypt(Rijndael.V6, iv, m, 20, m.length - 20);
        int plainLength = p.length - KmsCrypto.pkcs7PadLength(p);
        byte[] ivc = requestIv.toArray();
        byte[] ds = KmsCrypto.decryptOne(Rijndael.V6, ivc);
        byte[] hmac = KmsCrypto.v6Hmac(KmsCrypto.timeSlot(clientTime), ds, p, 0, plainLength - 16);
        System.arraycopy(hmac, 0, p, plainLength - 16, 16);
        byte[] c = KmsCrypto.cbcEncrypt(Rijndael.V6, ivc, p, 0, p.length);
        return Bytes.of(Arrays.copyOf(m, 4)).concat(requestIv).concat(Bytes.of(c));
    }
}
