package io.jkms.registry;

import io.jkms.host.ClientCounter;
import io.jkms.host.PolicySettings;
import java.sql.SQLException;
import java.time.Clock;
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
 */
final class ActiveClientCounter implements ClientCounter {
    /** No request's count goes higher: twice the largest N policy. */
    static final int MOST_COUNTED = (int) (2 * PolicySettings.MAX_REQUIRED_CLIENT_COUNT);
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.registry");

    private final ActivationRepository repository;
    private final Clock clock;
    private volatile Map<UUID, Set<UUID>> stored = Map.of();
    private final Map<UUID, Map<UUID, Boolean>> unseen = new ConcurrentHashMap<>();
    private volatile boolean failing;

    ActiveClientCounter(ActivationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public long activeClients(UUID kmsId, UUID cmid, long atMost) {
        Set<UUID> known = stored.getOrDefault(kmsId, Set.of());
        Map<UUID, Boolean> mine = unseen.computeIfAbsent(kmsId, k -> new ConcurrentHashMap<>());
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

    /** Reloads the machines seen in the counting window; keeps the old view when the database is down. */
    void refresh() {
        Map<UUID, Set<UUID>> fresh;
        try {
            fresh = repository.recentMachines(clock.instant().minus(RegistrySettings.COUNTING_WINDOW), MOST_COUNTED);
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
    }
}
