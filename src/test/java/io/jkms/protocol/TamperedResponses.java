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
}
