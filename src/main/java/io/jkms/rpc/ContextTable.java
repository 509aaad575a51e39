package io.jkms.rpc;

/** The presentation contexts a connection has accepted, with their transfer syntax; bounded. */
final class ContextTable {
    /** More than any client needs (Windows uses two); further acceptances are refused as local limit. */
    static final int CAPACITY = 16;

    private final int[] ids = new int[CAPACITY];
    private final TransferSyntax[] syntaxes = new TransferSyntax[CAPACITY];
    private int size;

    /** The accepted syntax of {@code contextId}, or null. */
    TransferSyntax lookup(int contextId) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == contextId) {
                return syntaxes[i];
            }
        }
        return null;
    }

    /** Records (or re-records) an acceptance; false when the table is full. */
    boolean accept(int contextId, TransferSyntax syntax) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == contextId) {
                syntaxes[i] = syntax;
                return true;
            }
        }
        if (size == CAPACITY) {
            return false;
        }
        ids[size] = contextId;
        syntaxes[size++] = syntax;
        return true;
    }
}
