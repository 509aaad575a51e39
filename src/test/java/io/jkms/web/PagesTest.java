package io.jkms.web;

import static io.jkms.web.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The templates without a browser: where each value lands and how it is escaped there. */
class PagesTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>\"'&\u202E";
    final Optional<Pages.Footer> noFooter = Optional.empty();

    static long count(String html, String markup) {
        return html.split(java.util.regex.Pattern.quote(markup), -1).length - 1L;
    }

    @Test
    void theFrameEscapesTheTitleMarksTheCurrentPageAndHasOneScript() {
        String html = Pages.render(new Pages.ErrorPage(404, "x"), Optional.of(new Pages.Footer(HOSTILE, false)));
        assertThat(html).startsWith("<!DOCTYPE html>\n").contains("<title>Error 404 · jkms</title>")
                .contains("<footer><span class=\"muted\" id=\"version\">&lt;img src=x onerror=alert(1)&gt;\"'&amp;"
                        + "\\u202e</span></footer>")
                .doesNotContain("aria-current").doesNotContain("action=\"/logout\"");
        assertThat(count(html, "<script")).isEqualTo(1);
        String client = Pages.render(new ClientsView.ClientPage(HOSTILE, "c", "a", false, List.of(), List.of()),
                Optional.of(new Pages.Footer("v", true)));
        assertThat(client).contains("<title>&lt;img src=x onerror=alert(1)&gt;\"'&amp;\\u202e · jkms</title>",
                "<a href=\"/clients\" aria-current=\"page\">Clients</a>",
                "<form method=\"post\" action=\"/logout\" class=\"logout\">");
        assertThat(count(client, "aria-current")).isEqualTo(1);
    }

    @Test
    void anErrorMessageIsTextAndTheFooterOnlyWhereGiven() {
        String html = Pages.render(new Pages.ErrorPage(400, HOSTILE), noFooter);
        assertThat(html).contains("<h1>Error 400</h1>", "<p class=\"error\">&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img").doesNotContain("<footer>").doesNotContain("\u202E");
    }

    @Test
    void attributeValuesEscapeQuotesAndNoValueLeavesItsAttribute() {
        String login = Pages.render(new LoginPage.Form("/\"><script>alert(1)</script>", true), noFooter);
        assertThat(login).contains("value=\"/&#34;>&lt;script>alert(1)&lt;/script>\"", "id=\"login-error\"")
                .doesNotContain("<script>alert");
        String products = Fixtures.app(new MemoryRegistry(Fixtures.CATALOG), AccessControl.open(),
                Fixtures.host("kms.example.org")).handle(WebRequest.get("/products?q=windows+11+pro")).text();
        assertThat(products).contains("<td><span class=\"copy\"><code class=\"gvlk\">",
                "<span class=\"copy\"><code>jkms script --host kms.example.org:1688 --product \"",
                "<tr hidden data-search=", "<option value=\"all\" selected>All families</option>",
                "<option value=\"office\">");
        assertThat(Pages.fragment("copyblock.jte", "a\n</code></pre><b>")).isEqualTo("<div class=\"copy\"><pre><code>"
                + "a\n&lt;/code&gt;&lt;/pre&gt;&lt;b&gt;</code></pre><button type=\"button\" class=\"copy-button\" "
                + "title=\"Copy\">Copy</button></div>");
    }

    @Test
    void networkTextMarksEachUnsafeCharacterAndEscapesMarkup() {
        assertThat(Pages.fragment("net.jte", "a\u202Eb\n<i>")).isEqualTo("a<span class=\"esc\">\\u202e</span>b"
                + "<span class=\"esc\">\\n</span>&lt;i&gt;");
        assertThat(Pages.fragment("net.jte", "")).isEmpty();
        assertThat(Html.segments("\u001b\u001b")).containsExactly(new Html.Segment("\\x1b", true),
                new Html.Segment("\\x1b", true));
        assertThat(Html.visible("tab\tline\nbidi\u2066")).isEqualTo("tab\tline\nbidi\\u2066");
    }

    @Test
    void theActivationsTableLinksDecodedClientsOnly() {
        Views.ActivationRow decoded = new Views.ActivationRow("t", Optional.of("/clients/" + UUID.randomUUID()),
                HOSTILE, "P<", 6, "192.0.2.1", true, "activated");
        Views.ActivationRow undecodable = new Views.ActivationRow("t", Optional.empty(), "", "(undecodable request)",
                0, "192.0.2.2", false, "0x8007000D");
        String html = Pages.render(new ClientsView.ClientPage("n", "c", "a", false, List.of(),
                List.of(decoded, undecodable)), noFooter);
        assertThat(count(html, "<a href=\"/clients/")).isEqualTo(1);
        assertThat(html).contains("<td>P&lt;</td><td>V6</td>", "<td class=\"bad\">0x8007000D</td>")
                .contains("&lt;img src=x onerror=alert(1)&gt;\"'&amp;<span class=\"esc\">\\u202e</span></a>");
    }

    @Test
    void theChartHasABarPerDayWithItsValue() {
        SvgChart.Chart chart = SvgChart.bars(List.of(new SvgChart.Bar("2025-03-13", 2),
                new SvgChart.Bar("2025-03-14", 4)), "A <chart>");
        String svg = Pages.fragment("chart.jte", chart);
        assertThat(count(svg, "<rect ")).isEqualTo(2);
        assertThat(svg).contains("aria-label=\"A &lt;chart>\"", "<title>A &lt;chart&gt;</title>",
                "<title>2025-03-14: 4</title>", "height=\"150\"", "height=\"75\"", ">03-14</text>");
    }

    @Test
    void everyPageOfTheAppEscapesHostileNames() {
        MemoryRegistry registry = new MemoryRegistry(Fixtures.CATALOG);
        UUID cmid = UUID.randomUUID();
        registry.onActivation(Fixtures.activated(Fixtures.product("Windows 11 Pro"), cmid, HOSTILE,
                NOW.minusSeconds(5)));
        WebApp app = Fixtures.app(registry, AccessControl.open(), Fixtures.host("kms.example.org"));
        for (String uri : new String[] {"/", "/clients", "/clients/" + cmid, "/clients?q=%3Cimg", "/products?q="
                + "%22%3E%3Cimg+src%3Dx", "/health", "/nope"}) {
            String html = app.handle(WebRequest.get(uri)).text();
            assertThat(html).as(uri).doesNotContain("<img").doesNotContain("\u202E");
            assertThat(count(html, "<script")).as(uri).isEqualTo(1);
            assertThat(html).as(uri).contains("<footer>");
        }
    }
}
