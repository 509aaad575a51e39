package io.jkms.web;

/** A request the dashboard refuses with 400; the message says which parameter and what is allowed. */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
