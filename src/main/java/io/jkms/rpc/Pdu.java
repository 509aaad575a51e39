package io.jkms.rpc;

/**
 * One connection-oriented DCE/RPC fragment. The common header fields that KMS fixes ({@code rpc_vers} 5.0,
 * {@code packed_drep} {@code 10 00 00 00}, {@code auth_length} 0) are checked by {@link PduCodec} and not
 * carried; {@code frag_length} follows from the content.
 */
public sealed interface Pdu permits BindPdu, BindAckPdu, BindNakPdu, RequestPdu, ResponsePdu, FaultPdu {
    /** {@code PFC_FIRST_FRAG}. */
    int PFC_FIRST_FRAG = 0x01;
    /** {@code PFC_LAST_FRAG}. */
    int PFC_LAST_FRAG = 0x02;
    /** {@code PFC_FIRST_FRAG | PFC_LAST_FRAG}: an unfragmented PDU. */
    int PFC_FIRST_AND_LAST = 0x03;
    /** {@code PFC_CONC_MPX}: concurrent multiplexing, echoed from BIND into BIND_ACK. */
    int PFC_CONC_MPX = 0x10;
    /** {@code PFC_DID_NOT_EXECUTE}, set in FAULT PDUs. */
    int PFC_DID_NOT_EXECUTE = 0x20;
    /** {@code PFC_OBJECT_UUID}: a REQUEST carries a 16-byte object UUID. */
    int PFC_OBJECT_UUID = 0x80;

    PduType type();

    /** {@code pfc_flags}, 0–255. */
    int flags();

    /** {@code call_id}, an unsigned 32-bit value held in an int. */
    int callId();
}
