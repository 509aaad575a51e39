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
    @Option(names = "--epid", paramLabel = "CSVLK=EPID[/HWID]", converter = Converters.Epid.class, split = ",")
    List<Converters.EpidEntry> epid;

    @Option(names = "--hwid", paramLabel = "HEX16", converter = Converters.Hwid.class)
    Bytes hwid;

    @Option(names = "--lcid", paramLabel = "LCID", defaultValue = "random", converter = Converters.Lcid.class)
    OptionalInt lcid;

    @Range(min = 2600, max = 99999)
    @Option(names = "--host-build", paramLabel = "BUILD", defaultValue = "26100",
            converter = Converters.WholeNumber.class)
    long hostBuild;

    @Option(names = "--ndr64", paramLabel = "auto|true|false", defaultValue = "auto",
            converter = Converters.Ndr64Choice.class)
    Converters.Ndr64 ndr64;

    @Option(names = "--btfn", paramLabel = "BOOL", defaultValue = "true", arity = "1",
            converter = Converters.Bool.class)
    boolean btfn;

    @Option(names = "--catalog", paramLabel = "FILE", converter = Converters.FilePath.class)
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
