package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.jkms.catalog.Catalog;
import io.jkms.activation.ActivationEvent;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.ProtocolVersion;
import io.jkms.wire.Bytes;
import java.net.InetSocketAddress;
import io.jkms.registry.Registry;
import io.jkms.registry.RegistrySettings;
import io.jkms.testing.TestPostgres;
import io.jkms.web.ClientsExport;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jkms clients} reads a real registry (SQLite file, PostgreSQL) and prints every client as CSV or JSON. */
@Tag("database")
class ClientsCommandTest {
    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final UUID WINDOWS = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    private static final UUID PRO = UUID.fromString("2de67392-b7a7-462a-b1ca-108dd189f588");
    private static final UUID PRO_KMS = UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148");
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    @TempDir
    Path dir;

    record Run(int code, byte[] out, String err) {
    }

    static Run clients(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ClientsCommand(() -> CATALOG, Map.of(), out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toByteArray(), err.toString());
    }

    static void fill(RegistrySettings settings, int machines) throws Exception {
        // A clock just after the records: the retention sweep at start must not depend on today's date.
        Clock clock = Clock.fixed(T0.plus(Duration.ofDays(1)), java.time.ZoneOffset.UTC);
        try (Registry registry = Registry.open(settings, clock, RandomGenerator.getDefault())) {
            for (int i = 0; i < machines; i++) {
                Instant at = T0.plusSeconds(i);
                KmsRequest q = new KmsRequest(ProtocolVersion.V6, i % 2, 2, 43200, WINDOWS, PRO, PRO_KMS,
                        new UUID(7, i), 25, FileTime.fromInstant(at), new UUID(0, 0), i == 1 ? "LAB, \"B\"" : "ws-" + i);
                KmsResponse r = new KmsResponse(q.version(), "03612-00206-556-123727-03-1033-26100.0000-3082024",
                        q.cmid(), q.clientTime(), 50, 120, 10080, Bytes.fromHex("3A1C049600B60076"));
                registry.writer().onActivation(new ActivationEvent(at, new InetSocketAddress("10.0.0." + (i % 250),
                        50000), Optional.of(q), Optional.of(r), 0, "activated", Duration.ofMillis(1)));
            }
            registry.writer().flush().get(1, TimeUnit.MINUTES);
        }
    }

    private void exportsEveryClientAsCsvAndJson(String... where) throws Exception {
        List<String> csvArgs = new ArrayList<>(List.of(where));
        csvArgs.addAll(List.of("--csv", "--sort", "workstation", "--dir", "asc"));
        Run csv = clients(csvArgs.toArray(String[]::new));
        assertThat(csv.code()).as(csv.err()).isZero();
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.out())) {
            rows = it.readAll();
        }
        assertThat(rows).hasSize(620);
        assertThat(rows.get(0).keySet()).containsExactlyElementsOf(ClientsExport.COLUMNS);
        assertThat(rows.get(0)).containsEntry("workstation", "LAB, \"B\"").containsEntry("product", "Windows 10/11 Pro")
                .containsEntry("licenseStatus", "2").containsEntry("protocol", "6").containsEntry("lastResult",
                        "activated");
        List<String> jsonArgs = new ArrayList<>(List.of(where));
        jsonArgs.addAll(List.of("--json", "--sort", "workstation", "--dir", "asc"));
        JsonNode json = new ObjectMapper().readTree(clients(jsonArgs.toArray(String[]::new)).out());
        assertThat(json).hasSize(620);
        for (int i = 0; i < rows.size(); i += 37) {
            for (String column : ClientsExport.COLUMNS) {
                assertThat(rows.get(i).get(column)).as("row %d %s", i, column)
                        .isEqualTo(json.get(i).path(column).asText());
            }
        }
        List<String> search = new ArrayList<>(List.of(where));
        search.addAll(List.of("-q", "ws-61"));
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(clients(search.toArray(String[]::new)).out())) {
            assertThat(it.readAll()).extracting(r -> r.get("workstation")).containsExactlyInAnyOrder("ws-61", "ws-610",
                    "ws-611", "ws-612", "ws-613", "ws-614", "ws-615", "ws-616", "ws-617", "ws-618", "ws-619");
        }
    }

    @Test
    void exportsAnSqliteRegistry() throws Exception {
        fill(RegistrySettings.sqlite(dir), 620);
        exportsEveryClientAsCsvAndJson("--data-dir", dir.toString());
    }

    @Test
    void exportsAPostgresqlRegistry() throws Exception {
        try (TestPostgres postgres = TestPostgres.create()) {
            fill(RegistrySettings.sqlite(dir).withDatabase(postgres.url()), 620);
            exportsEveryClientAsCsvAndJson("--database", postgres.url());
        }
    }

    @Test
    void aMissingRegistryOrBadOptionsSayWhatIsWrongAndCreateNothing() {
        Run missing = clients("--data-dir", dir.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(ClientsCommand.UNREADABLE);
        assertThat(missing.err()).contains("no client registry at", "registry.db");
        assertThat(dir.resolve("nowhere")).doesNotExist();
        assertThat(clients("--data-dir", dir.toString(), "--sort", "drop").code()).isEqualTo(2);
        assertThat(clients("--database", "jdbc:mysql://x/y").code()).isEqualTo(2);
        assertThat(clients("--csv", "--json").code()).isEqualTo(2);
    }
}
