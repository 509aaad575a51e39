package io.jkms.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The durations an option allows, written with suffixes ({@code 15m}, {@code 30d}); see {@link OptionChecks}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Within {
    String min();

    String max();
}
