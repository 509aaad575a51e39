package io.jkms.rpc;

import java.util.UUID;

/** The syntax identifiers KMS uses (spec §2.1). */
public final class Syntaxes {
    /** The KMS interface {@code 51c82175-844e-4750-b0d8-ec255555bc06}, version 1.0. */
    public static final SyntaxId KMS_INTERFACE =
            new SyntaxId(UUID.fromString("51c82175-844e-4750-b0d8-ec255555bc06"), 1);
    /** NDR 2.0 ("NDR32") {@code 8a885d04-1ceb-11c9-9fe8-08002b104860}, version 2. */
    public static final SyntaxId NDR32 =
            new SyntaxId(UUID.fromString("8a885d04-1ceb-11c9-9fe8-08002b104860"), 2);
    /** NDR64 {@code 71710533-beba-4937-8319-b5dbef9ccc36}, version 1. */
    public static final SyntaxId NDR64 =
            new SyntaxId(UUID.fromString("71710533-beba-4937-8319-b5dbef9ccc36"), 1);

    /** The first 8 wire bytes {@code 2C 1C B7 6C 12 98 40 45} as Java's most significant UUID bits. */
    private static final long BTFN_PREFIX = 0x6cb71c2c_9812_4540L;
    /** The features a host can grant: security-context multiplexing (0x01), keep connection on orphan (0x02). */
    static final int BTFN_SUPPORTED_FEATURES = 0x0003;

    private Syntaxes() {
    }

    /** The bind-time feature negotiation syntax {@code 6cb71c2c-9812-4540-XXXX-000000000000}, version 1. */
    public static SyntaxId btfn(int features) {
        WireChecks.u16(features, "features");
        long low = (long) (features & 0xFF) << 56 | (long) (features >>> 8) << 48;
        return new SyntaxId(new UUID(BTFN_PREFIX, low), 1);
    }

    /** True when the GUID starts with the BTFN prefix; like vlmcsd, the rest and the version are not checked. */
    public static boolean isBtfn(SyntaxId syntax) {
        return syntax.uuid().getMostSignificantBits() == BTFN_PREFIX;
    }

    /** The bitmask of a BTFN syntax: the little-endian u16 at GUID bytes 8–9 (read as vlmcsd does). */
    public static int btfnFeatures(SyntaxId syntax) {
        long low = syntax.uuid().getLeastSignificantBits();
        return (int) (low >>> 56) & 0xFF | ((int) (low >>> 48) & 0xFF) << 8;
    }

    /** The transfer syntax for a syntax id, or null when it is neither NDR32 nor NDR64. */
    static TransferSyntax transferSyntaxOf(SyntaxId syntax) {
        if (NDR32.equals(syntax)) {
            return TransferSyntax.NDR32;
        }
        return NDR64.equals(syntax) ? TransferSyntax.NDR64 : null;
    }
}
