package io.jkms.web;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Optional;

/**
 * Renders the pages: the templates in {@code src/main/jte}, compiled into this package at build time (the jar
 * needs no compiler), in jte's HTML mode, which escapes every {@code ${value}} for the place it lands in (element
 * content, attribute value, script). Every page is one typed record ({@link Page}) in the frame of
 * {@code layout.jte}: head, navigation, the page, the footer.
 */
final class Pages {
    /** Precompiled: the engine only loads the generated classes and keeps them; it is never reconfigured. */
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            Pages.class.getPackageName());

    /** The navigation: path and label; the current page is marked. */
    static final List<NavItem> NAV = List.of(new NavItem("/", "Overview"), new NavItem("/clients", "Clients"),
            new NavItem("/products", "Products"), new NavItem("/health", "Health"));

    private Pages() {
    }

    /** A page's model; its template takes it as its one parameter. */
    interface Page {
        /** The document title (before " · jkms"). */
        String title();

        /** The navigation entry to mark, or "" for none. */
        String nav();

        /** The template, e.g. {@code overview.jte}. */
        String template();
    }

    record NavItem(String href, String label) {
    }

    /**
     * The page footer: the version, and a logout form when the browser holds a session (the form posts to
     * {@code /logout}, which ends it).
     */
    record Footer(String version, boolean session) {
    }

    /** What {@code layout.jte} frames: the page's title and navigation, its content, the footer if any. */
    record Frame(String title, String nav, List<NavItem> items, Optional<Footer> footer, Content main) {
    }

    /** A small error page. */
    record ErrorPage(int status, String message) implements Page {
        @Override
        public String title() {
            return "Error " + status;
        }

        @Override
        public String nav() {
            return "";
        }

        @Override
        public String template() {
            return "error.jte";
        }
    }

    /** The whole document of a page. */
    static String render(Page page, Optional<Footer> footer) {
        StringOutput text = new StringOutput(16 * 1024);
        Content main = output -> ENGINE.render(page.template(), page, output);
        ENGINE.render("layout.jte", new Frame(page.title(), page.nav(), NAV, footer, main), new PageOutput(text));
        return text.toString();
    }

    /** One template without the frame, with its one parameter (the tags, and the tests of single templates). */
    static String fragment(String template, Object param) {
        StringOutput text = new StringOutput();
        ENGINE.render(template, param, new PageOutput(text));
        return text.toString();
    }

    /**
     * jte's contextual escaping, after which no value carries a control character, bidi control or unpaired
     * surrogate as it is ({@link Html#visible}): no template can forget it.
     */
    private static final class PageOutput extends OwaspHtmlTemplateOutput {
        PageOutput(StringOutput text) {
            super(text);
        }

        @Override
        public void writeUserContent(String value) {
            super.writeUserContent(value == null ? null : Html.visible(value));
        }
    }
}
