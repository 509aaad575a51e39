package io.jkms.protocol;

/**
 * A KMS response that the client must not accept (spec 5.3): names the check that failed, what the client
 * expected and what the response carried.
 */
public class ResponseVerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String expected;
    private final String actual;

    public ResponseVerificationException(String field, String expected, String actual) {
        super("KMS response rejected: " + field + " expected " + expected + " but was " + actual);
        this.field = field;
        this.expected = expected;
        this.actual = actual;
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
