package io.jkms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of the model, from each of its three sources (flag, TOML file, environment), and each refusing a bad
 * value by key, value, source and what is allowed. An option added to {@link ServeOptions} without a row here fails
 * {@link #everyOptionHasARow()}.
 */
class ServeOptionsTest {
    /** A value unlike the default, a value refused (null: every text is accepted) and words the refusal uses. */
    private record Row(String key, String good, String bad, String allowed) {
        @Override
        public String toString() {
            return key;
        }
    }

    private static final String NUL = "a\u0000b";
    private static final List<Row> ROWS = List.of(
            new Row("listen", "127.0.0.1:1700", "kms.example.org", "IPv4 or IPv6 literal"),
            new Row("allow", "10.0.0.0/8", "10.0.0.0/99", "CIDR notation"),
            new Row("deny", "fd00::/8", "fd00::/200", "CIDR notation"),
            new Row("private-only", "yes", "maybe", "true or false"),
            new Row("idle-timeout", "2m", "601", "1 to 600 seconds"),
            new Row("read-timeout", "20", "0", "1 to 600 seconds"),
            new Row("first-byte-timeout", "1500ms", "10 minutes", "suffix ms, s, m, h, d or w"),
            new Row("write-timeout", "5s", "601s", "1 to 600 seconds"),
            new Row("max-connection-time", "1h", "2d", "1 to 86400 seconds"),
            new Row("max-connections", "5", "0", "a whole number from 1 to 1000000"),
            new Row("max-connections-per-address", "0", "-1", "a whole number from 0 to 1000000"),
            new Row("connection-rate", "5", "many", "a whole number from 0 to 1000000"),
            new Row("connection-burst", "5", "0", "a whole number from 1 to 1000000"),
            new Row("max-pdus-per-connection", "5", "0", "a whole number from 1 to 100000000"),
            new Row("max-queued-bytes", "2048", "512", "a whole number from 1024 to 16777216"),
            new Row("max-pdu-size", "4096", "100", "a whole number from 1432 to 65535"),
            new Row("max-contexts-per-bind", "2", "256", "a whole number from 1 to 255"),
            new Row("max-fragments-per-request", "2", "65", "a whole number from 1 to 64"),
            new Row("threads", "2", "257", "a whole number from 0 to 256"),
            new Row("io", "nio", "kqueue", "auto, io_uring, epoll or nio"),
            new Row("activation-interval", "3h", "5", "15 to 43200 minutes"),
            new Row("renewal-interval", "3d", "31d", "15 to 43200 minutes"),
            new Row("client-count", "7", "genuine", "'charged', 'real' or a number from 0 to 10000"),
            new Row("whitelist", "2", "4", "a whole number from 0 to 3"),
            new Row("client-time-check", "on", "sometimes", "true or false"),
            new Row("epid", "Windows=03612-00206-556-123727-03-1033-26100.0000-3082024", "Windows=hello",
                    "a well-formed ePID"),
            new Row("hwid", "3A1C049600B60076", "12", "16 hex digits"),
            new Row("lcid", "1031", "0", "a whole number from 1 to 65535"),
            new Row("host-build", "9600", "100", "a whole number from 2600 to 99999"),
            new Row("ndr64", "false", "sometimes", "auto, true or false"),
            new Row("btfn", "false", "maybe", "true or false"),
            new Row("catalog", "/etc/jkms/catalog.json", NUL, "a file path"),
            new Row("data-dir", "/var/lib/jkms", NUL, "a directory path"),
            new Row("registry", "off", "maybe", "true or false"),
            new Row("database", "jdbc:postgresql://db.example/jkms", "jdbc:mysql://db.example/jkms",
                    "a PostgreSQL JDBC URL"),
            new Row("database-user", "kms", null, null),
            new Row("database-password", "s3cret", null, null),
            new Row("retention", "13w", "0", "1 to 3650 days"),
            new Row("registry-queue", "5000", "10", "a whole number from 100 to 10000000"),
            new Row("flush-interval", "250", "5m", "10ms to 60s"),
            new Row("web", "127.0.0.1:9090", "localhost:80", "IPv4 or IPv6 literal"),
            new Row("public-name", "kms.example.org", "a b", "HOST[:PORT]"),
            new Row("web-token", "0123456789abcdefXYZ", "short", "16 to 256"),
            new Row("web-require-token", "true", "maybe", "true or false"),
            new Row("web-tls-cert", "/etc/jkms/cert.pem", NUL, "a file path"),
            new Row("web-tls-key", "/etc/jkms/key.pem", NUL, "a file path"),
            new Row("web-allowed-hosts", "kms.example.org", "kms.example.org:80", "without a port"),
            new Row("web-max-connections", "5", "0", "a whole number from 1 to 100000"),
            new Row("web-max-connections-per-address", "5", "-1", "a whole number from 0 to 100000"),
            new Row("web-request-timeout", "20", "0", "1 to 600 seconds"),
            new Row("web-idle-timeout", "1h", "2h", "1 to 3600 seconds"),
            new Row("dns-publish", "corp.example", "corp example", "a DNS name"),
            new Row("dns-server", "[::1]:5353", "ns1:0", "HOST:PORT"),
            new Row("dns-tsig-key", "/etc/jkms/tsig.key", NUL, "a file path"),
            new Row("dns-target", "kms1.corp.example", "kms_1.corp.example;", "a DNS name"),
            new Row("dns-priority", "3", "-1", "a whole number from 0 to 65535"),
            new Row("dns-weight", "3", "65536", "a whole number from 0 to 65535"),
            new Row("dns-ttl", "2h", "8d", "0s to 7d"),
            new Row("dns-refresh", "1h", "0s", "1s to 30d"),
            new Row("dns-retry", "1m", "2h", "100ms to 1h"),
            new Row("log-level", "debug", "loud", "error, warn, info, debug or trace"),
            new Row("log-format", "json", "xml", "text or json"),
            new Row("log-file", "/var/log/jkms/jkms.log", "/", "a file path"),
            new Row("log-file-max-size", "20MB", "10TB", "a size from 1KB to 10GB"),
            new Row("log-file-max-history", "3", "0", "a whole number from 1 to 3650"),
            new Row("log-file-total-size", "2GB", "1", "a size from 1KB to 1000GB"));

    @TempDir
    Path dir;

    static Stream<Row> rows() {
        return ROWS.stream();
    }

    static Stream<Row> refusable() {
        return ROWS.stream().filter(row -> row.bad() != null);
    }

    @Test
    void everyOptionHasARow() {
        Set<String> model = new TreeSet<>();
        ServeOptions.model().options().forEach(option -> model.add(ServeOptions.key(option)));
        model.remove("config"); // names the file; tested by every file row below
        Set<String> covered = new TreeSet<>();
        ROWS.forEach(row -> covered.add(row.key()));
        assertThat(covered).isEqualTo(model);
    }

    @ParameterizedTest
    @MethodSource("rows")
    void theFlagTheFileAndTheEnvironmentEachSetTheOption(Row row) throws Exception {
        Object unset = value(row.key(), List.of(), Map.of());
        Object flag = value(row.key(), List.of("--" + row.key(), row.good()), Map.of());
        Path file = Files.writeString(dir.resolve("jkms.toml"), toml(row.key().replace('-', '_'), row));
        Object fromFile = value(row.key(), List.of("--config", file.toString()), Map.of());
        Object env = value(row.key(), List.of(), Map.of(ConfigSources.environmentVariable(row.key()), row.good()));
        assertThat(flag).as("flag").isNotNull().isNotEqualTo(unset);
        assertThat(fromFile).as("file").isEqualTo(flag);
        assertThat(env).as("environment").isEqualTo(flag);
    }

    @ParameterizedTest
    @MethodSource("rows")
    void theFileWinsOverTheEnvironmentAndTheFlagOverBoth(Row row) throws Exception {
        Path file = Files.writeString(dir.resolve("jkms.toml"), toml(row.key(), row));
        Map<String, String> env = Map.of(ConfigSources.environmentVariable(row.key()), row.good());
        Object fromFile = value(row.key(), List.of("--config", file.toString()), env);
        assertThat(origin(row.key(), List.of("--config", file.toString()), env).source())
                .isEqualTo("config file " + file);
        assertThat(origin(row.key(), List.of("--config", file.toString(), "--" + row.key(), row.good()), env).source())
                .isEqualTo("--" + row.key());
        assertThat(origin(row.key(), List.of(), env).source()).isEqualTo(ConfigSources.environmentVariable(row.key()));
        assertThat(fromFile).isEqualTo(value(row.key(), List.of("--" + row.key(), row.good()), Map.of()));
    }

    @ParameterizedTest
    @MethodSource("refusable")
    void aBadValueNamesKeyValueSourceAndWhatIsAllowed(Row row) throws Exception {
        String env = ConfigSources.environmentVariable(row.key());
        Path file = dir.resolve("jkms.toml");
        Files.writeString(file, toml(row.key(), new Row(row.key(), row.bad(), null, null)));
        Map<String, List<String>> flagsBySource = new LinkedHashMap<>();
        flagsBySource.put("--" + row.key(), List.of("--" + row.key(), row.bad()));
        flagsBySource.put("config file " + file, List.of("--config", file.toString()));
        flagsBySource.put(env, List.of());
        for (Map.Entry<String, List<String>> source : flagsBySource.entrySet()) {
            Map<String, String> environment = source.getKey().equals(env) ? Map.of(env, row.bad()) : Map.of();
            String shown = row.key().equals("web-token") ? "(hidden)" : row.bad();
            assertThatThrownBy(() -> ServeConfiguration.read(source.getValue(), environment)).as(source.getKey())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("invalid value '" + shown + "' for " + row.key() + " (from "
                            + source.getKey() + "): allowed ")
                    .hasMessageContaining(row.allowed());
        }
    }

    @Test
    void everyDescriptionEndsWithItsDefaultAndItsVariable() {
        List<String> wrong = new ArrayList<>();
        for (OptionSpec option : ServeOptions.model().options()) {
            String[] description = option.description();
            String variable = ConfigSources.environmentVariable(ServeOptions.key(option));
            String expected = (option.defaultValue() == null ? "" : "Default: " + option.defaultValue() + ". ")
                    + "Env: " + variable + (option.isMultiValue() ? " (a comma-separated list)." : ".");
            if (description.length != 2 || !description[1].equals(expected)) {
                wrong.add(option.longestName() + ": " + String.join(" | ", description));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String toml(String key, Row row) {
        String quoted = "\"" + row.good().replace("\\", "\\\\").replace("\u0000", "\\u0000").replace("\"", "\\\"")
                + "\"";
        boolean list = Objects.requireNonNull(ServeOptions.model().findOption("--" + row.key())).isMultiValue();
        return key + " = " + (list ? "[" + quoted + "]" : quoted) + "\n";
    }

    private static Object value(String key, List<String> flags, Map<String, String> env) {
        return ServeConfiguration.parse(flags, env).spec().findOption("--" + key).getValue();
    }

    private static ConfigValue origin(String key, List<String> flags, Map<String, String> env) {
        ServeConfiguration.Reading reading = ServeConfiguration.parse(flags, env);
        return reading.origin().apply(reading.spec().findOption("--" + key));
    }
}
