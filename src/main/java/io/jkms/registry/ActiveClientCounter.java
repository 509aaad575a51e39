package io.jkms.registry;

import io.jkms.activation.ClientCounter;
import io.jkms.activation.PolicySettings;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real client counting from memory: the machines the registry holds for each KMS ID (refreshed from the
 * database every few seconds, so hosts sharing a database see each other's clients), plus the machines this
 * host answered that the last refresh did not show yet. The I/O thread never touches the database.
 *
 * <p>Only the KMS IDs the catalog knows are counted one by one; every other KMS ID (a client may send any 16 bytes)
 * is counted in one shared pool, {@link #OTHERS}. So the sets kept are bounded by the catalog, never by how many KMS
 * IDs clients invent: at most {@link #MOST_KMS_IDS} + 1 sets of at most {@link #MOST_COUNTED} machines each.
 */
final class ActiveClientCounter implements ClientCounter {
    /** No request's count goes higher: twice the largest N policy. */
    static final int MOST_COUNTED = (int) (2 * PolicySettings.MAX_REQUIRED_CLIENT_COUNT);
    /** Most KMS IDs counted one by one (the built-in catalog has a few dozen); past it, the rest share the pool. */
    static final int MOST_KMS_IDS = 1000;
    /** The key of the shared pool: every KMS ID not counted one by one. */
    static final UUID OTHERS = new UUID(0, 0);
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.registry");

    private final ActivationRepository repository;
    private final Clock clock;
    private volatile Set<UUID> individual = Set.of();
    private volatile Map<UUID, Set<UUID>> stored = Map.of();
    private final Map<UUID, Map<UUID, Boolean>> unseen = new ConcurrentHashMap<>();
    private volatile boolean failing;

    ActiveClientCounter(ActivationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The KMS IDs to count one by one from now on (the catalog's; at most {@link #MOST_KMS_IDS} of them). */
    void countIndividually(Set<UUID> kmsIds) {
        individual = Set.copyOf(kmsIds.stream().filter(id -> !OTHERS.equals(id)).limit(MOST_KMS_IDS).toList());
        unseen.keySet().removeIf(key -> !OTHERS.equals(key) && !individual.contains(key));
    }

    /** Where a KMS ID is counted: its own set when the catalog knows it, else the shared pool. */
    UUID countedAs(UUID kmsId) {
        return individual.contains(kmsId) ? kmsId : OTHERS;
    }

    @Override
    public long activeClients(UUID kmsId, UUID cmid, long atMost) {
        UUID key = countedAs(kmsId);
        Set<UUID> known = stored.getOrDefault(key, Set.of());
        Map<UUID, Boolean> mine = unseen.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        if (!known.contains(cmid) && mine.size() < MOST_COUNTED) {
            mine.putIfAbsent(cmid, Boolean.TRUE);
        }
        long count = known.size();
        for (UUID machine : mine.keySet()) {
            if (count >= atMost) {
                break;
            }
            if (!known.contains(machine)) {
                count++;
            }
        }
        return Math.min(count, atMost);
    }

    /** KMS IDs this counter keeps a set of machines for, from the database and from memory. */
    int trackedKmsIds() {
        Set<UUID> ids = new HashSet<>(stored.keySet());
        ids.addAll(unseen.keySet());
        return ids.size();
    }

    /** Reloads the machines seen in the counting window; keeps the old view when the database is down. */
    void refresh() {
        Set<UUID> counted = individual;
        Map<UUID, Set<UUID>> fresh;
        try {
            fresh = repository.recentMachines(clock.instant().minus(RegistrySettings.COUNTING_WINDOW), MOST_COUNTED,
                    counted, OTHERS);
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warn("registry: cannot refresh client counts ({}); counting from memory", e.toString());
                failing = true;
            }
            return;
        }
        failing = false;
        Map<UUID, Set<UUID>> snapshot = new ConcurrentHashMap<>();
        fresh.forEach((kmsId, machines) -> snapshot.put(kmsId, Set.copyOf(machines)));
        stored = snapshot;
        unseen.forEach((kmsId, mine) -> mine.keySet().removeAll(snapshot.getOrDefault(kmsId, Set.of())));
        unseen.values().removeIf(Map::isEmpty);
    }
}
