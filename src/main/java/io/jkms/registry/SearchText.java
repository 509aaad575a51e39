package io.jkms.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The case fold the clients search compares: workstation names are stored folded ({@code workstation_fold}) and
 * the search text is folded the same way, so that the search ignores case beyond ASCII on SQLite (whose lower()
 * and LIKE fold A-Z only) exactly as on PostgreSQL (whose lower() depends on the database's locale).
 */
final class SearchText {
    private static final int BATCH = 1000;

    private SearchText() {
    }

    /**
     * Simple case folding, one code point at a time: upper then lower case, so that Ä and ä, Σ, σ and the final ς
     * all meet; the length in code points never changes (no locale, no context).
     */
    static String fold(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> b.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return b.toString();
    }

    /**
     * Folds the names that the V4 migration could not fold in SQL (those beyond ASCII), in batches; called once
     * when the registry opens, before the writer starts.
     *
     * @return the rows folded
     */
    static int backfill(DataSource dataSource) throws SQLException {
        int folded = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT cmid, app_id, workstation FROM clients"
                     + " WHERE workstation_fold IS NULL LIMIT " + BATCH);
             PreparedStatement update = connection.prepareStatement("UPDATE clients SET workstation_fold = ?"
                     + " WHERE cmid = ? AND app_id = ?")) {
            for (int round = 0; round < 100_000; round++) { // 100 million rows: far more than any registry
                List<String[]> rows = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
                if (rows.isEmpty()) {
                    break;
                }
                for (String[] row : rows) {
                    update.setString(1, fold(row[2]));
                    update.setString(2, row[0]);
                    update.setString(3, row[1]);
                    update.addBatch();
                }
                update.executeBatch();
                folded += rows.size();
            }
        }
        return folded;
    }
}
