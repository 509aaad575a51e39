package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class VerifySamplingTest {
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
}
