package io.jkms.config;

/** A setting that cannot be used: says which key, which value, where it came from and what is allowed. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public static ConfigException invalid(ConfigValue value, String allowed) {
        return new ConfigException("invalid value '" + value.value() + "' for " + value.key().key() + " (from "
                + value.source() + "): allowed " + allowed);
    }
}
