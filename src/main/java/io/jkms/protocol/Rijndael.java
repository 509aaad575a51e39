package io.jkms.protocol;

/**
 * Rijndael with 128-bit blocks and a 128- or 160-bit key, table-driven (FIPS-197 T-tables), as the three
 * KMS ciphers need it (spec 4.4.2): plain AES-128 for V5, AES-128 with three patched round-key bytes for V6,
 * and 160-bit-key, 11-round Rijndael for the V4 MAC.
 *
 * <p>Instances are immutable after construction and therefore thread-safe; the block methods allocate
 * nothing. Round keys are kept as big-endian column words.
 */
final class Rijndael {
    private static final byte[] KEY_V4 = hex("053D8307F9E5F088EB5EA6686CF037C7E4EFD2D6");
    private static final byte[] KEY_V5 = hex("CD7E796F2AB25DCB55FFC8EF8364C470");
    private static final byte[] KEY_V6 = hex("A94A4195E201432D9BCB460405D84A21");

    /** Plain AES-128 with the V5 key. */
    static final Rijndael V5 = new Rijndael(KEY_V5, false);
    /** AES-128 with the V6 key and the patched key schedule. */
    static final Rijndael V6 = new Rijndael(KEY_V6, true);
    /** Rijndael, 160-bit V4 key, 11 rounds (encryption only is used). */
    static final Rijndael V4 = new Rijndael(KEY_V4, false);

    /** Reads and writes four bytes as one big-endian int in a single access, bounds-checked once. */
    private static final java.lang.invoke.VarHandle BIG_ENDIAN_INT = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private final int rounds;
    private final int[] encKeys;
    private final int[] decKeys;

    /** Visible for tests: any 16- or 20-byte key; {@code patchV6} applies the V6 round-key patch. */
    Rijndael(byte[] key, boolean patchV6) {
        if (key.length != 16 && key.length != 20) {
            throw new IllegalArgumentException("key must be 16 or 20 bytes, not " + key.length);
        }
        int nk = key.length / 4;
        this.rounds = nk + 6;
        this.encKeys = expand(key, nk, rounds);
        if (patchV6) {
            encKeys[16] ^= 0x73 << 24; // expanded-key byte 64 = round key 4, byte 0
            encKeys[24] ^= 0x09 << 24; // byte 96 = round key 6, byte 0
            encKeys[32] ^= 0xE4 << 24; // byte 128 = round key 8, byte 0
        }
        this.decKeys = inverseKeys(encKeys, rounds);
    }

    private static int[] expand(byte[] key, int nk, int rounds) {
        int total = 4 * (rounds + 1);
        int[] w = new int[total];
        for (int i = 0; i < nk; i++) {
            w[i] = (key[4 * i] & 0xFF) << 24 | (key[4 * i + 1] & 0xFF) << 16 | (key[4 * i + 2] & 0xFF) << 8
                    | key[4 * i + 3] & 0xFF;
        }
        int rcon = 1;
        for (int i = nk; i < total; i++) {
            int t = w[i - 1];
            if (i % nk == 0) {
                t = subWord(Integer.rotateLeft(t, 8)) ^ rcon << 24;
                rcon = AesTables.xtime(rcon);
            }
            w[i] = w[i - nk] ^ t;
        }
        return w;
    }

    private static int subWord(int w) {
        int[] s = AesTables.SBOX;
        return s[w >>> 24] << 24 | s[w >>> 16 & 0xFF] << 16 | s[w >>> 8 & 0xFF] << 8 | s[w & 0xFF];
    }

    /** Round keys for the equivalent inverse cipher, in the order decryption uses them. */
    private static int[] inverseKeys(int[] enc, int rounds) {
        int[] dec = new int[enc.length];
        for (int r = 0; r <= rounds; r++) {
            for (int c = 0; c < 4; c++) {
                int w = enc[4 * (rounds - r) + c];
                dec[4 * r + c] = r == 0 || r == rounds ? w : invMixColumn(w);
            }
        }
        return dec;
    }

    private static int invMixColumn(int w) {
        int[] s = AesTables.SBOX;
        return AesTables.TD0[s[w >>> 24]] ^ AesTables.TD1[s[w >>> 16 & 0xFF]] ^ AesTables.TD2[s[w >>> 8 & 0xFF]]
                ^ AesTables.TD3[s[w & 0xFF]];
    }

    /** Encrypts one block from {@code in[inOff..+16]} into {@code out[outOff..+16]} (may overlap exactly). */
    void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        int[] k = encKeys;
        int s0 = word(in, inOff) ^ k[0];
        int s1 = word(in, inOff + 4) ^ k[1];
        int s2 = word(in, inOff + 8) ^ k[2];
        int s3 = word(in, inOff + 12) ^ k[3];
        int[] t0 = AesTables.TE0;
        int[] t1 = AesTables.TE1;
        int[] t2 = AesTables.TE2;
        int[] t3 = AesTables.TE3;
        int ki = 4;
        for (int r = 1; r < rounds; r++, ki += 4) {
            int u0 = t0[s0 >>> 24] ^ t1[s1 >>> 16 & 0xFF] ^ t2[s2 >>> 8 & 0xFF] ^ t3[s3 & 0xFF] ^ k[ki];
            int u1 = t0[s1 >>> 24] ^ t1[s2 >>> 16 & 0xFF] ^ t2[s3 >>> 8 & 0xFF] ^ t3[s0 & 0xFF] ^ k[ki + 1];
            int u2 = t0[s2 >>> 24] ^ t1[s3 >>> 16 & 0xFF] ^ t2[s0 >>> 8 & 0xFF] ^ t3[s1 & 0xFF] ^ k[ki + 2];
            int u3 = t0[s3 >>> 24] ^ t1[s0 >>> 16 & 0xFF] ^ t2[s1 >>> 8 & 0xFF] ^ t3[s2 & 0xFF] ^ k[ki + 3];
            s0 = u0;
            s1 = u1;
            s2 = u2;
            s3 = u3;
        }
        int[] s = AesTables.SBOX;
        putWord(out, outOff, last(s, s0, s1, s2, s3) ^ k[ki]);
        putWord(out, outOff + 4, last(s, s1, s2, s3, s0) ^ k[ki + 1]);
        putWord(out, outOff + 8, last(s, s2, s3, s0, s1) ^ k[ki + 2]);
        putWord(out, outOff + 12, last(s, s3, s0, s1, s2) ^ k[ki + 3]);
    }

    /** Decrypts one block (the inverse of {@link #encryptBlock}). */
    void decryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        int[] k = decKeys;
        int s0 = word(in, inOff) ^ k[0];
        int s1 = word(in, inOff + 4) ^ k[1];
        int s2 = word(in, inOff + 8) ^ k[2];
        int s3 = word(in, inOff + 12) ^ k[3];
        int[] t0 = AesTables.TD0;
        int[] t1 = AesTables.TD1;
        int[] t2 = AesTables.TD2;
        int[] t3 = AesTables.TD3;
        int ki = 4;
        for (int r = 1; r < rounds; r++, ki += 4) {
            int u0 = t0[s0 >>> 24] ^ t1[s3 >>> 16 & 0xFF] ^ t2[s2 >>> 8 & 0xFF] ^ t3[s1 & 0xFF] ^ k[ki];
            int u1 = t0[s1 >>> 24] ^ t1[s0 >>> 16 & 0xFF] ^ t2[s3 >>> 8 & 0xFF] ^ t3[s2 & 0xFF] ^ k[ki + 1];
            int u2 = t0[s2 >>> 24] ^ t1[s1 >>> 16 & 0xFF] ^ t2[s0 >>> 8 & 0xFF] ^ t3[s3 & 0xFF] ^ k[ki + 2];
            int u3 = t0[s3 >>> 24] ^ t1[s2 >>> 16 & 0xFF] ^ t2[s1 >>> 8 & 0xFF] ^ t3[s0 & 0xFF] ^ k[ki + 3];
            s0 = u0;
            s1 = u1;
            s2 = u2;
            s3 = u3;
        }
        int[] s = AesTables.INV_SBOX;
        putWord(out, outOff, last(s, s0, s3, s2, s1) ^ k[ki]);
        putWord(out, outOff + 4, last(s, s1, s0, s3, s2) ^ k[ki + 1]);
        putWord(out, outOff + 8, last(s, s2, s1, s0, s3) ^ k[ki + 2]);
        putWord(out, outOff + 12, last(s, s3, s2, s1, s0) ^ k[ki + 3]);
    }

    private static int last(int[] s, int a, int b, int c, int d) {
        return s[a >>> 24] << 24 | s[b >>> 16 & 0xFF] << 16 | s[c >>> 8 & 0xFF] << 8 | s[d & 0xFF];
    }

    private static int word(byte[] b, int off) {
        return (int) BIG_ENDIAN_INT.get(b, off);
    }

    private static void putWord(byte[] b, int off, int w) {
        BIG_ENDIAN_INT.set(b, off, w);
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
