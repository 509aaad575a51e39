package io.jkms.config;

/**
 * One value of one setting as the user wrote it, and where it came from (a flag, the file, an environment
 * variable or the built-in default), for error messages.
 *
 * @param key the option's name without dashes, e.g. {@code renewal-interval}
 */
public record ConfigValue(String key, String value, String source) {
}
