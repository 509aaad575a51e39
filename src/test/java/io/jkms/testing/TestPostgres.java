package io.jkms.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema on the PostgreSQL server named by {@code JKMS_TEST_POSTGRES_URL}, dropped on close. Without
 * a reachable server the test is skipped, unless {@code JKMS_REQUIRE_POSTGRES=1} (CI), where it fails.
 */
public final class TestPostgres implements AutoCloseable {
    public static final String URL_VARIABLE = "JKMS_TEST_POSTGRES_URL";
    public static final String REQUIRE_VARIABLE = "JKMS_REQUIRE_POSTGRES";
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/?]+):(\\d+)(/[^?]*)(\\?.*)?");

    private final String baseUrl;
    private final String schema;

    private TestPostgres(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    public static TestPostgres create() {
        String url = System.getenv(URL_VARIABLE);
        boolean required = "1".equals(System.getenv(REQUIRE_VARIABLE));
        if (url == null || url.isBlank()) {
            if (required) {
                fail(REQUIRE_VARIABLE + "=1 but " + URL_VARIABLE + " is not set");
            }
            Assumptions.abort("no PostgreSQL for tests: set " + URL_VARIABLE + " (see .ci/postgres)");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (required) {
                fail(REQUIRE_VARIABLE + "=1 but PostgreSQL at " + URL_VARIABLE + " is unreachable: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL for tests unreachable: " + e.getMessage());
        }
        return new TestPostgres(url, schema);
    }

    /** The URL of this test's schema. */
    public String url() {
        return withSchema(baseUrl);
    }

    /** The URL of this test's schema, reached through another address (a proxy). */
    public String url(InetSocketAddress via) {
        Matcher m = matcher();
        return withSchema("jdbc:postgresql://" + via.getHostString() + ":" + via.getPort() + m.group(3)
                + (m.group(4) == null ? "" : m.group(4)));
    }

    public InetSocketAddress serverAddress() {
        Matcher m = matcher();
        return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    private Matcher matcher() {
        Matcher m = URL.matcher(baseUrl);
        if (!m.matches()) {
            throw new IllegalStateException(URL_VARIABLE + " is not jdbc:postgresql://HOST:PORT/DB[?...]: " + baseUrl);
        }
        return m;
    }

    private String withSchema(String url) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(baseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
