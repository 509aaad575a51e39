package io.jkms.client;

import io.jkms.protocol.FileTime;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.ProtocolVersion;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * What every request of one activation run carries; the CMID and the workstation name are drawn per request
 * unless fixed.
 *
 * @param version             protocol version
 * @param appId               application ID
 * @param skuId               activation (SKU) ID
 * @param kmsId               KMS counted ID
 * @param requiredClientCount the N policy the client sends and checks the count against
 * @param licenseStatus       the client's licence status (u32; 2 = grace, as a fresh GVLK install)
 * @param virtualMachine      send VMInfo 1
 * @param bindingExpiration   minutes left in the licence status (u32)
 * @param cmid                a fixed CMID, or a random one per request
 * @param workstation         a fixed workstation name, or a random one per request
 * @param previousCmid        the previous CMID (nil UUID when none)
 */
public record RequestTemplate(ProtocolVersion version, UUID appId, UUID skuId, UUID kmsId, int requiredClientCount,
                              long licenseStatus, boolean virtualMachine, long bindingExpiration,
                              Optional<UUID> cmid, Optional<String> workstation, UUID previousCmid) {
    /** Windows' default binding expiration for a fresh install: 30 days in minutes. */
    public static final long DEFAULT_BINDING_EXPIRATION = 43_200;
    /** SL_LICENSING_STATUS_IN_GRACE_PERIOD: a freshly installed GVLK. */
    public static final long DEFAULT_LICENSE_STATUS = 2;
    private static final UUID NIL = new UUID(0, 0);
    private static final String NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public RequestTemplate {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(skuId, "skuId");
        Objects.requireNonNull(kmsId, "kmsId");
        Objects.requireNonNull(cmid, "cmid");
        Objects.requireNonNull(workstation, "workstation");
        Objects.requireNonNull(previousCmid, "previousCmid");
    }

    /** A template with random CMIDs and workstation names and Windows' defaults for the rest. */
    public static RequestTemplate of(ProtocolVersion version, UUID appId, UUID skuId, UUID kmsId, int nPolicy) {
        return new RequestTemplate(version, appId, skuId, kmsId, nPolicy, DEFAULT_LICENSE_STATUS, false,
                DEFAULT_BINDING_EXPIRATION, Optional.empty(), Optional.empty(), NIL);
    }

    /** One request, stamped with the clock's time. */
    public KmsRequest next(RandomGenerator random, Clock clock) {
        return new KmsRequest(version, virtualMachine ? 1 : 0, licenseStatus, bindingExpiration, appId, skuId, kmsId,
                cmid.orElseGet(() -> randomUuid(random)), requiredClientCount, FileTime.fromInstant(clock.instant()),
                previousCmid, workstation.orElseGet(() -> randomWorkstation(random)));
    }

    /** A version-4 (random) UUID from the given source. */
    public static UUID randomUuid(RandomGenerator random) {
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** A name as Windows generates them: {@code DESKTOP-} and seven letters or digits. */
    public static String randomWorkstation(RandomGenerator random) {
        StringBuilder name = new StringBuilder("DESKTOP-");
        for (int i = 0; i < 7; i++) {
            name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return name.toString();
    }
}
