package io.jkms.config;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Where a value is refused: a value picocli could not convert, or a converted one outside the option's
 * {@link Range} or {@link Within}. Both say the same thing in the same words: key, value, source, what is allowed.
 */
public final class OptionChecks {
    private OptionChecks() {
    }

    /**
     * picocli's complaint about a value, in the host's words; empty for other complaints (an unknown option, a
     * missing value), which picocli words well itself.
     *
     * @param supplied what the file or the environment gave an option, by key: a value from neither is a flag's
     */
    public static Optional<ConfigException> translate(ParameterException e,
                                                      Function<String, Optional<ConfigValue>> supplied) {
        if (!(e.getCause() instanceof TypeConversionException refusal) || !(e.getArgSpec() instanceof OptionSpec o)) {
            return Optional.empty();
        }
        String key = ServeOptions.key(o);
        ConfigValue value = supplied.apply(key).map(v -> new ConfigValue(key, e.getValue(), v.source()))
                .orElseGet(() -> new ConfigValue(key, e.getValue(), o.longestName()));
        return Optional.of(ConfigException.invalid(value, allowed(o, refusal.getMessage())));
    }

    /** Holds every option of {@code spec} to its range; {@code value} says where an option's value came from. */
    static void check(CommandSpec spec, Function<OptionSpec, ConfigValue> value) {
        for (OptionSpec option : spec.options()) {
            if (!(option.userObject() instanceof Field field) || option.getValue() == null) {
                continue;
            }
            Range range = field.getAnnotation(Range.class);
            Within within = field.getAnnotation(Within.class);
            boolean inside = range != null ? inside(range, ((Number) option.getValue()).longValue())
                    : within == null || inside(within, converter(option), option.getValue());
            if (!inside) {
                throw ConfigException.invalid(value.apply(option), allowed(option, ""));
            }
        }
    }

    private static boolean inside(Range range, long value) {
        return value >= range.min() && value <= range.max();
    }

    private static boolean inside(Within within, DurationConverter converter, Object value) {
        Duration d = (Duration) value;
        return d.compareTo(converter.convert(within.min())) >= 0 && d.compareTo(converter.convert(within.max())) <= 0;
    }

    private static DurationConverter converter(OptionSpec option) {
        for (ITypeConverter<?> converter : option.converters()) {
            if (converter instanceof DurationConverter duration) {
                return duration;
            }
        }
        throw new IllegalStateException(option.longestName() + " has @Within but no DurationConverter");
    }

    /** What {@code option} allows, in words; {@code otherwise} for options without a range. */
    static String allowed(OptionSpec option, String otherwise) {
        Field field = option.userObject() instanceof Field f ? f : null;
        Range range = field == null ? null : field.getAnnotation(Range.class);
        Within within = field == null ? null : field.getAnnotation(Within.class);
        if (range != null && option.converters().length > 0 && option.converters()[0] instanceof Converters.Size) {
            return "a size from " + size(range.min()) + " to " + size(range.max()) + ": bytes, or a number with a "
                    + "suffix KB, MB or GB (e.g. 10MB)";
        }
        if (range != null) {
            return "a whole number from " + range.min() + " to " + range.max();
        }
        if (within != null) {
            return durations(converter(option), within);
        }
        return otherwise;
    }

    /** "15 to 43200 minutes (15m to 30d), or a number with a suffix …": the bare numbers mean what they did before. */
    private static String durations(DurationConverter converter, Within within) {
        Duration min = converter.convert(within.min());
        Duration max = converter.convert(within.max());
        ChronoUnit unit = converter.bareUnit();
        String range = within.min() + " to " + within.max();
        long step = unit.getDuration().toMillis();
        if (min.toMillis() % step == 0 && max.toMillis() % step == 0) {
            range = min.toMillis() / step + " to " + max.toMillis() / step + " "
                    + DurationConverter.unitName(unit) + " (" + range + ")";
        }
        return range + ", or a number with a suffix " + DurationConverter.SUFFIXES
                + " in that range (e.g. 500ms, 30s, 2h, 7d)";
    }

    private static String size(long bytes) {
        String[] units = {"GB", "MB", "KB"};
        int[] shifts = {30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes % (1L << shifts[i]) == 0) {
                return (bytes >> shifts[i]) + units[i];
            }
        }
        return bytes + " bytes";
    }
}
