package io.jkms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** One grammar for every duration option: each suffix everywhere, a bare number in the option's own unit. */
class DurationConverterTest {
    private static final List<DurationConverter> ALL = List.of(new DurationConverter.Minutes(),
            new DurationConverter.Seconds(), new DurationConverter.Days(), new DurationConverter.Millis());

    @Test
    void everySuffixMeansTheSameForEveryUnit() {
        for (DurationConverter converter : ALL) {
            assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
            assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
            assertThat(converter.convert("15m")).isEqualTo(Duration.ofMinutes(15));
            assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
            assertThat(converter.convert("7d")).isEqualTo(Duration.ofDays(7));
            assertThat(converter.convert("13w")).isEqualTo(Duration.ofDays(91));
        }
    }

    @Test
    void aBareNumberIsInTheOptionsOwnUnit() {
        assertThat(new DurationConverter.Minutes().convert("120")).isEqualTo(Duration.ofMinutes(120));
        assertThat(new DurationConverter.Seconds().convert("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(new DurationConverter.Days().convert("90")).isEqualTo(Duration.ofDays(90));
        assertThat(new DurationConverter.Millis().convert("250")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void spacesCaseAndAPlusSignAreAsBefore() {
        DurationConverter seconds = new DurationConverter.Seconds();
        assertThat(seconds.convert(" 2 H ")).isEqualTo(Duration.ofHours(2));
        assertThat(seconds.convert("+30")).isEqualTo(Duration.ofSeconds(30)); // Long.parseLong took it for timeouts
        assertThat(seconds.convert("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void anythingElseIsRefusedWithTheGrammar() {
        for (String bad : List.of("", "1y", "-5", "1.5h", "h", "2 hours", "1h30m", "999999999999999999w")) {
            assertThatThrownBy(() -> new DurationConverter.Minutes().convert(bad)).as(bad)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessage("minutes, or a number with a suffix ms, s, m, h, d or w (e.g. 500ms, 30s, 2h, 7d)");
        }
    }
}
