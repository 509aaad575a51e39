package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {
    static final InetSocketAddress TARGET = new InetSocketAddress("127.0.0.1", 1688);
    static final Duration SECOND = Duration.ofSeconds(1);

    static LoadSettings settings(int concurrency, int threads, int perConnection, Duration duration, long maxRequests,
                                 Duration warmup, Duration timeout) {
        return new LoadSettings(TARGET, concurrency, threads, perConnection, duration, maxRequests, warmup,
                LoadSettings.Verify.SAMPLE, timeout, LoadSettings.Io.NIO);
    }

    @Test
    void sampleCoversOneAnswerInEverySampleEveryStartingWithTheFirst() {
        long covered = LongStream.range(0, 10 * LoadSettings.SAMPLE_EVERY)
                .filter(LoadSettings.Verify.SAMPLE::covers).count();
        assertThat(covered).isEqualTo(10);
        assertThat(LoadSettings.Verify.SAMPLE.covers(0)).isTrue();
        assertThat(LoadSettings.Verify.SAMPLE.covers(1)).isFalse();
        assertThat(LoadSettings.Verify.SAMPLE.covers(LoadSettings.SAMPLE_EVERY)).isTrue();
    }

    @Test
    void allCoversEveryAnswerAndNoneNone() {
        assertThat(LongStream.range(0, 200).allMatch(LoadSettings.Verify.ALL::covers)).isTrue();
        assertThat(LongStream.range(0, 200).noneMatch(LoadSettings.Verify.NONE::covers)).isTrue();
    }

    @Test
    void theSmallestValidRunIsAccepted() {
        LoadSettings s = settings(1, 1, 1, Duration.ofNanos(1), 0, Duration.ZERO, Duration.ofNanos(1));
        assertThat(s.concurrency()).isEqualTo(1);
        assertThat(settings(8, 8, 100, SECOND, 5, SECOND, SECOND).threads()).isEqualTo(8);
    }

    @Test
    void everyBoundIsChecked() {
        Runnable[] bad = {
            () -> settings(0, 1, 1, SECOND, 0, SECOND, SECOND),
            () -> settings(1, 0, 1, SECOND, 0, SECOND, SECOND),
            () -> settings(2, 3, 1, SECOND, 0, SECOND, SECOND),
            () -> settings(1, 1, 0, SECOND, 0, SECOND, SECOND),
            () -> settings(1, 1, 1, Duration.ZERO, 0, SECOND, SECOND),
            () -> settings(1, 1, 1, SECOND.negated(), 0, SECOND, SECOND),
            () -> settings(1, 1, 1, SECOND, -1, SECOND, SECOND),
            () -> settings(1, 1, 1, SECOND, 0, SECOND.negated(), SECOND),
            () -> settings(1, 1, 1, SECOND, 0, SECOND, Duration.ZERO),
            () -> settings(1, 1, 1, SECOND, 0, SECOND, SECOND.negated()),
        };
        for (int i = 0; i < bad.length; i++) {
            assertThatIllegalArgumentException().as("case %d", i).isThrownBy(bad[i]::run)
                    .withMessageContaining("concurrency ≥ threads ≥ 1");
        }
    }
}
