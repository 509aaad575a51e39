package io.jkms.web;

import static io.jkms.web.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jkms.catalog.Product;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages and the JSON API over an in-memory registry, without a socket. */
class WebAppTest {
    static final String HOSTILE = "<script>alert(1)</script>\"'&";
    final ObjectMapper json = new ObjectMapper();
    final MemoryRegistry registry = new MemoryRegistry(Fixtures.CATALOG);
    final Product win11 = Fixtures.product("Windows 11 Pro");
    final Product office = Fixtures.product("Office LTSC Professional Plus 2024");
    final UUID alice = UUID.fromString("11111111-2222-4333-8444-555555555555");
    final UUID evil = UUID.fromString("66666666-2222-4333-8444-555555555555");
    WebApp app;

    @BeforeEach
    void seed() {
        registry.onActivation(Fixtures.activated(win11, alice, "ALICE-PC", NOW.minusSeconds(86400 * 3)));
        registry.onActivation(Fixtures.activated(win11, alice, "ALICE-PC", NOW.minusSeconds(60)));
        registry.onActivation(Fixtures.activated(office, alice, "ALICE-PC", NOW.minusSeconds(50)));
        registry.onActivation(Fixtures.refused(office, evil, HOSTILE, NOW.minusSeconds(40)));
        app = Fixtures.app(registry, AccessControl.open());
    }

    WebResponse get(String uri) {
        return app.handle(WebRequest.get(uri));
    }

    @Test
    void overviewCountsTodayWeekAndMonthAndListsErrorsAndLatest() throws Exception {
        JsonNode overview = json.readTree(get("/api/overview").text());
        assertThat(overview.get("today").asLong()).isEqualTo(2);
        assertThat(overview.get("last7Days").asLong()).isEqualTo(3);
        assertThat(overview.get("refusals30Days").asLong()).isEqualTo(1);
        assertThat(overview.get("errors").get(0).get("hresult").asText()).isEqualTo("0xC004F042");
        assertThat(overview.get("latest")).hasSize(4);
        assertThat(overview.get("clientsByFamily").get("Windows client").asLong()).isEqualTo(1);
        assertThat(get("/").text()).contains("<svg class=\"chart\"", "Latest activations", "ALICE-PC");
    }

    @Test
    void workstationNamesFromTheNetworkAreEscapedEverywhere() {
        for (String uri : new String[] {"/", "/clients", "/clients/" + evil, "/clients?q=%3Cscript"}) {
            String html = get(uri).text();
            assertThat(html).as(uri).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void clientsAreSearchedSortedAndPaged() throws Exception {
        JsonNode all = json.readTree(get("/api/clients?sort=workstation&dir=asc").text());
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("rows").get(0).get("workstation").asText()).isEqualTo(HOSTILE);
        JsonNode search = json.readTree(get("/api/clients?q=alice&size=1&page=2").text());
        assertThat(search.get("total").asLong()).isEqualTo(2);
        assertThat(search.get("pages").asLong()).isEqualTo(2);
        assertThat(search.get("rows")).hasSize(1);
        String page = get("/clients?q=alice&size=1").text();
        assertThat(page).contains("Page 1 of 2", "rel=\"next\" href=\"/clients?q=alice&amp;sort=lastSeen&amp;dir=desc"
                + "&amp;page=2&amp;size=1\"");
    }

    @Test
    void clientDetailShowsEveryApplicationAndTheHistory() throws Exception {
        JsonNode detail = json.readTree(get("/api/clients/" + alice).text());
        assertThat(detail.get("applications")).hasSize(2);
        assertThat(detail.get("history")).hasSize(3);
        assertThat(get("/clients/" + alice).text()).contains("ALICE-PC", win11.name(), office.name());
        assertThat(get("/clients/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(get("/api/clients/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void productsAreFilteredAndCarryTheScriptCommandsForThePublicName() throws Exception {
        WebApp named = Fixtures.app(registry, AccessControl.open(), Fixtures.host("kms.example.org"));
        JsonNode products = json.readTree(named.handle(
                WebRequest.get("/api/products?q=windows+11+pro&family=windows-client")
                        .withHeader("Host", "127.0.0.1:8080")).text());
        assertThat(products.get("kmsHost").asText()).isEqualTo("kms.example.org:1688");
        assertThat(products.get("products")).isNotEmpty().allSatisfy(p -> {
            assertThat(p.get("name").asText()).contains("Pro");
            assertThat(p.get("family").asText()).isEqualTo("windows-client");
        });
        JsonNode first = products.get("products").get(0);
        assertThat(first.get("command").asText()).startsWith("jkms script --host kms.example.org:1688 --product \"");
        assertThat(first.get("script").asText()).contains("slmgr /skms kms.example.org:1688");
        // A Host that no name could be is answered only where a token protects the dashboard, and never shown.
        String html = Fixtures.app(registry, AccessControl.requiring(Fixtures.TOKEN), Fixtures.host("kms.example.org"))
                .handle(WebRequest.get("/products?q=office").withHeader("Host", "<evil>")
                        .withHeader("Authorization", "Bearer " + Fixtures.TOKEN)).text();
        assertThat(html).contains("<code id=\"kms-host\">kms.example.org:1688</code>").doesNotContain("<evil>");
        JsonNode v6 = json.readTree(Fixtures.app(registry, AccessControl.open(), Fixtures.host("[fd00::5]:1700"))
                .handle(WebRequest.get("/api/products?q=windows+11+pro")).text());
        assertThat(v6.get("kmsHost").asText()).isEqualTo("[fd00::5]:1700");
    }

    @Test
    void withoutAPublicNameTheProductsPageAsksForOneInsteadOfOfferingLoopback() throws Exception {
        JsonNode products = json.readTree(app.handle(WebRequest.get("/api/products?q=windows+11+pro")
                .withHeader("Host", "127.0.0.1:8080")).text());
        assertThat(products.get("kmsHost").isNull()).isTrue();
        assertThat(products.get("scriptsNeed").asText()).contains("--public-name");
        assertThat(products.get("products")).isNotEmpty().allSatisfy(p -> assertThat(p.has("command")).isFalse());
        String html = app.handle(WebRequest.get("/products").withHeader("Host", "127.0.0.1:8080")).text();
        assertThat(html).contains("id=\"scripts-need-name\"", "--public-name HOST[:PORT]")
                .doesNotContain("jkms script --host", "127.0.0.1:1688", "slmgr /skms");
    }

    @Test
    void healthShowsThePublicNameOrThatItIsMissing() throws Exception {
        WebApp named = Fixtures.app(registry, AccessControl.open(), Fixtures.host("kms.example.org:1700"));
        assertThat(json.readTree(named.handle(WebRequest.get("/api/health")).text()).get("publicName").asText())
                .isEqualTo("kms.example.org:1700");
        assertThat(named.handle(WebRequest.get("/health")).text())
                .contains("<dd id=\"public-name\"><code>kms.example.org:1700</code>");
        assertThat(json.readTree(get("/api/health").text()).get("publicName").isNull()).isTrue();
        assertThat(get("/health").text()).contains("not set: the dashboard offers no scripts");
    }

    @Test
    void theClientsTableShowsLicenceStatusVmAndProtocolAndLinksTheCsv() {
        String html = get("/clients?q=alice&sort=workstation").text();
        assertThat(html).contains("<th>Licence status</th><th>VM</th><th>Protocol</th><th>Last result</th>",
                "<td>initial grace</td><td>no</td><td>V6</td>",
                "href=\"/api/clients.csv?q=alice&amp;sort=workstation&amp;dir=asc\"");
        assertThat(Views.licenseStatus(1)).isEqualTo("licensed");
        assertThat(Views.licenseStatus(99)).isEqualTo("status 99");
    }

    @Test
    void everyPageHasTheVersionAndALogoutFormOnlyWithASession() {
        for (String uri : new String[] {"/", "/clients", "/products", "/health", "/clients/" + alice}) {
            String open = get(uri).text();
            assertThat(open).as(uri).contains("<footer><span class=\"muted\" id=\"version\">jkms 1.2.3-test</span>")
                    .doesNotContain("action=\"/logout\"");
        }
        String token = "a-token-of-20-chars!";
        WebApp locked = Fixtures.app(registry, AccessControl.requiring(token));
        String session = locked.handle(new WebRequest("POST", "/login", java.util.Map.of(), "token=" + token))
                .headers().get("Set-Cookie").split(";", 2)[0];
        String withSession = locked.handle(WebRequest.get("/clients").withHeader("Cookie", session)).text();
        assertThat(withSession).contains("<form method=\"post\" action=\"/logout\" class=\"logout\">",
                "jkms 1.2.3-test");
        String bearer = locked.handle(WebRequest.get("/clients").withHeader("Authorization", "Bearer " + token)).text();
        assertThat(bearer).as("a script's bearer token is no session").doesNotContain("action=\"/logout\"");
        assertThat(get("/api/clients").text()).doesNotContain("<footer>");
    }

    @Test
    void hostileQueryParametersAreRefusedWith400() {
        for (String uri : new String[] {"/api/clients?sort=drop+table", "/api/clients?page=0", "/api/clients?size=501",
            "/api/clients?page=99999999999", "/api/clients?dir=sideways", "/api/clients?q=%ZZ", "/clients?q=a&q=b",
            "/api/products?family=linux", "/api/clients?q=" + "x".repeat(101), "/clients?q=%00"}) {
            WebResponse response = get(uri);
            assertThat(response.status()).as(uri).isEqualTo(400);
        }
        assertThat(get("/api/clients?sort=x").text()).contains("\"error\"");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        WebResponse response = get("/clients");
        assertThat(response.headers()).containsEntry("X-Content-Type-Options", "nosniff")
                .containsKey("Content-Security-Policy");
        assertThat(get("/nope").status()).isEqualTo(404);
        assertThat(app.handle(new WebRequest("DELETE", "/clients", java.util.Map.of(), "")).status()).isEqualTo(405);
    }

    @Test
    void healthShowsReadinessRegistryAndEpids() throws Exception {
        JsonNode health = json.readTree(get("/api/health").text());
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("openConnections").asInt()).isEqualTo(3);
        assertThat(health.get("epids")).isNotEmpty();
        assertThat(get("/health").text()).contains("Open connections", "ePIDs");
        assertThat(get("/healthz").status()).isEqualTo(200);
        assertThat(get("/readyz").text()).startsWith("ready");
        assertThat(get("/static/jkms.css").status()).isEqualTo(200);
    }
}
