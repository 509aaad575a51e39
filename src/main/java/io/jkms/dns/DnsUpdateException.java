package io.jkms.dns;

/** A DNS UPDATE that did not take effect: no answer, or an answer that refused it (the message says which). */
public final class DnsUpdateException extends Exception {
    private static final long serialVersionUID = 1L;

    public DnsUpdateException(String message) {
        super(message);
    }

    public DnsUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
