package io.jkms.protocol;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The KMS cryptographic building blocks of spec 4.4 on top of {@link Rijndael}: CBC with PKCS#7, the V4
 * CBC-MAC and the V6 time-slot HMAC. Stateless; every method is safe to call from many threads.
 */
final class KmsCrypto {
    static final int BLOCK = 16;
    /** Time-slot constants of spec 4.4.5 (100-ns units). */
    static final long C1 = 0x00000022816889BDL;
    static final long C2 = 0x000000208CBAB5EDL;
    static final long C3 = 0x3156CD5AC628477AL;

    /*
     * Prototypes, only ever cloned: a clone is an object copy, where getInstance searches the providers and
     * instantiates by reflection on every call (it cost as much as the hashing itself). The provider is chosen
     * here, once, so that clone() reads the prototypes and never changes them.
     */
    private static final Mac HMAC_SHA256 = prototypeMac();
    private static final MessageDigest SHA256 = prototypeDigest();

    private KmsCrypto() {
    }

    private static Mac prototypeMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[16], "HmacSHA256"));
            mac.clone(); // fails here, at class load, if this JDK's HMAC cannot be cloned
            return mac;
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("a cloneable HmacSHA256 is required", e);
        }
    }

    private static MessageDigest prototypeDigest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.clone();
            return digest;
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("a cloneable SHA-256 is required", e);
        }
    }

    /** CBC-encrypts {@code data[off..off+len)} (a multiple of 16 bytes) with {@code iv}; a new array. */
    static byte[] cbcEncrypt(Rijndael cipher, byte[] iv, byte[] data, int off, int len) {
        byte[] out = new byte[len];
        byte[] chain = iv;
        int chainOff = 0;
        for (int i = 0; i < len; i += BLOCK) {
            for (int j = 0; j < BLOCK; j++) {
                out[i + j] = (byte) (data[off + i + j] ^ chain[chainOff + j]);
            }
            cipher.encryptBlock(out, i, out, i);
            chain = out;
            chainOff = i;
        }
        return out;
    }

    /** CBC-decrypts {@code data[off..off+len)} (a multiple of 16 bytes) with {@code iv}; a new array. */
    static byte[] cbcDecrypt(Rijndael cipher, byte[] iv, byte[] data, int off, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i += BLOCK) {
            cipher.decryptBlock(data, off + i, out, i);
            for (int j = 0; j < BLOCK; j++) {
                out[i + j] ^= i == 0 ? iv[j] : data[off + i - BLOCK + j];
            }
        }
        return out;
    }

    /** {@code D_K(block)}: one-block decryption, as used for Dc and Ds. */
    static byte[] decryptOne(Rijndael cipher, byte[] block) {
        byte[] out = new byte[BLOCK];
        cipher.decryptBlock(block, 0, out, 0);
        return out;
    }

    /** {@code data} followed by 1..16 PKCS#7 padding bytes. */
    static byte[] pkcs7Pad(byte[] data) {
        int pad = BLOCK - data.length % BLOCK;
        byte[] out = Arrays.copyOf(data, data.length + pad);
        Arrays.fill(out, data.length, out.length, (byte) pad);
        return out;
    }

    /** The PKCS#7 pad length of {@code data}, or -1 when the padding is not valid. */
    static int pkcs7PadLength(byte[] data) {
        if (data.length == 0 || data.length % BLOCK != 0) {
            return -1;
        }
        int pad = data[data.length - 1] & 0xFF;
        if (pad < 1 || pad > BLOCK) {
            return -1;
        }
        for (int i = data.length - pad; i < data.length; i++) {
            if ((data[i] & 0xFF) != pad) {
                return -1;
            }
        }
        return pad;
    }

    /** V4 MAC (spec 4.4.4): CBC-MAC with Rijndael-V4 and ISO 9797-1 method-2 padding. */
    static byte[] v4Mac(byte[] data, int off, int len) {
        byte[] state = new byte[BLOCK];
        int full = len - len % BLOCK;
        for (int i = 0; i < full; i += BLOCK) {
            for (int j = 0; j < BLOCK; j++) {
                state[j] ^= data[off + i + j];
            }
            Rijndael.V4.encryptBlock(state, 0, state, 0);
        }
        int rest = len - full;
        for (int j = 0; j < rest; j++) {
            state[j] ^= data[off + full + j];
        }
        state[rest] ^= (byte) 0x80;
        Rijndael.V4.encryptBlock(state, 0, state, 0);
        return state;
    }

    /** The V6 time slot of a FILETIME: {@code (T / C1) * C2 + C3} in unsigned 64-bit arithmetic. */
    static long timeSlot(long fileTime) {
        return Long.divideUnsigned(fileTime, C1) * C2 + C3;
    }

    /** The 16-byte HMAC key for a slot value: the last 16 bytes of SHA-256 of the slot (LE). */
    static byte[] hmacKey(long slot) {
        byte[] le = new byte[8];
        for (int i = 0; i < 8; i++) {
            le[i] = (byte) (slot >>> 8 * i);
        }
        return Arrays.copyOfRange(sha256(le), 16, 32);
    }

    /** The full 32-byte HMAC-SHA256 of {@code first || data[off..off+len)}. */
    static byte[] hmacSha256(byte[] key, byte[] first, byte[] data, int off, int len) {
        try {
            Mac mac = (Mac) HMAC_SHA256.clone();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(first);
            mac.update(data, off, len);
            return mac.doFinal();
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    /** The 16-byte V6 HMAC field: the last half of HMAC-SHA256 with the key of {@code slot}. */
    static byte[] v6Hmac(long slot, byte[] ds, byte[] data, int off, int len) {
        return Arrays.copyOfRange(hmacSha256(hmacKey(slot), ds, data, off, len), 16, 32);
    }

    static byte[] sha256(byte[] data) {
        try {
            return ((MessageDigest) SHA256.clone()).digest(data);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
