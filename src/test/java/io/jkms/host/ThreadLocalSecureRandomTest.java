package io.jkms.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ThreadLocalSecureRandomTest {
    private final ThreadLocalSecureRandom random = new ThreadLocalSecureRandom();

    @Test
    void drawsAcrossBufferRefillsNeverRepeat() {
        Set<String> seen = new HashSet<>();
        int draws = 3 * ThreadLocalSecureRandom.BUFFER / 16 + 5; // crosses several refills
        for (int i = 0; i < draws; i++) {
            byte[] b = new byte[16];
            random.nextBytes(b);
            assertThat(seen.add(java.util.HexFormat.of().formatHex(b))).as("draw %d is new", i).isTrue();
        }
    }

    @Test
    void aDrawLargerThanTheBufferIsFilledThroughout() {
        byte[] b = new byte[ThreadLocalSecureRandom.BUFFER * 3 + 7];
        random.nextBytes(b);
        // Every 64-byte window has non-zero bytes: no part was left as the zeroed leftover of a buffer.
        for (int from = 0; from + 64 <= b.length; from += 64) {
            int nonZero = 0;
            for (int i = from; i < from + 64; i++) {
                nonZero += b[i] == 0 ? 0 : 1;
            }
            assertThat(nonZero).as("non-zero bytes at %d", from).isGreaterThan(32);
        }
    }

    @Test
    void longsUseAllBitsAndThreadsDrawDifferentValues() throws Exception {
        long or = 0;
        for (int i = 0; i < 64; i++) {
            or |= random.nextLong();
        }
        assertThat(or).isEqualTo(-1L);
        Set<Long> firsts = ConcurrentHashMap.newKeySet();
        CompletableFuture<?>[] threads = new CompletableFuture<?>[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = CompletableFuture.runAsync(() -> firsts.add(random.nextLong()),
                    r -> new Thread(r).start());
        }
        CompletableFuture.allOf(threads).get();
        assertThat(firsts).hasSize(4);
    }
}
