package io.jkms.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** What the dashboard, the JSON API and real client counting read from the registry. */
public interface RegistryReader {

    /** A page of clients and the total number matching. */
    Page<ClientSummary> clients(ClientQuery query);

    /**
     * Why this reader cannot answer right now (a configured registry still opening, or failing to open), so that
     * callers say so instead of showing its emptiness as "no clients"; empty when it answers.
     */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /**
     * Every client matching the query's search, in its order, whatever its page and size: for exports. This
     * default reads page after page; a reader over a database streams one query.
     */
    default void forEachClient(ClientQuery query, Consumer<ClientSummary> action) {
        int size = 500;
        for (int page = 0; ; page++) {
            Page<ClientSummary> rows = clients(new ClientQuery(query.search(), query.sort(), query.descending(), page,
                    size));
            rows.rows().forEach(action);
            if (rows.rows().size() < size || (long) (page + 1) * size >= rows.total()) {
                return;
            }
        }
    }

    /** Every application row of one machine, with its newest activations first (at most {@code historyLimit}). */
    Optional<ClientDetail> client(UUID cmid, int historyLimit);

    /** Activations between the two instants, newest first, at most {@code limit}. */
    List<ActivationRecord> activations(Instant from, Instant to, int limit);

    /** Distinct machine IDs seen for this KMS ID since the instant (what a genuine host counts). */
    long distinctClients(UUID kmsId, Instant since);

    /** Counts for the overview: activations and refusals per day, per KMS ID, per HRESULT, since the instant. */
    RegistryStats stats(Instant since);

    record Page<T>(List<T> rows, long total, int page, int size) {
    }

    record ClientDetail(UUID cmid, List<ClientSummary> applications, List<ActivationRecord> history) {
    }

    /**
     * @param perDay     activations (successful) per UTC day, oldest first, as ISO dates
     * @param byKmsId    successful activations per KMS ID
     * @param byHresult  refusals per HRESULT (non-zero only)
     * @param clientsByKmsId distinct machine IDs per KMS ID
     */
    record RegistryStats(java.util.SortedMap<String, Long> perDay, java.util.Map<UUID, Long> byKmsId,
                         java.util.Map<Integer, Long> byHresult, java.util.Map<UUID, Long> clientsByKmsId) {
    }
}
