package io.jkms.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one duration grammar of every option: a whole number with a suffix {@code ms}, {@code s}, {@code m},
 * {@code h}, {@code d} or {@code w} ({@code 500ms}, {@code 30s}, {@code 2h}, {@code 7d}). A bare number is in the
 * option's own unit (minutes for the intervals, days for the retention, ...), so settings written before the
 * suffixes existed keep their meaning. picocli makes converters by their class: one subclass per unit.
 */
public abstract class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORMAT = Pattern.compile("\\+?(\\d{1,18})\\s*(ms|s|m|h|d|w)?");
    static final String SUFFIXES = "ms, s, m, h, d or w";

    private final ChronoUnit bare;

    DurationConverter(ChronoUnit bare) {
        this.bare = bare;
    }

    /** The unit of a number written without a suffix. */
    ChronoUnit bareUnit() {
        return bare;
    }

    @Override
    public Duration convert(String value) {
        return parse(value, bare).orElseThrow(() -> new TypeConversionException(unitName(bare) + ", or a number "
                + "with a suffix " + SUFFIXES + " (e.g. 500ms, 30s, 2h, 7d)"));
    }

    /** {@code text} as a duration, a bare number in {@code bare}; empty unless the grammar matches. */
    static java.util.Optional<Duration> parse(String text, ChronoUnit bare) {
        Matcher m = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        ChronoUnit unit = m.group(2) == null ? bare : switch (m.group(2)) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            default -> ChronoUnit.WEEKS;
        };
        try {
            return java.util.Optional.of(unit.getDuration().multipliedBy(Long.parseLong(m.group(1))));
        } catch (ArithmeticException e) {
            return java.util.Optional.empty(); // beyond any range an option allows
        }
    }

    static String unitName(ChronoUnit unit) {
        return switch (unit) {
            case MILLIS -> "milliseconds";
            case MINUTES -> "minutes";
            case DAYS -> "days";
            default -> "seconds";
        };
    }

    /** Bare numbers are minutes: the activation and renewal intervals. */
    public static final class Minutes extends DurationConverter {
        public Minutes() {
            super(ChronoUnit.MINUTES);
        }
    }

    /** Bare numbers are seconds: timeouts, DNS times, and the tools' options. */
    public static final class Seconds extends DurationConverter {
        public Seconds() {
            super(ChronoUnit.SECONDS);
        }
    }

    /** Bare numbers are days: the registry's retention. */
    public static final class Days extends DurationConverter {
        public Days() {
            super(ChronoUnit.DAYS);
        }
    }

    /** Bare numbers are milliseconds: the registry's flush interval (which took no bare number before). */
    public static final class Millis extends DurationConverter {
        public Millis() {
            super(ChronoUnit.MILLIS);
        }
    }
}
