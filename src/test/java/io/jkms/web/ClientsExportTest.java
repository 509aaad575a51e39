package io.jkms.web;

import static io.jkms.web.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.jkms.catalog.Product;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code /api/clients.csv}: RFC 4180, read back by a CSV library, the same rows and values as the JSON API. */
class ClientsExportTest {
    private static final CsvMapper CSV = new CsvMapper();
    private final ObjectMapper json = new ObjectMapper();
    private final MemoryRegistry registry = new MemoryRegistry(Fixtures.CATALOG);
    private final Product win11 = Fixtures.product("Windows 11 Pro");
    private final Product office = Fixtures.product("Office LTSC Professional Plus 2024");

    static List<Map<String, String>> parse(byte[] csv) throws Exception {
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }

    private void seed(int machines) {
        for (int i = 0; i < machines; i++) {
            UUID cmid = new UUID(0x1111_2222_4333_8444L, i);
            String name = i == 3 ? "=HYPERLINK(\"x\",\"a,b\")" : i == 4 ? "LINE\r\nBREAK \"quoted\"" : "PC-" + i;
            registry.onActivation(Fixtures.activated(win11, cmid, name, NOW.minusSeconds(1000 - i)));
            if (i % 2 == 0) {
                registry.onActivation(Fixtures.refused(office, cmid, name, NOW.minusSeconds(900 - i)));
            }
        }
    }

    @Test
    void theCsvHoldsTheRowsOfTheApiWithTheSameFiltersAndValues() throws Exception {
        seed(30);
        WebApp app = Fixtures.app(registry, AccessControl.open());
        for (String filter : new String[] {"", "q=pc-1&sort=workstation&dir=asc", "q=office&sort=requests"}) {
            WebResponse csv = app.handle(WebRequest.get("/api/clients.csv?" + filter));
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.headers()).containsEntry("Content-Disposition", "attachment; filename=\"jkms-clients.csv\"");
            assertThat(csv.text()).as("RFC 4180 line ends").startsWith(String.join(",", ClientsExport.COLUMNS) + "\r\n");
            List<Map<String, String>> rows = parse(csv.body());
            JsonNode api = json.readTree(app.handle(WebRequest.get("/api/clients?size=200&" + filter)).text());
            assertThat(rows).as(filter).hasSize(api.get("total").asInt()).hasSize(api.get("rows").size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode expected = api.get("rows").get(i);
                for (String column : ClientsExport.COLUMNS) {
                    String want = expected.path(column).isMissingNode() ? "" : expected.path(column).asText();
                    assertThat(rows.get(i).get(column)).as("%s row %d %s", filter, i, column)
                            .isEqualTo(want.startsWith("=") ? "'" + want : want);
                }
            }
        }
    }

    @Test
    void aFormulaIsDefusedAndQuotesCommasAndLineBreaksSurvive() throws Exception {
        seed(6);
        List<Map<String, String>> rows = parse(Fixtures.app(registry, AccessControl.open())
                .handle(WebRequest.get("/api/clients.csv?sort=workstation&dir=asc")).body());
        assertThat(rows).extracting(r -> r.get("workstation")).contains("'=HYPERLINK(\"x\",\"a,b\")",
                "LINE\r\nBREAK \"quoted\"");
        assertThat(ClientsExport.field("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(ClientsExport.field("+1")).isEqualTo("'+1");
        assertThat(ClientsExport.field("plain")).isEqualTo("plain");
    }

    @Test
    @Tag("network")
    void overHttpTheExportIsStreamedInChunksAndHoldsEveryRow() throws Exception {
        seed(1300); // more than the registry's pages of 500 and the server's chunks of 16 KiB
        try (WebServer server = WebServer.start(new InetSocketAddress("127.0.0.1", 0),
                Fixtures.app(registry, AccessControl.open()))) {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.address().getPort()
                    + "/api/clients.csv").toURL().openConnection();
            c.setReadTimeout(60_000);
            assertThat(c.getResponseCode()).isEqualTo(200);
            assertThat(c.getHeaderField("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(c.getHeaderField("X-Content-Type-Options")).isEqualTo("nosniff");
            byte[] body;
            try (InputStream in = c.getInputStream()) {
                body = in.readAllBytes();
            }
            List<Map<String, String>> rows = parse(body);
            assertThat(rows).hasSize(1300 + 650);
            List<String> cmids = new ArrayList<>();
            rows.forEach(r -> cmids.add(r.get("cmid")));
            assertThat(cmids).contains(new UUID(0x1111_2222_4333_8444L, 1299).toString());
        }
    }
}
