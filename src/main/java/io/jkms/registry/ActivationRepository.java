package io.jkms.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** Writes activation records and prunes old ones; the only code that changes registry rows. */
final class ActivationRepository implements RecordStore {
    private static final String INSERT_ACTIVATION = "INSERT INTO activations (event_id, at, cmid, app_id, sku_id,"
            + " kms_id, workstation, license_status, virtual_machine, protocol_major, client_address, epid, hresult,"
            + " took_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING";
    private static final List<String> LATEST = List.of("workstation", "workstation_fold", "sku_id", "kms_id", "license_status",
            "virtual_machine", "protocol_major", "client_address", "last_hresult");

    private final DataSource dataSource;
    private final String upsertClient;

    ActivationRepository(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.upsertClient = upsertClientSql(dialect);
    }

    /**
     * Stores the records in one transaction. A record whose event ID is already stored (a batch retried after
     * its commit was not acknowledged) changes nothing, so no request is stored or counted twice.
     *
     * @return how many records were new
     */
    @Override
    public int write(List<ActivationRecord> records) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int stored;
            try {
                stored = write(connection, records);
                connection.commit();
            } catch (Throwable e) { // an Error too: a half-written batch must not be committed by what follows
                rollbackQuietly(connection, e);
                throw e;
            }
            connection.setAutoCommit(true);
            return stored;
        }
    }

    /**
     * One history insert per record, then one client upsert per client of the batch (a load test, or a
     * machine renewing several times, repeats one client many times in a batch) counting only the records
     * whose history row was new.
     */
    private int write(Connection connection, List<ActivationRecord> records) throws SQLException {
        int[] inserted;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ACTIVATION)) {
            for (ActivationRecord record : records) {
                bindActivation(insert, record);
                insert.addBatch();
            }
            inserted = insert.executeBatch();
        }
        List<ClientUpdate> updates = ClientUpdate.of(records, inserted);
        if (updates.isEmpty()) {
            return 0;
        }
        int stored = 0;
        try (PreparedStatement upsert = connection.prepareStatement(upsertClient)) {
            for (ClientUpdate update : updates) {
                bindClient(upsert, update);
                upsert.addBatch();
                stored += update.requests();
            }
            upsert.executeBatch();
        }
        return stored;
    }

    /** Deletes activations older than the instant, and clients not seen since; returns the rows deleted. */
    @Override
    public int prune(Instant before) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement activations = connection.prepareStatement("DELETE FROM activations WHERE at < ?");
             PreparedStatement clients = connection.prepareStatement("DELETE FROM clients WHERE last_seen < ?")) {
            activations.setLong(1, before.toEpochMilli());
            clients.setLong(1, before.toEpochMilli());
            return activations.executeUpdate() + clients.executeUpdate();
        }
    }

    /**
     * Up to {@code perKmsId} machine IDs seen since the instant, the most recent first: for each KMS ID of
     * {@code individual}, and under {@code others} for all other KMS IDs together. Bounded by the KMS IDs asked
     * for, not by how many distinct KMS IDs the registry holds.
     */
    Map<UUID, Set<UUID>> recentMachines(Instant since, int perKmsId, Set<UUID> individual, UUID others)
            throws SQLException {
        List<String> ids = individual.stream().map(UUID::toString).toList();
        String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        Map<UUID, Set<UUID>> machines = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!ids.isEmpty()) {
                String sql = "SELECT kms_id, cmid FROM (SELECT kms_id, cmid, ROW_NUMBER() OVER (PARTITION BY kms_id"
                        + " ORDER BY last_seen DESC) AS n FROM clients WHERE last_seen >= ? AND kms_id IN (" + in
                        + ")) recent WHERE n <= ?";
                try (PreparedStatement query = connection.prepareStatement(sql)) {
                    int next = bind(query, since, ids);
                    query.setInt(next, perKmsId);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            machines.computeIfAbsent(UUID.fromString(rows.getString(1)), k -> new HashSet<>())
                                    .add(UUID.fromString(rows.getString(2)));
                        }
                    }
                }
            }
            String sql = "SELECT cmid FROM clients WHERE last_seen >= ?" + (ids.isEmpty() ? "" : " AND kms_id NOT IN ("
                    + in + ")") + " GROUP BY cmid ORDER BY MAX(last_seen) DESC LIMIT ?";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int next = bind(query, since, ids);
                query.setInt(next, perKmsId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        machines.computeIfAbsent(others, k -> new HashSet<>()).add(UUID.fromString(rows.getString(1)));
                    }
                }
            }
        }
        return machines;
    }

    /** Binds the time and the KMS IDs; returns the next parameter index. */
    private static int bind(PreparedStatement query, Instant since, List<String> kmsIds) throws SQLException {
        query.setLong(1, since.toEpochMilli());
        for (int i = 0; i < kmsIds.size(); i++) {
            query.setString(i + 2, kmsIds.get(i));
        }
        return kmsIds.size() + 2;
    }

    private static void bindActivation(PreparedStatement insert, ActivationRecord r) throws SQLException {
        insert.setString(1, r.eventId().toString());
        insert.setLong(2, r.at().toEpochMilli());
        insert.setString(3, r.cmid().toString());
        insert.setString(4, r.appId().toString());
        insert.setString(5, r.skuId().toString());
        insert.setString(6, r.kmsId().toString());
        insert.setString(7, r.workstation());
        insert.setLong(8, r.licenseStatus());
        insert.setBoolean(9, r.virtualMachine());
        insert.setInt(10, r.protocolMajor());
        insert.setString(11, r.clientAddress());
        setOptional(insert, 12, r.epid().orElse(null));
        insert.setInt(13, r.hresult());
        insert.setLong(14, r.took().toNanos() / 1000);
    }

    private static void bindClient(PreparedStatement upsert, ClientUpdate update) throws SQLException {
        ActivationRecord r = update.newest();
        upsert.setString(1, r.cmid().toString());
        upsert.setString(2, r.appId().toString());
        upsert.setString(3, r.workstation());
        upsert.setString(4, r.skuId().toString());
        upsert.setString(5, r.kmsId().toString());
        upsert.setLong(6, r.licenseStatus());
        upsert.setBoolean(7, r.virtualMachine());
        upsert.setInt(8, r.protocolMajor());
        upsert.setString(9, r.clientAddress());
        upsert.setLong(10, update.firstSeen().toEpochMilli());
        upsert.setLong(11, update.lastSeen().toEpochMilli());
        upsert.setLong(12, update.requests());
        setOptional(upsert, 13, update.epid().orElse(null));
        upsert.setInt(14, r.hresult());
        upsert.setString(15, SearchText.fold(r.workstation()));
        if (update.newestWithEpid().isPresent()) {
            upsert.setLong(16, update.newestWithEpid().get().at().toEpochMilli());
        } else {
            upsert.setNull(16, Types.BIGINT);
        }
    }

    private static void setOptional(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /**
     * Inserts the client or updates it with a {@link ClientUpdate}: first and last seen widen, the request
     * count grows by the batch's requests, and the descriptive columns follow the newest request, stored or in
     * the batch (hosts sharing a database write out of order). The ePID follows the newest request that carries
     * one; the last parameter is that request's time.
     */
    private static String upsertClientSql(Dialect dialect) {
        StringBuilder sql = new StringBuilder("INSERT INTO clients (cmid, app_id, workstation, sku_id, kms_id,"
                + " license_status, virtual_machine, protocol_major, client_address, first_seen, last_seen, requests,"
                + " epid, last_hresult, workstation_fold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (cmid, app_id) DO UPDATE SET ");
        String newer = "excluded.last_seen >= clients.last_seen";
        for (String column : LATEST) {
            sql.append(column).append(" = CASE WHEN ").append(newer).append(" THEN excluded.").append(column)
                    .append(" ELSE clients.").append(column).append(" END, ");
        }
        sql.append("epid = CASE WHEN excluded.epid IS NOT NULL AND ? >= clients.last_seen THEN excluded.epid")
                .append(" ELSE clients.epid END, ")
                .append("first_seen = ").append(dialect.least("clients.first_seen", "excluded.first_seen")).append(", ")
                .append("last_seen = ").append(dialect.greatest("clients.last_seen", "excluded.last_seen")).append(", ")
                .append("requests = clients.requests + excluded.requests");
        return sql.toString();
    }

    /**
     * Rolls back and leaves the connection in auto-commit for the pool, keeping {@code cause} the error thrown.
     * After SQLITE_FULL, SQLite has already rolled the transaction back, so both steps fail with "no transaction
     * is active": thrown from a {@code finally}, that message used to replace the one that named the full disk.
     */
    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
