package io.jkms.config;

import io.jkms.activation.IdentitySettings;
import io.jkms.activation.IdentitySettings.FixedIdentity;
import io.jkms.wire.Bytes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** Who the host says it is (ePIDs, HWIDs, build), how it binds, and the catalog it answers from. */
final class IdentityOptions {
    @Option(names = "--epid", paramLabel = "CSVLK=EPID[/HWID]", converter = Converters.Epid.class, split = ",",
            description = {"Fixed ePID (and 16-hex-digit HWID) for a CSVLK, repeatable, e.g. "
                + "Windows=03612-00206-556-123727-03-1033-26100.0000-3082024/3A1C049600B60076. Default: a random, "
                + "well-formed ePID per CSVLK, drawn at start.",
                "Env: JKMS_EPID (a comma-separated list)."})
    List<Converters.EpidEntry> epid;

    @Option(names = "--hwid", paramLabel = "HEX16", converter = Converters.Hwid.class,
            description = {"HWID for every CSVLK without one of its own, 16 hex digits. Default: random per CSVLK at start.",
                "Env: JKMS_HWID."})
    Bytes hwid;

    @Option(names = "--lcid", paramLabel = "LCID", defaultValue = "random", converter = Converters.Lcid.class,
            description = {"Locale ID in the ePIDs (e.g. 1033), or 'random' (drawn at start).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_LCID."})
    OptionalInt lcid;

    @Range(min = 2600, max = 99999)
    @Option(names = "--host-build", paramLabel = "BUILD", defaultValue = "26100",
            converter = Converters.WholeNumber.class,
            description = {"Windows build the host claims in its ePIDs (e.g. 7601, 9600, 17763, 20348, 26100).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_HOST_BUILD."})
    long hostBuild;

    @Option(names = "--ndr64", paramLabel = "auto|true|false", defaultValue = "auto",
            converter = Converters.Ndr64Choice.class,
            description = {"Accept NDR64 in binds; 'auto' follows the host build (9200 and later do), as genuine hosts.",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_NDR64."})
    Converters.Ndr64 ndr64;

    @Option(names = "--btfn", paramLabel = "BOOL", defaultValue = "true", arity = "1",
            converter = Converters.Bool.class,
            description = {"Acknowledge bind-time feature negotiation.",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_BTFN."})
    boolean btfn;

    @Option(names = "--catalog", paramLabel = "FILE", converter = Converters.FilePath.class,
            description = {"Product catalog JSON to use instead of the built-in one (same format; reloaded on SIGHUP).",
                "Env: JKMS_CATALOG."})
    Path catalog;

    IdentitySettings settings() {
        Map<String, FixedIdentity> fixed = new LinkedHashMap<>();
        for (Converters.EpidEntry entry : epid == null ? List.<Converters.EpidEntry>of() : epid) {
            fixed.put(entry.csvlk(), entry.identity());
        }
        return new IdentitySettings(OptionalInt.of((int) hostBuild), lcid, Optional.ofNullable(hwid), fixed,
                ndr64.forced());
    }
}
