package io.jkms.web;

import static io.jkms.web.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jkms.catalog.Product;
import io.jkms.dns.DnsPublishStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every JSON answer of the dashboard, byte for byte, against the files in {@code golden/}: the API's shape (field
 * names, order, nulls, omitted fields, pretty printing) is what scripts parse. The files were written by the
 * dashboard before its JSON came from records, so this pins that nothing changed. A missing or different file
 * fails, with what was produced written to {@code target/golden-actual/} for review.
 */
class JsonGoldenTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>\"'&\u202E";
    final MemoryRegistry registry = new MemoryRegistry(Fixtures.CATALOG);
    final Product win11 = Fixtures.product("Windows 11 Pro");
    final Product office = Fixtures.product("Office LTSC Professional Plus 2024");
    final UUID alice = UUID.fromString("11111111-2222-4333-8444-555555555555");
    final UUID evil = UUID.fromString("66666666-2222-4333-8444-555555555555");

    JsonGoldenTest() {
        registry.onActivation(Fixtures.activated(win11, alice, "ALICE-PC", NOW.minusSeconds(86400 * 3)));
        registry.onActivation(Fixtures.activated(win11, alice, "ALICE-PC", NOW.minusSeconds(60)));
        registry.onActivation(Fixtures.activated(office, alice, "ALICE-PC", NOW.minusSeconds(50)));
        registry.onActivation(Fixtures.refused(office, evil, HOSTILE, NOW.minusSeconds(40)));
    }

    WebApp app() {
        return Fixtures.app(registry, AccessControl.open());
    }

    WebApp named() {
        HostStatus h = Fixtures.host("kms.example.org");
        DnsPublishStatus dns = new DnsPublishStatus(true, Optional.of("_vlmcs._tcp.example.org. 3600 IN SRV 0 0 1688 "
                + "kms.example.org."), false, 2, Optional.of("REFUSED from 127.0.0.1"), Optional.of(NOW.minusSeconds(7)));
        return Fixtures.app(registry, AccessControl.open(), new HostStatus(h.kmsAddresses(), h.openConnections(),
                h.identity(), h.started(), h.publicName(), h.version(), () -> dns));
    }

    @Test
    void overview() throws IOException {
        golden("overview", app().handle(WebRequest.get("/api/overview")));
    }

    @Test
    void clients() throws IOException {
        golden("clients", app().handle(WebRequest.get("/api/clients?sort=workstation&dir=asc&q=")));
        golden("clients-search", app().handle(WebRequest.get("/api/clients?q=alice&size=1&page=2")));
    }

    @Test
    void clientDetail() throws IOException {
        golden("client-detail", app().handle(WebRequest.get("/api/clients/" + alice)));
        golden("client-detail-refused", app().handle(WebRequest.get("/api/clients/" + evil)));
    }

    @Test
    void products() throws IOException {
        golden("products-unnamed", app().handle(WebRequest.get("/api/products?q=windows+11+pro")));
        golden("products-named", named().handle(WebRequest.get("/api/products?q=2024&family=office")));
        golden("products-not-activatable", named().handle(WebRequest.get("/api/products?q=azure")));
    }

    @Test
    void health() throws IOException {
        golden("health", app().handle(WebRequest.get("/api/health")));
        golden("health-dns", named().handle(WebRequest.get("/api/health")));
    }

    @Test
    void errors() throws IOException {
        golden("error-400", app().handle(WebRequest.get("/api/clients?sort=x")));
        golden("error-404", app().handle(WebRequest.get("/api/clients/" + UUID.randomUUID())));
        golden("error-401", Fixtures.app(registry, AccessControl.requiring(Fixtures.TOKEN))
                .handle(WebRequest.get("/api/overview")));
    }

    @Test
    void export() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        new ClientsExport(registry, Fixtures.CATALOG).json(ClientsParams.from(Query.parse("/?sort=workstation"))
                .toQuery(), out);
        golden("export", new WebResponse(200, WebResponse.JSON, out.toByteArray(), java.util.Map.of()));
    }

    static void golden(String name, WebResponse response) throws IOException {
        assertThat(response.contentType()).as(name).isEqualTo(WebResponse.JSON);
        String actual = response.text();
        try (InputStream in = JsonGoldenTest.class.getResourceAsStream("golden/" + name + ".json")) {
            String expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!actual.equals(expected)) {
                Path written = Path.of("target", "golden-actual", name + ".json");
                Files.createDirectories(written.getParent());
                Files.writeString(written, actual);
                if (expected == null) {
                    fail("no golden file for " + name + ": review " + written + " and copy it to golden/");
                }
                assertThat(actual).as(name + " (also in " + written + ")").isEqualTo(expected);
            }
        }
    }
}
