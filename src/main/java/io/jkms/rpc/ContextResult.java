package io.jkms.rpc;

import java.util.Objects;

/**
 * One result of a BIND_ACK or ALTER_CONTEXT_RESP ({@code p_result_t}, 24 bytes, spec §2.3/§2.4). For
 * {@link #NEGOTIATE_ACK} the reason carries the granted BTFN feature bitmask.
 */
public record ContextResult(int result, int reason, SyntaxId transferSyntax) {
    public static final int ACCEPTANCE = 0;
    static final int USER_REJECTION = 1;
    public static final int PROVIDER_REJECTION = 2;
    public static final int NEGOTIATE_ACK = 3;

    public static final int REASON_NOT_SPECIFIED = 0;
    static final int REASON_ABSTRACT_SYNTAX_NOT_SUPPORTED = 1;
    public static final int REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED = 2;
    public static final int REASON_LOCAL_LIMIT_EXCEEDED = 3;

    public ContextResult {
        WireChecks.u16(result, "result");
        WireChecks.u16(reason, "reason");
        Objects.requireNonNull(transferSyntax, "transferSyntax");
    }

    public static ContextResult accept(SyntaxId transferSyntax) {
        return new ContextResult(ACCEPTANCE, REASON_NOT_SPECIFIED, transferSyntax);
    }

    public static ContextResult reject(int reason) {
        return new ContextResult(PROVIDER_REJECTION, reason, SyntaxId.NONE);
    }

    public static ContextResult negotiateAck(int features) {
        return new ContextResult(NEGOTIATE_ACK, features, SyntaxId.NONE);
    }
}
