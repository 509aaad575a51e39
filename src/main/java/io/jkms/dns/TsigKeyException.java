package io.jkms.dns;

/** A TSIG key file that cannot be used; the message says why without quoting the secret. */
public final class TsigKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TsigKeyException(String message) {
        super(message);
    }
}
