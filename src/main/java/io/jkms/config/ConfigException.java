package io.jkms.config;

import io.jkms.registry.Credentials;
import java.util.Set;

/** A setting that cannot be used: says which key, which value, where it came from and what is allowed. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Settings whose value an error message never shows: a typo in a secret is still a secret. */
    private static final Set<String> SECRETS = Set.of("database-password", "web-token");

    public ConfigException(String message) {
        super(message);
    }

    public static ConfigException invalid(ConfigValue value, String allowed) {
        return new ConfigException("invalid value '" + shown(value) + "' for " + value.key() + " (from "
                + value.source() + "): allowed " + allowed);
    }

    /** The value as an error message may show it: secrets hidden, a database URL without its password. */
    static String shown(ConfigValue value) {
        return SECRETS.contains(value.key()) ? "(hidden)" : Credentials.redact(value.value());
    }
}
