package io.jkms.host;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Salts and IVs from a {@link SecureRandom} per I/O thread, so that threads never wait on one shared
 * generator's lock. Each is a DRBG (NIST SP 800-90A), seeded once from the system and then computed in
 * memory: the default NativePRNG would read /dev/urandom under a process-wide lock on every call.
 */
public final class ThreadLocalSecureRandom implements RandomGenerator {
    private final ThreadLocal<SecureRandom> perThread = ThreadLocal.withInitial(ThreadLocalSecureRandom::drbg);

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    @Override
    public long nextLong() {
        return perThread.get().nextLong();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        perThread.get().nextBytes(bytes);
    }
}
