package io.jkms.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** What the dashboard reads when the host keeps no registry ({@code --registry off}): nothing. */
public final class NoRegistry implements RegistryReader {
    public static final NoRegistry INSTANCE = new NoRegistry();

    private NoRegistry() {
    }

    @Override
    public Page<ClientSummary> clients(ClientQuery query) {
        return new Page<>(List.of(), 0, query.page(), query.size());
    }

    @Override
    public Optional<ClientDetail> client(UUID cmid, int historyLimit) {
        return Optional.empty();
    }

    @Override
    public List<ActivationRecord> activations(Instant from, Instant to, int limit) {
        return List.of();
    }

    @Override
    public long distinctClients(UUID kmsId, Instant since) {
        return 0;
    }

    @Override
    public RegistryStats stats(Instant since) {
        return new RegistryStats(new TreeMap<>(), Map.of(), Map.of(), Map.of());
    }
}
