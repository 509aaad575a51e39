package io.jkms.protocol;

import io.jkms.wire.Bytes;
import java.util.Objects;
import java.util.UUID;

/**
 * The base response of spec 4.3 plus the V6 hardware ID: what a KMS host answers.
 *
 * @param version the protocol version (the request's)
 * @param epid the host's extended PID, 1..63 UTF-16 units, no NUL (see {@link Epid} for the usual format)
 * @param cmid the request's client machine ID, echoed
 * @param clientTime the request's raw FILETIME, echoed
 * @param clientCount the current client count (u32)
 * @param activationInterval minutes before a failed client retries (u32)
 * @param renewalInterval minutes before an activated client renews (u32)
 * @param hwid the host hardware ID: exactly 8 bytes for V6, {@link Bytes#EMPTY} for V4 and V5
 */
public record KmsResponse(ProtocolVersion version, String epid, UUID cmid, long clientTime, long clientCount,
                          long activationInterval, long renewalInterval, Bytes hwid) {
    /** Most UTF-16 units of an ePID: PIDSize ≤ 128 bytes includes the NUL. */
    static final int MAX_EPID_UNITS = 63;
    static final int HWID_LENGTH = 8;

    public KmsResponse {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(epid, "epid");
        Objects.requireNonNull(cmid, "cmid");
        Objects.requireNonNull(hwid, "hwid");
        if (epid.isEmpty() || epid.length() > MAX_EPID_UNITS || epid.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("ePID must be 1.." + MAX_EPID_UNITS
                    + " UTF-16 units without NUL, got " + epid.length());
        }
        KmsRequest.requireU32(clientCount, "clientCount");
        KmsRequest.requireU32(activationInterval, "activationInterval");
        KmsRequest.requireU32(renewalInterval, "renewalInterval");
        int hwidLength = version == ProtocolVersion.V6 ? HWID_LENGTH : 0;
        if (hwid.length() != hwidLength) {
            throw new IllegalArgumentException("a " + version + " response carries a " + hwidLength
                    + "-byte HWID, got " + hwid.length());
        }
    }
}
