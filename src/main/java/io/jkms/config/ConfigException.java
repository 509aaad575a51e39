package io.jkms.config;

import io.jkms.registry.Credentials;

/** A setting that cannot be used: says which key, which value, where it came from and what is allowed. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public static ConfigException invalid(ConfigValue value, String allowed) {
        return new ConfigException("invalid value '" + shown(value) + "' for " + value.key().key() + " (from "
                + value.source() + "): allowed " + allowed);
    }

    /** The value as an error message may show it: secrets hidden, a database URL without its password. */
    static String shown(ConfigValue value) {
        return switch (value.key()) {
            case DATABASE_PASSWORD, WEB_TOKEN -> "(hidden)";
            default -> Credentials.redact(value.value());
        };
    }
}
