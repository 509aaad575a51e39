package io.jkms.client;

import io.jkms.protocol.AnswerRefusedException;

/** A host's answer that a strict KMS client (like vlmcs) must refuse: names the field, what was due and what came. */
public class RpcVerificationException extends AnswerRefusedException {
    private static final long serialVersionUID = 1L;

    public RpcVerificationException(String field, Object expected, Object actual) {
        super(field + ": expected " + expected + ", got " + actual, field, String.valueOf(expected),
                String.valueOf(actual));
    }
}
