package io.jkms.rpc;

/**
 * RPC-level settings of a host.
 *
 * @param ndr64               accept NDR64 when offered (then the NDR32 item of the same PDU is rejected, as
 *                            vlmcsd and Windows 8+ hosts do)
 * @param btfn                answer bind-time feature negotiation with negotiate_ack
 * @param maxFragLength       our max_xmit_frag/max_recv_frag: the largest fragment received (larger ones close
 *                            the connection) and sent; 1432 (DCE's must-receive size) to 65535
 * @param maxContextsPerBind  context items accepted in one BIND/ALTER_CONTEXT (Windows sends 3)
 * @param maxRequestFragments fragments one REQUEST may span
 * @param maxRequestStubBytes stub bytes one REQUEST may carry after reassembly
 */
public record RpcSettings(boolean ndr64, boolean btfn, int maxFragLength, int maxContextsPerBind,
                          int maxRequestFragments, int maxRequestStubBytes) {
    /** DCE's {@code MustRecvFragSize}. */
    public static final int MIN_FRAG_LENGTH = 1432;

    public RpcSettings {
        if (maxFragLength < MIN_FRAG_LENGTH || maxFragLength > PduCodec.MAX_FRAG_LENGTH) {
            throw new IllegalArgumentException("maxFragLength must be 1432..65535: " + maxFragLength);
        }
        if (maxContextsPerBind < 1 || maxContextsPerBind > 255) {
            throw new IllegalArgumentException("maxContextsPerBind must be 1..255: " + maxContextsPerBind);
        }
        if (maxRequestFragments < 1) {
            throw new IllegalArgumentException("maxRequestFragments must be positive: " + maxRequestFragments);
        }
        if (maxRequestStubBytes < 1) {
            throw new IllegalArgumentException("maxRequestStubBytes must be positive: " + maxRequestStubBytes);
        }
    }

    /**
     * NDR64 and BTFN on (a Windows 8+ host, vlmcsd's default), 5840-byte fragments (what Windows offers), 8
     * contexts per bind, 4 fragments and 4096 stub bytes per request (the largest KMS stub is 276 bytes).
     */
    public static RpcSettings defaults() {
        return new RpcSettings(true, true, 5840, 8, 4, 4096);
    }

    public RpcSettings withNdr64(boolean enabled) {
        return new RpcSettings(enabled, btfn, maxFragLength, maxContextsPerBind, maxRequestFragments,
                maxRequestStubBytes);
    }

    public RpcSettings withBtfn(boolean enabled) {
        return new RpcSettings(ndr64, enabled, maxFragLength, maxContextsPerBind, maxRequestFragments,
                maxRequestStubBytes);
    }
}
