package io.jkms.activation;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.Csvlk;
import io.jkms.protocol.Epid;
import io.jkms.wire.Bytes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The ePID and HWID of every CSVLK the host holds, drawn once at start (or taken from the
 * configuration) and kept for every request after, as a genuine host does. All ePIDs name the same host
 * build and LCID, as they would on one real machine.
 */
public final class HostIdentity {
    private final HostBuild build;
    private final int lcid;
    private final boolean ndr64;
    private final Map<String, CsvlkIdentity> byCsvlk;

    private HostIdentity(HostBuild build, int lcid, boolean ndr64, Map<String, CsvlkIdentity> byCsvlk) {
        this.build = build;
        this.lcid = lcid;
        this.ndr64 = ndr64;
        this.byCsvlk = Collections.unmodifiableMap(new LinkedHashMap<>(byCsvlk));
    }

    /** Draws whatever the settings leave open. */
    public static HostIdentity create(IdentitySettings settings, Catalog catalog, RandomGenerator random,
                                      Clock clock) {
        for (String id : settings.fixed().keySet()) {
            if (catalog.csvlk(id).isEmpty()) {
                throw new IllegalArgumentException("no CSVLK named '" + id + "'; known: "
                        + catalog.csvlks().stream().map(Csvlk::id).toList());
            }
        }
        HostBuild build = settings.resolveBuild();
        int lcid = settings.lcid().orElseGet(() -> Lcids.KNOWN.get(random.nextInt(Lcids.KNOWN.size())));
        Map<String, CsvlkIdentity> identities = new LinkedHashMap<>();
        for (Csvlk csvlk : catalog.csvlks()) {
            identities.put(csvlk.id(), identityFor(csvlk, settings, build, lcid, random, clock));
        }
        return new HostIdentity(build, lcid, settings.resolveNdr64(build), identities);
    }

    private static CsvlkIdentity identityFor(Csvlk csvlk, IdentitySettings settings, HostBuild build, int lcid,
                                             RandomGenerator random, Clock clock) {
        IdentitySettings.FixedIdentity fixed = settings.fixed().get(csvlk.id());
        Bytes hwid = fixed != null && fixed.hwid().isPresent() ? fixed.hwid().get()
                : settings.hwid().orElseGet(() -> randomBytes(random, 8));
        if (fixed != null) {
            return new CsvlkIdentity(csvlk, fixed.epid(), hwid, "configuration");
        }
        return new CsvlkIdentity(csvlk, randomEpid(csvlk, build, lcid, random, clock).toString(), hwid,
                "random at start");
    }

    /**
     * An ePID of this CSVLK's group with a key ID inside its range, installed on a random day between the
     * later of the CSVLK's and the build's release and today (1-based day of year, UTC).
     */
    static Epid randomEpid(Csvlk csvlk, HostBuild build, int lcid, RandomGenerator random, Clock clock) {
        long keyId = csvlk.minKeyId() + random.nextLong(csvlk.maxKeyId() - csvlk.minKeyId() + 1);
        LocalDate earliest = csvlk.releaseDate().isAfter(build.released()) ? csvlk.releaseDate() : build.released();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long span = today.toEpochDay() - earliest.toEpochDay();
        LocalDate installed = span <= 0 ? earliest : earliest.plusDays(random.nextLong(span + 1));
        return new Epid(build.platformId(), csvlk.groupId(), keyId, lcid, build.build(), installed.getDayOfYear(),
                installed.getYear());
    }

    private static Bytes randomBytes(RandomGenerator random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Bytes.of(bytes);
    }

    public CsvlkIdentity forCsvlk(String csvlkId) {
        CsvlkIdentity identity = byCsvlk.get(csvlkId);
        if (identity == null) {
            throw new IllegalArgumentException("no identity for CSVLK " + csvlkId);
        }
        return identity;
    }

    public Collection<CsvlkIdentity> all() {
        return byCsvlk.values();
    }

    public HostBuild build() {
        return build;
    }

    public int lcid() {
        return lcid;
    }

    /** Whether the RPC layer accepts NDR64, consistent with the host build unless configured otherwise. */
    public boolean ndr64() {
        return ndr64;
    }
}
