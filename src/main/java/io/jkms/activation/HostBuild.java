package io.jkms.activation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A Windows build a KMS host can run on, as it shows in the ePID: the build number, the platform ID
 * that goes with it, when it was released and whether its RPC prefers NDR64 (builds from 9200 on).
 */
public record HostBuild(int build, int platformId, LocalDate released, boolean usesNdr64, String name) {

    /** The builds a KMS host can pretend to be (kms-protocol.md §6.2, plus Server 2022 and 2025). */
    public static final List<HostBuild> KNOWN = List.of(
            new HostBuild(6002, 55041, LocalDate.of(2009, 5, 26), false, "Windows Server 2008 SP2"),
            new HostBuild(7601, 55041, LocalDate.of(2011, 2, 22), false, "Windows Server 2008 R2 SP1"),
            new HostBuild(9200, 5426, LocalDate.of(2012, 10, 26), true, "Windows Server 2012"),
            new HostBuild(9600, 6401, LocalDate.of(2013, 10, 18), true, "Windows Server 2012 R2"),
            new HostBuild(14393, 3612, LocalDate.of(2016, 8, 2), true, "Windows Server 2016"),
            new HostBuild(17763, 3612, LocalDate.of(2018, 10, 2), true, "Windows Server 2019"),
            new HostBuild(20348, 3612, LocalDate.of(2021, 8, 18), true, "Windows Server 2022"),
            new HostBuild(26100, 3612, LocalDate.of(2024, 11, 1), true, "Windows Server 2025"));

    /** The default: the newest server, the only one that can hold every CSVLK jkms knows. */
    public static final int DEFAULT_BUILD = 26100;

    /**
     * Describes any build number the way vlmcsd does: the platform ID of the newest known build not
     * above it, the release date of the oldest known build not below it.
     */
    public static HostBuild of(int build) {
        Optional<HostBuild> exact = KNOWN.stream().filter(b -> b.build == build).findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        HostBuild floor = KNOWN.stream().filter(b -> b.build <= build).max(Comparator.comparingInt(HostBuild::build))
                .orElse(KNOWN.get(0));
        HostBuild ceiling = KNOWN.stream().filter(b -> b.build >= build).min(Comparator.comparingInt(HostBuild::build))
                .orElse(KNOWN.get(KNOWN.size() - 1));
        return new HostBuild(build, floor.platformId, ceiling.released, build >= 9200, "Windows build " + build);
    }
}
