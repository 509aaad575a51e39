package io.jkms.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/** {@link RegistryReader} over JDBC, the same SQL for SQLite and PostgreSQL. Fails with {@link RegistryException}. */
final class JdbcRegistryReader implements RegistryReader {
    private static final Map<String, String> SORT_COLUMNS = Map.of("lastSeen", "last_seen", "firstSeen", "first_seen",
            "workstation", "workstation", "requests", "requests", "product", "sku_id", "address", "client_address");
    private static final String CLIENT_COLUMNS = "cmid, app_id, workstation, sku_id, kms_id, license_status,"
            + " virtual_machine, protocol_major, client_address, first_seen, last_seen, requests, epid, last_hresult";
    private static final String ACTIVATION_COLUMNS = "event_id, at, cmid, app_id, sku_id, kms_id, workstation,"
            + " license_status, virtual_machine, protocol_major, client_address, epid, hresult, took_micros";
    private static final String SEARCH = " WHERE (? = '' OR workstation_fold LIKE ? ESCAPE '!' OR cmid LIKE ?"
            + " ESCAPE '!' OR client_address LIKE ? ESCAPE '!' OR sku_id LIKE ? ESCAPE '!' OR kms_id LIKE ? ESCAPE '!')";

    private static final int EXPORT_FETCH = 500;

    private final DataSource dataSource;

    JdbcRegistryReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Page<ClientSummary> clients(ClientQuery query) {
        String order = SORT_COLUMNS.get(query.sort()) + (query.descending() ? " DESC" : " ASC");
        String sql = "SELECT " + CLIENT_COLUMNS + " FROM clients" + SEARCH + " ORDER BY " + order
                + ", cmid, app_id LIMIT ? OFFSET ?";
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM clients" + SEARCH)) {
                bindSearch(count, query.search());
                total = single(count);
            }
            List<ClientSummary> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int next = bindSearch(select, query.search());
                select.setInt(next, query.size());
                select.setLong(next + 1, (long) query.page() * query.size());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(client(rs));
                    }
                }
            }
            return new Page<>(rows, total, query.page(), query.size());
        } catch (SQLException e) {
            throw failed("list clients", e);
        }
    }

    /** One query, read in batches (PostgreSQL streams only outside auto-commit), whatever the table's size. */
    @Override
    public void forEachClient(ClientQuery query, java.util.function.Consumer<ClientSummary> action) {
        String order = SORT_COLUMNS.get(query.sort()) + (query.descending() ? " DESC" : " ASC");
        String sql = "SELECT " + CLIENT_COLUMNS + " FROM clients" + SEARCH + " ORDER BY " + order + ", cmid, app_id";
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setFetchSize(EXPORT_FETCH);
                bindSearch(select, query.search());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        action.accept(client(rs));
                    }
                }
            } finally {
                connection.rollback(); // read only: nothing to keep
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failed("export clients", e);
        }
    }

    @Override
    public Optional<ClientDetail> client(UUID cmid, int historyLimit) {
        try (Connection connection = dataSource.getConnection()) {
            List<ClientSummary> applications = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + CLIENT_COLUMNS
                    + " FROM clients WHERE cmid = ? ORDER BY last_seen DESC")) {
                select.setString(1, cmid.toString());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        applications.add(client(rs));
                    }
                }
            }
            if (applications.isEmpty()) {
                return Optional.empty();
            }
            List<ActivationRecord> history = activations(connection, "SELECT " + ACTIVATION_COLUMNS
                    + " FROM activations WHERE cmid = ? ORDER BY at DESC, event_id DESC LIMIT ?", cmid.toString(),
                    historyLimit);
            return Optional.of(new ClientDetail(cmid, applications, history));
        } catch (SQLException e) {
            throw failed("read client " + cmid, e);
        }
    }

    @Override
    public List<ActivationRecord> activations(Instant from, Instant to, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return activations(connection, "SELECT " + ACTIVATION_COLUMNS + " FROM activations WHERE at >= ? AND"
                    + " at < ? ORDER BY at DESC, event_id DESC LIMIT ?", from.toEpochMilli(), to.toEpochMilli(), limit);
        } catch (SQLException e) {
            throw failed("list activations", e);
        }
    }

    @Override
    public long distinctClients(UUID kmsId, Instant since) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(DISTINCT cmid) FROM clients WHERE kms_id = ? AND last_seen >= ?")) {
            count.setString(1, kmsId.toString());
            count.setLong(2, since.toEpochMilli());
            return single(count);
        } catch (SQLException e) {
            throw failed("count clients", e);
        }
    }

    @Override
    public RegistryStats stats(Instant since) {
        long from = since.toEpochMilli();
        try (Connection connection = dataSource.getConnection()) {
            TreeMap<String, Long> perDay = new TreeMap<>();
            groups(connection, "SELECT at / 86400000, COUNT(*) FROM activations WHERE at >= ? AND hresult = 0"
                    + " GROUP BY at / 86400000", from, (key, n) -> perDay.put(
                            LocalDate.ofEpochDay(Long.parseLong(key)).toString(), n));
            Map<UUID, Long> byKmsId = new HashMap<>();
            groups(connection, "SELECT kms_id, COUNT(*) FROM activations WHERE at >= ? AND hresult = 0"
                    + " GROUP BY kms_id", from, (key, n) -> byKmsId.put(UUID.fromString(key), n));
            Map<Integer, Long> byHresult = new HashMap<>();
            groups(connection, "SELECT hresult, COUNT(*) FROM activations WHERE at >= ? AND hresult <> 0"
                    + " GROUP BY hresult", from, (key, n) -> byHresult.put(Integer.parseInt(key), n));
            Map<UUID, Long> clientsByKmsId = new HashMap<>();
            groups(connection, "SELECT kms_id, COUNT(DISTINCT cmid) FROM clients WHERE last_seen >= ?"
                    + " GROUP BY kms_id", from, (key, n) -> clientsByKmsId.put(UUID.fromString(key), n));
            return new RegistryStats(perDay, byKmsId, byHresult, clientsByKmsId);
        } catch (SQLException e) {
            throw failed("compute statistics", e);
        }
    }

    private interface GroupSink {
        void accept(String key, long count);
    }

    private static void groups(Connection connection, String sql, long since, GroupSink sink) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, since);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getString(1), rs.getLong(2));
                }
            }
        }
    }

    private static List<ActivationRecord> activations(Connection connection, String sql, Object... parameters)
            throws SQLException {
        List<ActivationRecord> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    records.add(new ActivationRecord(UUID.fromString(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                            UUID.fromString(rs.getString(3)), UUID.fromString(rs.getString(4)),
                            UUID.fromString(rs.getString(5)), UUID.fromString(rs.getString(6)), rs.getString(7),
                            rs.getLong(8), rs.getBoolean(9), rs.getInt(10), rs.getString(11),
                            Optional.ofNullable(rs.getString(12)), rs.getInt(13), Duration.ofNanos(rs.getLong(14) * 1000)));
                }
            }
        }
        return records;
    }

    private static ClientSummary client(ResultSet rs) throws SQLException {
        return new ClientSummary(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)), rs.getString(3),
                UUID.fromString(rs.getString(4)), UUID.fromString(rs.getString(5)), rs.getLong(6), rs.getBoolean(7),
                rs.getInt(8), rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)), Instant.ofEpochMilli(rs.getLong(11)),
                rs.getLong(12), Optional.ofNullable(rs.getString(13)), rs.getInt(14));
    }

    /** Binds the search pattern to the placeholders of {@link #SEARCH}; returns the next parameter index. */
    private static int bindSearch(PreparedStatement statement, String search) throws SQLException {
        String text = SearchText.fold(search.trim());
        String pattern = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        statement.setString(1, text);
        for (int i = 2; i <= 6; i++) {
            statement.setString(i, pattern);
        }
        return 7;
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static RegistryException failed(String what, SQLException e) {
        return new RegistryException("registry: cannot " + what + ": " + e.getMessage(), e);
    }
}
