package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A full disk is recognised however the driver reports it; other failures are not taken for one. */
class DatabaseErrorsTest {

    @Test
    void postgresqlDiskFullIsRecognisedByItsSqlState() {
        assertThat(DatabaseErrors.diskFull(new SQLException("could not extend file: No space left on device",
                DatabaseErrors.POSTGRES_DISK_FULL))).isTrue();
        assertThat(DatabaseErrors.diskFull(new SQLException("connection refused", "08001"))).isFalse();
    }

    @Test
    void sqliteFullIsRecognisedBehindTheErrorThatReplacedIt() {
        SQLException masking = new SQLiteException("cannot commit - no transaction is active",
                SQLiteErrorCode.SQLITE_ERROR);
        assertThat(DatabaseErrors.diskFull(masking)).isFalse();
        masking.addSuppressed(new SQLiteException("database or disk is full", SQLiteErrorCode.SQLITE_FULL));
        assertThat(DatabaseErrors.diskFull(masking)).isTrue();
    }

    @Test
    void aFullDiskChainedOrAsTheCauseOfABatchFailureIsRecognised() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 3 failed", new int[0]);
        batch.setNextException(new SQLException("disk", DatabaseErrors.POSTGRES_DISK_FULL));
        assertThat(DatabaseErrors.diskFull(batch)).isTrue();
        assertThat(DatabaseErrors.diskFull(new RuntimeException(new SQLiteException("full",
                SQLiteErrorCode.SQLITE_FULL)))).isTrue();
    }
}
