package io.jkms.registry;

/** The registry cannot be opened or read: the database is unreachable, or its schema cannot be migrated. */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
