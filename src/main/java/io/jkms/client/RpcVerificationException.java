package io.jkms.client;

/** A host's answer that a strict KMS client (like vlmcs) must refuse: names the field, what was due and what came. */
public class RpcVerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String expected;
    private final String actual;

    public RpcVerificationException(String field, Object expected, Object actual) {
        super(field + ": expected " + expected + ", got " + actual);
        this.field = field;
        this.expected = String.valueOf(expected);
        this.actual = String.valueOf(actual);
    }

    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
