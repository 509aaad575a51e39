package io.jkms.activation;

import io.jkms.wire.Bytes;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the host's ePIDs and HWIDs are chosen.
 *
 * @param hostBuild the Windows build the ePIDs name; empty: {@link HostBuild#DEFAULT_BUILD}, or 7601 when
 *                  NDR64 is switched off (a host that does not speak NDR64 is older than build 9200)
 * @param lcid      the locale in the ePIDs; empty: one drawn at start from the known LCIDs
 * @param hwid      the HWID of every CSVLK that has none of its own; empty: one drawn at start per CSVLK
 * @param fixed     ePIDs (and optionally HWIDs) given for CSVLKs by ID ("Windows", "Office2016", …)
 * @param ndr64     whether the RPC layer accepts NDR64; empty: as the host build would
 */
public record IdentitySettings(OptionalInt hostBuild, OptionalInt lcid, Optional<Bytes> hwid,
                               Map<String, FixedIdentity> fixed, Optional<Boolean> ndr64) {

    public IdentitySettings {
        fixed = Map.copyOf(fixed);
    }

    public static IdentitySettings defaults() {
        return new IdentitySettings(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Map.of(),
                Optional.empty());
    }

    /** An ePID, and optionally a HWID, fixed in the configuration for one CSVLK. */
    public record FixedIdentity(String epid, Optional<Bytes> hwid) {
    }

    HostBuild resolveBuild() {
        if (hostBuild.isPresent()) {
            return HostBuild.of(hostBuild.getAsInt());
        }
        return HostBuild.of(ndr64.orElse(true) ? HostBuild.DEFAULT_BUILD : 7601);
    }

    boolean resolveNdr64(HostBuild build) {
        return ndr64.orElse(build.usesNdr64());
    }
}
