package io.jkms.protocol;

import java.util.Objects;
import java.util.UUID;

/**
 * The base request of spec 4.2: what a KMS client asks for. Integers are the unsigned wire values.
 *
 * @param version the protocol version (inner and outer)
 * @param vmInfo 0 = physical, 1 = virtual machine (u32)
 * @param licenseStatus the client's licensing status (u32)
 * @param bindingExpiration minutes left in that status, 0 = forever (u32)
 * @param appId the application (Windows, Office 2010, Office 2013+)
 * @param skuId the activation (SKU) ID
 * @param kmsId the KMS counted ID, which a host grants or refuses
 * @param cmid the client machine ID
 * @param requiredClientCount the N policy: clients the product needs (u32)
 * @param clientTime the client's clock, a raw FILETIME (u64; see {@link FileTime})
 * @param previousCmid the previous CMID, or the nil UUID
 * @param workstationName the workstation name: no NUL, at most 64 UTF-16 units (63 to be encodable)
 */
public record KmsRequest(ProtocolVersion version, long vmInfo, long licenseStatus, long bindingExpiration,
                         UUID appId, UUID skuId, UUID kmsId, UUID cmid, long requiredClientCount, long clientTime,
                         UUID previousCmid, String workstationName) {
    /** UTF-16 units in the wire field, including the terminating NUL. */
    static final int NAME_UNITS = 64;

    public KmsRequest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(skuId, "skuId");
        Objects.requireNonNull(kmsId, "kmsId");
        Objects.requireNonNull(cmid, "cmid");
        Objects.requireNonNull(previousCmid, "previousCmid");
        Objects.requireNonNull(workstationName, "workstationName");
        requireU32(vmInfo, "vmInfo");
        requireU32(licenseStatus, "licenseStatus");
        requireU32(bindingExpiration, "bindingExpiration");
        requireU32(requiredClientCount, "requiredClientCount");
        if (workstationName.length() > NAME_UNITS || workstationName.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("workstation name must be at most " + (NAME_UNITS - 1)
                    + " UTF-16 units without NUL: " + workstationName.length() + " units");
        }
    }

    static void requireU32(long value, String field) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + " is not an unsigned 32-bit value: " + value);
        }
    }
}
