package io.jkms.host;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Salts and IVs from a {@link SecureRandom} per I/O thread, so that threads never wait on one shared
 * generator's lock.
 */
public final class ThreadLocalSecureRandom implements RandomGenerator {
    private final ThreadLocal<SecureRandom> perThread = ThreadLocal.withInitial(SecureRandom::new);

    @Override
    public long nextLong() {
        return perThread.get().nextLong();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        perThread.get().nextBytes(bytes);
    }
}
