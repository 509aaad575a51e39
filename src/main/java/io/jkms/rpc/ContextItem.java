package io.jkms.rpc;

import java.util.List;
import java.util.Objects;

/** One presentation context item of a BIND or ALTER_CONTEXT ({@code p_cont_elem_t}, 24 + 20·n bytes). */
public record ContextItem(int contextId, SyntaxId abstractSyntax, List<SyntaxId> transferSyntaxes) {
    public ContextItem {
        WireChecks.u16(contextId, "contextId");
        Objects.requireNonNull(abstractSyntax, "abstractSyntax");
        transferSyntaxes = List.copyOf(transferSyntaxes);
        WireChecks.u8(transferSyntaxes.size(), "n_transfer_syn");
    }

    /** An item offering one transfer syntax for {@code abstractSyntax}, as KMS clients send. */
    public static ContextItem of(int contextId, SyntaxId abstractSyntax, SyntaxId transferSyntax) {
        return new ContextItem(contextId, abstractSyntax, List.of(transferSyntax));
    }
}
