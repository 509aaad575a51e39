package io.jkms.registry;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The registry opened for reading only, without its writer: what {@code jkms clients} exports from, while the host
 * may be running on the same database. An SQLite registry that does not exist yet is an error, not created.
 */
public final class RegistryExport implements AutoCloseable {
    private final RegistryDatabase database;
    private final RegistryReader reader;

    private RegistryExport(RegistryDatabase database) {
        this.database = database;
        this.reader = new JdbcRegistryReader(database.dataSource());
    }

    /** @throws RegistryException when there is no registry there or it cannot be opened */
    public static RegistryExport open(RegistrySettings settings) {
        if (settings.databaseUrl().isEmpty()) {
            Path file = settings.dataDir().resolve("registry.db");
            if (!Files.isRegularFile(file)) {
                throw new RegistryException("no client registry at " + file + " (give the host's --data-dir, or "
                        + "--database for PostgreSQL)");
            }
        }
        return new RegistryExport(RegistryDatabase.open(settings));
    }

    public RegistryReader reader() {
        return reader;
    }

    @Override
    public void close() {
        database.close();
    }
}
