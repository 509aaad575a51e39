package io.jkms.host;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Salts and IVs from a {@link SecureRandom} per I/O thread, so that threads never wait on one shared
 * generator's lock. Each is a DRBG (NIST SP 800-90A), seeded once from the system and then computed in
 * memory: the default NativePRNG would read /dev/urandom under a process-wide lock on every call.
 *
 * <p>Each thread draws {@value #BUFFER} bytes at a time and hands them out in order: a DRBG call costs its
 * state update (several SHA-256 blocks) whatever the size asked, which made the two 16-byte draws of a V6
 * response cost more than the rest of its crypto. The bytes are used once each and never shown twice.
 */
public final class ThreadLocalSecureRandom implements RandomGenerator {
    static final int BUFFER = 1024;

    private final ThreadLocal<Buffered> perThread = ThreadLocal.withInitial(() -> new Buffered(drbg()));

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    @Override
    public long nextLong() {
        byte[] b = new byte[Long.BYTES];
        nextBytes(b);
        long value = 0;
        for (byte x : b) {
            value = value << 8 | (x & 0xFF);
        }
        return value;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        perThread.get().fill(bytes);
    }

    /** One thread's generator and the part of its last draw not handed out yet. */
    private static final class Buffered {
        private final SecureRandom drbg;
        private final byte[] buffer = new byte[BUFFER];
        private int next = BUFFER;

        Buffered(SecureRandom drbg) {
            this.drbg = drbg;
        }

        void fill(byte[] out) {
            int done = 0;
            while (done < out.length) {
                if (next == BUFFER) {
                    drbg.nextBytes(buffer);
                    next = 0;
                }
                int n = Math.min(out.length - done, BUFFER - next);
                System.arraycopy(buffer, next, out, done, n);
                java.util.Arrays.fill(buffer, next, next + n, (byte) 0); // handed out: not kept in memory
                next += n;
                done += n;
            }
        }
    }
}
