package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileTimeTest {

    @Test
    void fileTimeConvertsBothWaysIncludingTheUnsignedTop() {
        Instant instant = Instant.parse("2026-11-22T01:39:58.1234567Z");
        assertThat(FileTime.toInstant(FileTime.fromInstant(instant))).isEqualTo(instant);
        assertThat(FileTime.toInstant(0)).isEqualTo(Instant.parse("1601-01-01T00:00:00Z"));
        assertThat(FileTime.toInstant(-1L)).isAfter(Instant.parse("+30000-01-01T00:00:00Z"));
        assertThatThrownBy(() -> FileTime.fromInstant(Instant.parse("1600-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theUnixEpochIsTheKnownOffset() {
        // 11 644 473 600 s between 1601 and 1970, in 100-ns ticks
        assertThat(FileTime.fromInstant(Instant.EPOCH)).isEqualTo(116_444_736_000_000_000L);
        assertThat(FileTime.toInstant(116_444_736_000_000_000L)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void truncatesBelowHundredNanoseconds() {
        Instant withNanos = Instant.parse("2026-01-01T00:00:00.000000199Z");
        assertThat(FileTime.toInstant(FileTime.fromInstant(withNanos)))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.000000100Z"));
    }

    @Test
    void theTopOfTheUnsignedRangeIsRefusedNotWrapped() {
        Instant last = FileTime.toInstant(-1L);
        assertThatThrownBy(() -> FileTime.fromInstant(last.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the FILETIME range");
        long beforeTheTop = FileTime.fromInstant(last.minusSeconds(2));
        assertThat(Long.compareUnsigned(beforeTheTop, Long.MAX_VALUE)).as("read as unsigned").isPositive();
        assertThat(FileTime.toInstant(beforeTheTop)).isEqualTo(last.minusSeconds(2));
    }
}
