package io.jkms.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one batch changes in the row of one client (machine and application): the batch's records of that
 * client folded into one upsert, instead of one per record.
 *
 * @param newest         the newest record (the last in batch order among equally new ones): the descriptive
 *                       columns and {@code last_seen}
 * @param firstSeen      the oldest record's time
 * @param requests       how many records there were
 * @param newestWithEpid the newest record that carries an ePID, whose ePID the row keeps when it is newer than
 *                       the stored row's {@code last_seen} (a newer refusal does not erase an earlier ePID)
 */
record ClientUpdate(ActivationRecord newest, Instant firstSeen, int requests,
                    Optional<ActivationRecord> newestWithEpid) {
    private static final Comparator<ActivationRecord> BY_CLIENT = Comparator.comparing(ActivationRecord::cmid)
            .thenComparing(ActivationRecord::appId);

    ClientUpdate {
        Objects.requireNonNull(newest, "newest");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(newestWithEpid, "newestWithEpid");
        if (requests < 1) {
            throw new IllegalArgumentException("a client update folds at least one record: " + requests);
        }
    }

    /**
     * One update per client among the records whose history row was new ({@code inserted[i] != 0}): a record
     * already stored (a retried batch) was counted when it was first written. In a fixed order (machine, then
     * application), so that hosts sharing a database lock client rows in the same order.
     */
    static List<ClientUpdate> of(List<ActivationRecord> records, int[] inserted) {
        if (records.size() != inserted.length) {
            throw new IllegalArgumentException(records.size() + " records but " + inserted.length + " results");
        }
        Map<ActivationRecord, ClientUpdate> byClient = new TreeMap<>(BY_CLIENT);
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] != 0) {
                ActivationRecord record = records.get(i);
                byClient.merge(record, of(record), ClientUpdate::then);
            }
        }
        return new ArrayList<>(byClient.values());
    }

    static ClientUpdate of(ActivationRecord record) {
        return new ClientUpdate(record, record.at(), 1,
                record.epid().isPresent() ? Optional.of(record) : Optional.empty());
    }

    /** This update followed by a later one of the same client in the batch. */
    ClientUpdate then(ClientUpdate later) {
        Instant first = later.firstSeen.isBefore(firstSeen) ? later.firstSeen : firstSeen;
        return new ClientUpdate(newerOrLater(newest, later.newest), first, requests + later.requests,
                newerOrLater(newestWithEpid, later.newestWithEpid));
    }

    private static Optional<ActivationRecord> newerOrLater(Optional<ActivationRecord> earlier,
                                                           Optional<ActivationRecord> later) {
        if (earlier.isEmpty()) {
            return later;
        }
        return later.isEmpty() ? earlier : Optional.of(newerOrLater(earlier.get(), later.get()));
    }

    /** The newer of two records; the later one in batch order when they are equally new, as one upsert each did. */
    private static ActivationRecord newerOrLater(ActivationRecord earlier, ActivationRecord later) {
        return later.at().isBefore(earlier.at()) ? earlier : later;
    }

    Instant lastSeen() {
        return newest.at();
    }

    Optional<String> epid() {
        return newestWithEpid.flatMap(ActivationRecord::epid);
    }
}
