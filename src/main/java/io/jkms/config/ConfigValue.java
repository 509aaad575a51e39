package io.jkms.config;

/** One value of one setting and where it came from (flag, file, environment, default), for error messages. */
public record ConfigValue(ConfigKey key, String value, String source) {
}
