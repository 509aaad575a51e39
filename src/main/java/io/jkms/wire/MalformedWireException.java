package io.jkms.wire;

/**
 * Input bytes that do not form the structure being read: too short, a length or count out of range, an
 * unexpected constant. Decoders throw only this (or a subclass) on bad input, never an index or
 * null-pointer exception.
 */
public class MalformedWireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedWireException(String message) {
        super(message);
    }
}
