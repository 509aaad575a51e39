package io.jkms.registry;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Where the writer puts records: the database, or a stand-in that fails on demand in tests. */
interface RecordStore {

    /** Stores the records in one transaction, ignoring event IDs already stored; returns how many were new. */
    int write(List<ActivationRecord> records) throws SQLException;

    /** Deletes what is older than the instant; returns the rows deleted. */
    int prune(Instant before) throws SQLException;
}
