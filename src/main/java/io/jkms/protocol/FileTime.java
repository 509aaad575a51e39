package io.jkms.protocol;

import java.time.Instant;

/** FILETIME (u64, 100-ns intervals since 1601-01-01 UTC) to and from {@link Instant}. */
public final class FileTime {
    /** Seconds between 1601-01-01 and 1970-01-01. */
    static final long EPOCH_OFFSET_SECONDS = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private FileTime() {
    }

    /**
     * The FILETIME of an instant, truncated to 100 ns.
     *
     * @throws IllegalArgumentException before 1601 or beyond the u64 range
     */
    public static long fromInstant(Instant instant) {
        long seconds = instant.getEpochSecond() + EPOCH_OFFSET_SECONDS;
        // u64 ticks reach 2^64 / 10^7 seconds after 1601.
        if (seconds < 0 || Long.compareUnsigned(seconds, Long.divideUnsigned(-1L, TICKS_PER_SECOND)) >= 0) {
            throw new IllegalArgumentException("instant outside the FILETIME range: " + instant);
        }
        return seconds * TICKS_PER_SECOND + instant.getNano() / 100;
    }

    /** The instant of a FILETIME read as an unsigned 64-bit value; never throws. */
    public static Instant toInstant(long fileTime) {
        long seconds = Long.divideUnsigned(fileTime, TICKS_PER_SECOND) - EPOCH_OFFSET_SECONDS;
        long ticks = Long.remainderUnsigned(fileTime, TICKS_PER_SECOND);
        return Instant.ofEpochSecond(seconds, ticks * 100);
    }
}
