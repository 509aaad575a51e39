package io.jkms.registry;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Tells a full disk from other database failures, however the driver wrapped it. */
final class DatabaseErrors {
    /** PostgreSQL's SQLSTATE for "disk_full" (class 53, insufficient resources). */
    static final String POSTGRES_DISK_FULL = "53100";
    private static final int MAX_VISITED = 32;

    private DatabaseErrors() {
    }

    /**
     * Whether {@code error}, its causes, suppressed or chained exceptions say the disk is full: SQLite's
     * {@code SQLITE_FULL} (the disk, or the file's {@code max_page_count}) or PostgreSQL's {@code 53100}.
     */
    static boolean diskFull(Throwable error) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        todo.add(error);
        while (!todo.isEmpty() && seen.size() < MAX_VISITED) {
            Throwable t = todo.poll();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            // The message test catches a batch failure the driver reports as a plain BatchUpdateException.
            if (t instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_FULL
                    || t instanceof SQLException s2 && POSTGRES_DISK_FULL.equals(s2.getSQLState())
                    || t instanceof SQLException && String.valueOf(t.getMessage()).contains("[SQLITE_FULL]")) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException s3 && s3.getNextException() != null) {
                todo.add(s3.getNextException());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                todo.add(suppressed);
            }
        }
        return false;
    }
}
