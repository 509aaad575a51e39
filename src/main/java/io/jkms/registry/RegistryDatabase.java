package io.jkms.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's connection pool, opened and migrated: SQLite in WAL mode in the data directory by default,
 * PostgreSQL when a URL is given.
 */
final class RegistryDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.registry");
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    /**
     * Page cache of the SQLite connection that writes, in KiB. A history row touches four B-trees and its client
     * row three more; with a large registry the pages one batch touches (one leaf of the per-machine history index
     * per machine, most of the clients table) no longer fit SQLite's default 2 MiB, and every write read them
     * back from the file. Only the writer's connection gets it; it fills only as far as the file is large.
     * 8 MiB, not more: it is resident memory the host keeps for good once a long run has filled it, and 32 MiB
     * stored distinct clients at 1,000,000 rows only ~10 % faster (bench/crash-window.sh, 2026-12-02: 12,550 and
     * 13,325 records/s against 11,575 and 11,600) for 24 MB more at peak (BENCHMARKS.md, "Resident memory").
     */
    static final int WRITER_CACHE_KIB = 8 * 1024;
    /** WAL pages between checkpoints: a page written by many batches is copied into the file once, not each time. */
    static final int WAL_AUTOCHECKPOINT_PAGES = 10_000;

    private final HikariDataSource dataSource;
    private final HikariDataSource writeDataSource;
    private final Dialect dialect;

    private RegistryDatabase(HikariDataSource dataSource, HikariDataSource writeDataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.writeDataSource = writeDataSource;
        this.dialect = dialect;
    }

    /** Opens the pool and brings the schema to the newest version; fails when the database is unreachable. */
    static RegistryDatabase open(RegistrySettings settings) {
        Dialect dialect = Dialect.of(settings.jdbcUrl());
        if (dialect == Dialect.SQLITE) {
            createDataDir(settings);
        }
        HikariDataSource dataSource = pool(config(settings, dialect, false), settings);
        if (dialect == Dialect.SQLITE) {
            tightenDatabaseFiles(settings);
        }
        try {
            migrate(dataSource, dialect);
        } catch (FlywayException e) {
            dataSource.close();
            throw new RegistryException("cannot migrate the registry schema in " + describe(settings) + ": "
                    + Credentials.redact(e.getMessage(), settings), Credentials.redactChain(e, settings));
        }
        if (dialect != Dialect.SQLITE) {
            return new RegistryDatabase(dataSource, dataSource, dialect);
        }
        try {
            return new RegistryDatabase(dataSource, pool(config(settings, dialect, true), settings), dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** The pool's settings; {@code writer}: SQLite's single writing connection, with a cache sized for writing. */
    private static HikariConfig config(RegistrySettings settings, Dialect dialect, boolean writer) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(writer ? "registry-writer" : "registry");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT.toMillis());
        if (dialect == Dialect.SQLITE) {
            config.setMaximumPoolSize(writer ? 1 : 4);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            if (writer) {
                config.addDataSourceProperty("cache_size", Integer.toString(-WRITER_CACHE_KIB));
                config.setConnectionInitSql("PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT_PAGES);
            }
        } else {
            config.setMaximumPoolSize(6);
            settings.user().ifPresent(config::setUsername);
            settings.password().ifPresent(config::setPassword);
            config.addDataSourceProperty("socketTimeout", "60");
            config.addDataSourceProperty("connectTimeout", "5");
        }
        return config;
    }

    private static HikariDataSource pool(HikariConfig config, RegistrySettings settings) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new RegistryException("cannot open the registry database " + describe(settings) + ": "
                    + Credentials.redact(e.getMessage(), settings), Credentials.redactChain(e, settings));
        }
    }

    /**
     * Brings the schema to the newest version. Each migration runs in one transaction (both databases have
     * transactional DDL) and is idempotent; a migration that a crash or a failure left marked as failed is
     * cleared from the history first and then run again.
     */
    static void migrate(DataSource dataSource, Dialect dialect) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations(dialect.migrationLocation())
                .load();
        MigrationInfo[] failed = Arrays.stream(flyway.info().all())
                .filter(info -> info.getState() == MigrationState.FAILED).toArray(MigrationInfo[]::new);
        if (failed.length > 0) {
            LOG.warn("registry schema: migration {} was interrupted earlier; running it again",
                    failed[failed.length - 1].getVersion());
            flyway.repair();
        }
        int applied = flyway.migrate().migrationsExecuted;
        if (applied > 0) {
            LOG.info("registry schema: applied {} migration(s), now at version {}", applied,
                    flyway.info().current().getVersion());
        }
        foldSearchColumn(dataSource);
    }

    /** Folds the names the V4 migration left to Java (see {@link SearchText#backfill}). */
    private static void foldSearchColumn(DataSource dataSource) {
        try {
            int folded = SearchText.backfill(dataSource);
            if (folded > 0) {
                LOG.info("registry schema: folded {} workstation name(s) for the search", folded);
            }
        } catch (java.sql.SQLException e) {
            throw new FlywayException("cannot fold workstation names for the search: " + e.getMessage(), e);
        }
    }

    /** The files of the embedded database: the database, its write-ahead log and shared memory, a rollback journal. */
    private static final String[] DATABASE_FILES = {"registry.db", "registry.db-wal", "registry.db-shm",
        "registry.db-journal"};

    /**
     * Creates the data directory (0700) and the database file (0600) before SQLite does, so that SQLite, which
     * gives the -wal and -shm files the mode of the database, never creates one that others can read; files left
     * readable by an earlier start (or a umask of 000) are tightened, with a warning.
     */
    private static void createDataDir(RegistrySettings settings) {
        try {
            OwnerOnly.createDirectory(settings.dataDir());
            Path database = settings.dataDir().resolve(DATABASE_FILES[0]);
            if (!Files.exists(database)) {
                Files.createFile(database);
            }
        } catch (IOException e) {
            throw new RegistryException("cannot create the data directory " + settings.dataDir() + ": "
                    + e.getMessage(), e);
        }
        tightenDatabaseFiles(settings);
    }

    private static void tightenDatabaseFiles(RegistrySettings settings) {
        for (String name : DATABASE_FILES) {
            Path file = settings.dataDir().resolve(name);
            try {
                OwnerOnly.tighten(file).ifPresent(mode -> LOG.warn("registry: {} was readable by others ({});"
                        + " made rw------- (owner only)", file, mode));
            } catch (IOException e) {
                LOG.warn("registry: cannot make {} owner-only ({}): others may read client names and addresses",
                        file, e.toString());
            }
        }
    }

    private static String describe(RegistrySettings settings) {
        return settings.databaseUrl().isPresent() ? "(PostgreSQL)" : settings.jdbcUrl();
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Where activation records are written (for SQLite its own single connection). */
    DataSource writeDataSource() {
        return writeDataSource;
    }

    Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        if (writeDataSource != dataSource) {
            writeDataSource.close();
        }
        dataSource.close();
    }
}
