package io.jkms.rpc;

/** The two NDR transfer syntaxes in which the KMS operation's stubs can travel. */
public enum TransferSyntax {
    NDR32(Syntaxes.NDR32),
    NDR64(Syntaxes.NDR64);

    private final SyntaxId id;

    TransferSyntax(SyntaxId id) {
        this.id = id;
    }

    /** The syntax identifier negotiated in BIND for this transfer syntax. */
    public SyntaxId id() {
        return id;
    }
}
