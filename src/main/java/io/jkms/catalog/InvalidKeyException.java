package io.jkms.catalog;

/** A string that is not a well-formed product key, or a 2009-format key whose checksum does not match. */
public final class InvalidKeyException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidKeyException(String reason) {
        super(reason);
    }
}
