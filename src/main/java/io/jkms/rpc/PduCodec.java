package io.jkms.rpc;

import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;
import io.jkms.wire.WireReader;
import io.jkms.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stateless codec between one DCE/RPC fragment and its {@link Pdu} record (spec §1–§3).
 *
 * <p>Decoding is strict about the common header: {@code rpc_vers} 5 with minor 0 or 1 (else
 * {@link UnsupportedRpcVersionException}), {@code packed_drep} exactly {@code 10 00 00 00} (vlmcs refuses any
 * other value, and no KMS peer sends one; vlmcsd does not look), {@code auth_length} 0, {@code frag_length}
 * equal to the fragment's length, a PTYPE of {@link PduType}. Every count is checked against the bytes that
 * remain before anything is allocated, and trailing bytes are rejected. Reserved and padding bytes are read
 * but not checked (vlmcsd leaves them uninitialised), so re-encoding writes zeros there.
 */
public final class PduCodec {
    public static final int HEADER_LENGTH = 16;
    /** Largest {@code frag_length} the u16 field can state. */
    public static final int MAX_FRAG_LENGTH = 0xFFFF;

    private static final int RPC_VERS = 5;
    private static final long DREP_LITTLE_ENDIAN_ASCII_IEEE = 0x10;
    private static final int CONTEXT_ITEM_MIN = 24;
    private static final int SYNTAX_ID_LENGTH = 20;
    private static final int RESULT_LENGTH = 24;

    private PduCodec() {
    }

    /** Where {@code frag_length} sits in the common header, and its size. */
    public static final int FRAG_LENGTH_OFFSET = 8;
    public static final int FRAG_LENGTH_SIZE = 2;
    /** Where the data representation's first byte sits: its high nibble says the integers' byte order. */
    public static final int DREP_OFFSET = 4;

    /**
     * {@code frag_length} of the 16-byte header at {@code offset}, for stream framing; at least 16. The one rule
     * every framer here uses (the host's {@code PduFrameDecoder}, the client, the test peers) is
     * {@link #fragLength(int, int, int)}.
     */
    public static int fragLength(byte[] header, int offset) {
        if (offset < 0 || offset > header.length - HEADER_LENGTH) {
            throw new MalformedWireException("common header: needs 16 bytes at offset " + offset);
        }
        int length = fragLength(header[offset + DREP_OFFSET] & 0xFF, header[offset + FRAG_LENGTH_OFFSET] & 0xFF,
                header[offset + FRAG_LENGTH_OFFSET + 1] & 0xFF);
        if (length < HEADER_LENGTH) {
            throw new MalformedWireException("frag_length " + length + " shorter than the header");
        }
        return length;
    }

    /**
     * DCE/RPC's framing rule: {@code frag_length} is the u16 at offset 8, in the byte order that the data
     * representation announces (high nibble of byte 4: 1 little-endian, 0 big-endian). A big-endian PDU is then
     * refused by {@link #decode}, but it is framed by its real length, as any DCE receiver frames it.
     *
     * @param drep0 header byte 4; {@code byte8}, {@code byte9}: header bytes 8 and 9 (each 0..255)
     */
    public static int fragLength(int drep0, int byte8, int byte9) {
        return (drep0 & 0xF0) == 0 ? byte8 << 8 | byte9 : byte8 | byte9 << 8;
    }

    /** Decodes exactly one fragment; {@link MalformedWireException} on anything that is not a KMS PDU. */
    public static Pdu decode(Bytes fragment) {
        WireReader r = WireReader.of(fragment);
        int vers = r.u8("rpc_vers");
        int minor = r.u8("rpc_vers_minor");
        int ptype = r.u8("PTYPE");
        int flags = r.u8("pfc_flags");
        long drep = r.u32("packed_drep");
        int fragLength = r.u16("frag_length");
        int authLength = r.u16("auth_length");
        int callId = r.i32("call_id");
        if (vers != RPC_VERS || minor > 1) {
            throw new UnsupportedRpcVersionException(vers, minor, ptype, callId);
        }
        if (drep != DREP_LITTLE_ENDIAN_ASCII_IEEE) {
            throw new MalformedWireException(String.format("packed_drep %08X is not 10 00 00 00", drep));
        }
        if (fragLength != fragment.length()) {
            throw new MalformedWireException("frag_length " + fragLength + " but fragment has " + fragment.length());
        }
        if (authLength != 0) {
            throw new MalformedWireException("auth_length " + authLength + ": KMS uses no authentication");
        }
        PduType type = PduType.of(ptype)
                .orElseThrow(() -> new MalformedWireException("unsupported PTYPE " + ptype));
        Pdu pdu = switch (type) {
            case BIND, ALTER_CONTEXT -> decodeBind(r, type, flags, callId);
            case BIND_ACK, ALTER_CONTEXT_RESP -> decodeBindAck(r, type, flags, callId);
            case BIND_NAK -> decodeBindNak(r, flags, callId);
            case REQUEST -> decodeRequest(r, flags, callId);
            case RESPONSE -> decodeResponse(r, flags, callId);
            case FAULT -> decodeFault(r, flags, callId);
        };
        r.requireEnd(type.name());
        return pdu;
    }

    private static BindPdu decodeBind(WireReader r, PduType type, int flags, int callId) {
        int maxXmit = r.u16("max_xmit_frag");
        int maxRecv = r.u16("max_recv_frag");
        long assoc = r.u32("assoc_group_id");
        int count = r.u8("n_context_elem");
        r.skip(3, "reserved");
        requireRoom(r, count, CONTEXT_ITEM_MIN, "n_context_elem");
        List<ContextItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int contextId = r.u16("p_cont_id");
            int syntaxCount = r.u8("n_transfer_syn");
            r.skip(1, "reserved");
            SyntaxId abstractSyntax = syntaxId(r, "abstract_syntax");
            requireRoom(r, syntaxCount, SYNTAX_ID_LENGTH, "n_transfer_syn");
            List<SyntaxId> syntaxes = new ArrayList<>(syntaxCount);
            for (int s = 0; s < syntaxCount; s++) {
                syntaxes.add(syntaxId(r, "transfer_syntax"));
            }
            items.add(new ContextItem(contextId, abstractSyntax, syntaxes));
        }
        return new BindPdu(type, flags, callId, maxXmit, maxRecv, assoc, items);
    }

    private static BindAckPdu decodeBindAck(WireReader r, PduType type, int flags, int callId) {
        int maxXmit = r.u16("max_xmit_frag");
        int maxRecv = r.u16("max_recv_frag");
        long assoc = r.u32("assoc_group_id");
        int addressLength = r.u16("sec_addr.length");
        String address = portSpec(r.bytes(addressLength, "sec_addr.port_spec"));
        r.skip(secAddrPadding(addressLength), "sec_addr padding");
        int count = r.u8("n_results");
        r.skip(3, "reserved");
        requireRoom(r, count, RESULT_LENGTH, "n_results");
        List<ContextResult> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int result = r.u16("result");
            int reason = r.u16("reason");
            results.add(new ContextResult(result, reason, syntaxId(r, "transfer_syntax")));
        }
        return new BindAckPdu(type, flags, callId, maxXmit, maxRecv, assoc, address, results);
    }

    private static BindNakPdu decodeBindNak(WireReader r, int flags, int callId) {
        int reason = r.u16("provider_reject_reason");
        int count = r.u8("n_protocols");
        requireRoom(r, count, 2, "n_protocols");
        List<Integer> versions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int major = r.u8("rpc_vers");
            versions.add(major << 8 | r.u8("rpc_vers_minor"));
        }
        return new BindNakPdu(flags, callId, reason, versions);
    }

    private static RequestPdu decodeRequest(WireReader r, int flags, int callId) {
        long allocHint = r.u32("alloc_hint");
        int contextId = r.u16("p_cont_id");
        int opnum = r.u16("opnum");
        Optional<UUID> object = (flags & Pdu.PFC_OBJECT_UUID) != 0
                ? Optional.of(r.guid("object")) : Optional.empty();
        return new RequestPdu(flags, callId, allocHint, contextId, opnum, object, r.bytes(r.remaining(), "stub"));
    }

    private static ResponsePdu decodeResponse(WireReader r, int flags, int callId) {
        long allocHint = r.u32("alloc_hint");
        int contextId = r.u16("p_cont_id");
        int cancelCount = r.u8("cancel_count");
        r.skip(1, "reserved");
        return new ResponsePdu(flags, callId, allocHint, contextId, cancelCount, r.bytes(r.remaining(), "stub"));
    }

    private static FaultPdu decodeFault(WireReader r, int flags, int callId) {
        long allocHint = r.u32("alloc_hint");
        int contextId = r.u16("p_cont_id");
        int cancelCount = r.u8("cancel_count");
        r.skip(1, "reserved");
        long status = r.u32("status");
        r.skip(4, "reserved");
        return new FaultPdu(flags, callId, allocHint, contextId, cancelCount, status);
    }

    private static void requireRoom(WireReader r, int count, int minEach, String field) {
        if ((long) count * minEach > r.remaining()) {
            throw new MalformedWireException(field + " " + count + " needs at least " + (long) count * minEach
                    + " bytes, " + r.remaining() + " remain");
        }
    }

    private static SyntaxId syntaxId(WireReader r, String field) {
        return new SyntaxId(r.guid(field), r.u32(field + ".version"));
    }

    /** The port string of a {@code sec_addr}: printable ASCII terminated by its only NUL, or empty. */
    private static String portSpec(Bytes raw) {
        int length = raw.length();
        if (length == 0) {
            return "";
        }
        if (raw.get(length - 1) != 0) {
            throw new MalformedWireException("sec_addr.port_spec not NUL-terminated");
        }
        char[] chars = new char[length - 1];
        for (int i = 0; i < chars.length; i++) {
            byte b = raw.get(i);
            if (b < 0x20 || b > 0x7E) {
                throw new MalformedWireException("sec_addr.port_spec byte " + (b & 0xFF) + " is not printable");
            }
            chars[i] = (char) b;
        }
        if (chars.length > 254) {
            throw new MalformedWireException("sec_addr.port_spec longer than 254");
        }
        return new String(chars);
    }

    /** Padding after {@code sec_addr} so that n_results starts 4-aligned from the PDU start (spec §2.3). */
    static int secAddrPadding(int addressLength) {
        return (4 - (26 + addressLength) % 4) % 4;
    }

    /** Encodes one fragment; {@link IllegalArgumentException} when the PDU exceeds 65535 bytes. */
    public static Bytes encode(Pdu pdu) {
        if (pdu instanceof RequestPdu p) {
            return encodeRequest(p);
        } else if (pdu instanceof ResponsePdu p) {
            return encodeResponse(p);
        } else if (pdu instanceof BindPdu p) {
            return encodeBind(p);
        } else if (pdu instanceof BindAckPdu p) {
            return encodeBindAck(p);
        } else if (pdu instanceof FaultPdu p) {
            return encodeFault(p);
        } else {
            return encodeBindNak((BindNakPdu) pdu);
        }
    }

    private static WireWriter header(Pdu pdu, int fragLength) {
        if (fragLength > MAX_FRAG_LENGTH) {
            throw new IllegalArgumentException(pdu.type() + " of " + fragLength + " bytes exceeds one fragment");
        }
        return new WireWriter(fragLength).u8(RPC_VERS).u8(0).u8(pdu.type().code()).u8(pdu.flags())
                .u32(DREP_LITTLE_ENDIAN_ASCII_IEEE).u16(fragLength).u16(0).u32(pdu.callId() & 0xFFFF_FFFFL);
    }

    private static Bytes encodeBind(BindPdu p) {
        int length = HEADER_LENGTH + 12;
        for (ContextItem item : p.items()) {
            length += CONTEXT_ITEM_MIN + SYNTAX_ID_LENGTH * item.transferSyntaxes().size();
        }
        WireWriter w = header(p, length).u16(p.maxXmitFrag()).u16(p.maxRecvFrag()).u32(p.assocGroupId())
                .u8(p.items().size()).zeros(3);
        for (ContextItem item : p.items()) {
            w.u16(item.contextId()).u8(item.transferSyntaxes().size()).zeros(1);
            syntaxId(w, item.abstractSyntax());
            for (SyntaxId syntax : item.transferSyntaxes()) {
                syntaxId(w, syntax);
            }
        }
        return w.toBytes();
    }

    private static Bytes encodeBindAck(BindAckPdu p) {
        String address = p.secondaryAddress();
        int addressLength = address.isEmpty() ? 0 : address.length() + 1;
        int padding = secAddrPadding(addressLength);
        int length = 26 + addressLength + padding + 4 + RESULT_LENGTH * p.results().size();
        WireWriter w = header(p, length).u16(p.maxXmitFrag()).u16(p.maxRecvFrag()).u32(p.assocGroupId())
                .u16(addressLength);
        for (int i = 0; i < address.length(); i++) {
            w.u8(address.charAt(i));
        }
        w.zeros(addressLength == 0 ? padding : padding + 1).u8(p.results().size()).zeros(3);
        for (ContextResult result : p.results()) {
            w.u16(result.result()).u16(result.reason());
            syntaxId(w, result.transferSyntax());
        }
        return w.toBytes();
    }

    private static Bytes encodeBindNak(BindNakPdu p) {
        WireWriter w = header(p, HEADER_LENGTH + 3 + 2 * p.versions().size())
                .u16(p.rejectReason()).u8(p.versions().size());
        for (int version : p.versions()) {
            w.u8(version >>> 8).u8(version);
        }
        return w.toBytes();
    }

    private static Bytes encodeRequest(RequestPdu p) {
        int objectLength = p.objectUuid().isPresent() ? 16 : 0;
        WireWriter w = header(p, 24 + objectLength + p.stub().length())
                .u32(p.allocHint()).u16(p.contextId()).u16(p.opnum());
        p.objectUuid().ifPresent(w::guid);
        return w.bytes(p.stub()).toBytes();
    }

    private static Bytes encodeResponse(ResponsePdu p) {
        return header(p, 24 + p.stub().length()).u32(p.allocHint()).u16(p.contextId()).u8(p.cancelCount())
                .zeros(1).bytes(p.stub()).toBytes();
    }

    private static Bytes encodeFault(FaultPdu p) {
        return header(p, 32).u32(p.allocHint()).u16(p.contextId()).u8(p.cancelCount()).zeros(1)
                .u32(p.status()).zeros(4).toBytes();
    }

    private static void syntaxId(WireWriter w, SyntaxId syntax) {
        w.guid(syntax.uuid()).u32(syntax.version());
    }
}
