package io.jkms.web;

import static io.jkms.web.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.catalog.Product;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A workstation name can carry bidi overrides (that show "exe.txt" as "txt.exe") and terminal controls: every
 * view shows them as visible, marked escapes instead of acting on them.
 */
class VisibleEscapesTest {
    static final String SPOOFED = "INVOICE\u202Eexe.txt\u2066\u001b[31m\u0085";
    final MemoryRegistry registry = new MemoryRegistry(Fixtures.CATALOG);
    final Product win11 = Fixtures.product("Windows 11 Pro");
    final UUID machine = UUID.fromString("77777777-2222-4333-8444-555555555555");

    @Test
    void bidiOverridesAndControlsAreShownAsMarkedEscapesInEveryView() {
        registry.onActivation(Fixtures.activated(win11, machine, SPOOFED, NOW.minusSeconds(60)));
        WebApp app = Fixtures.app(registry, AccessControl.open());
        for (String uri : new String[] {"/", "/clients", "/clients/" + machine, "/clients?q=invoice%E2%80%AE"}) {
            String html = app.handle(WebRequest.get(uri)).text();
            assertThat(html).as(uri).doesNotContain("\u202E").doesNotContain("\u2066").doesNotContain("\u001b")
                    .doesNotContain("\u0085")
                    .contains("INVOICE<span class=\"esc\">\\u202e</span>exe.txt<span class=\"esc\">\\u2066</span>"
                            + "<span class=\"esc\">\\x1b</span>[31m<span class=\"esc\">\\x85</span>");
        }
    }

    @Test
    void attributeValuesGetTheEscapeAsPlainText() {
        WebApp app = Fixtures.app(registry, AccessControl.open());
        String html = app.handle(WebRequest.get("/clients?q=a%E2%80%AEb")).text();
        assertThat(html).doesNotContain("\u202E").contains("value=\"a\\u202eb\"");
    }

    @Test
    void textWithoutControlsIsUnchanged() {
        assertThat(net("ÄRZTE-PC <b>")).isEqualTo("ÄRZTE-PC &lt;b&gt;");
        assertThat(net("emoji \uD83D\uDE00 ok")).isEqualTo("emoji \uD83D\uDE00 ok");
        assertThat(net("lone \uD800 surrogate")).isEqualTo("lone <span class=\"esc\">\\ud800</span> surrogate");
    }

    /** What the page shows for a text from the network (template {@code net.jte}). */
    static String net(String text) {
        return Pages.fragment("net.jte", text);
    }

    @Test
    void aRequestTargetInTheDashboardsLogAndErrorMessagesIsClippedAndEscaped() {
        assertThat(Html.clip("/clients\n2026 WARN forged\u001b[2J")).isEqualTo("/clients\\n2026 WARN forged\\x1b[2J");
        assertThat(Html.clip("x".repeat(50))).isEqualTo("x".repeat(40) + "…");
    }
}
