package io.jkms.registry;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The writer's store before the database exists: lets a {@link RegistryWriter} take records from the first
 * activation while the database is still opening or migrating. Its thread starts only once the database is
 * set, so a write never arrives here before that; if one did, it would fail as an outage does (kept, retried).
 */
final class DeferredStore implements RecordStore {
    private volatile RecordStore target;

    void set(RecordStore store) {
        target = store;
    }

    @Override
    public int write(List<ActivationRecord> records) throws SQLException {
        return open().write(records);
    }

    @Override
    public int prune(Instant before) throws SQLException {
        return open().prune(before);
    }

    private RecordStore open() throws SQLException {
        RecordStore store = target;
        if (store == null) {
            throw new SQLException("the registry database is not open yet");
        }
        return store;
    }
}
