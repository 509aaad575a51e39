package io.jkms.protocol;

/**
 * The AES S-boxes and round tables (FIPS-197), computed once at class initialisation and never written
 * afterwards. TE* combine SubBytes, ShiftRows and MixColumns for one input byte; TD* the inverses.
 */
final class AesTables {
    static final int[] SBOX = new int[256];
    static final int[] INV_SBOX = new int[256];
    static final int[] TE0 = new int[256];
    static final int[] TE1 = new int[256];
    static final int[] TE2 = new int[256];
    static final int[] TE3 = new int[256];
    static final int[] TD0 = new int[256];
    static final int[] TD1 = new int[256];
    static final int[] TD2 = new int[256];
    static final int[] TD3 = new int[256];

    static {
        buildSbox();
        for (int i = 0; i < 256; i++) {
            int s = SBOX[i];
            int te = xtime(s) << 24 | s << 16 | s << 8 | (xtime(s) ^ s);
            TE0[i] = te;
            TE1[i] = Integer.rotateRight(te, 8);
            TE2[i] = Integer.rotateRight(te, 16);
            TE3[i] = Integer.rotateRight(te, 24);
            int v = INV_SBOX[i];
            int td = mul(v, 0x0E) << 24 | mul(v, 0x09) << 16 | mul(v, 0x0D) << 8 | mul(v, 0x0B);
            TD0[i] = td;
            TD1[i] = Integer.rotateRight(td, 8);
            TD2[i] = Integer.rotateRight(td, 16);
            TD3[i] = Integer.rotateRight(td, 24);
        }
    }

    private AesTables() {
    }

    /** Multiplication by x (= 2) in GF(2^8) modulo the AES polynomial. */
    static int xtime(int b) {
        return (b << 1 ^ ((b & 0x80) != 0 ? 0x1B : 0)) & 0xFF;
    }

    private static int mul(int a, int b) {
        int result = 0;
        for (int x = a, y = b; y != 0; y >>>= 1, x = xtime(x)) {
            if ((y & 1) != 0) {
                result ^= x;
            }
        }
        return result;
    }

    private static void buildSbox() {
        // Walk the multiplicative group with generator 3 (p) and its inverse (q), then apply the affine map.
        int p = 1;
        int q = 1;
        do {
            p = p ^ xtime(p);
            q ^= q << 1;
            q ^= q << 2;
            q ^= q << 4;
            q &= 0xFF;
            if ((q & 0x80) != 0) {
                q ^= 0x09;
            }
            int x = q ^ Integer.rotateLeft(q, 1) ^ Integer.rotateLeft(q, 2) ^ Integer.rotateLeft(q, 3)
                    ^ Integer.rotateLeft(q, 4);
            x = (x ^ x >>> 8) & 0xFF ^ 0x63;
            SBOX[p] = x;
            INV_SBOX[x] = p;
        } while (p != 1);
        SBOX[0] = 0x63;
        INV_SBOX[0x63] = 0;
    }
}
