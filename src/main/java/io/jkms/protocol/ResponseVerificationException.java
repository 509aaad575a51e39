package io.jkms.protocol;

/**
 * A KMS response that the client must not accept (spec 5.3): names the check that failed, what the client
 * expected and what the response carried.
 */
public class ResponseVerificationException extends AnswerRefusedException {
    private static final long serialVersionUID = 1L;

    public ResponseVerificationException(String field, String expected, String actual) {
        super("KMS response rejected: " + field + " expected " + expected + " but was " + actual, field, expected,
                actual);
    }
}
