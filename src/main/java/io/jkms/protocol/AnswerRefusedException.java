package io.jkms.protocol;

/**
 * An answer from a host that a client must refuse, whichever layer refuses it (the RPC framing or the KMS
 * response): names the field that failed, what was due and what came, so callers and tests need not parse the
 * message.
 */
public abstract class AnswerRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String expected;
    private final String actual;

    protected AnswerRefusedException(String message, String field, String expected, String actual) {
        super(message);
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
