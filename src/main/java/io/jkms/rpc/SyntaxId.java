package io.jkms.rpc;

import java.util.Objects;
import java.util.UUID;

/**
 * A presentation syntax identifier ({@code p_syntax_id_t}, 20 bytes on the wire): a GUID and a u32 version.
 * For an interface the version holds the major version in its low 16 bits and the minor in its high 16 bits.
 */
public record SyntaxId(UUID uuid, long version) {
    /** The all-zero syntax a host writes into rejected and negotiate_ack results. */
    public static final SyntaxId NONE = new SyntaxId(new UUID(0, 0), 0);

    public SyntaxId {
        Objects.requireNonNull(uuid, "uuid");
        WireChecks.u32(version, "version");
    }

    @Override
    public String toString() {
        return uuid + " v" + version;
    }
}
