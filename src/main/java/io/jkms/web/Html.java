package io.jkms.web;

import io.jkms.host.ClientText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Escaping and the page frame. Everything that did not come from this code goes through {@link #esc}. */
final class Html {
    private static final String[][] NAV = {{"/", "Overview"}, {"/clients", "Clients"}, {"/products", "Products"},
        {"/health", "Health"}};

    private Html() {
    }

    /**
     * Text safe in element content and in quoted attribute values: markup characters become entities; control
     * characters, bidi controls and unpaired surrogates (a workstation name is any UTF-16 from the network) become
     * their visible escape as plain text ({@code \u202e}, see {@link ClientText}). Newlines and tabs are kept, for
     * the scripts in {@code <pre>} blocks; use {@link #text} for text that came from the network.
     */
    static String esc(String text) {
        return escape(text, false);
    }

    /**
     * Text from the network (workstation names, addresses, a search) in element content: as {@link #esc}, but every
     * unsafe character, newlines included, is shown as a marked escape, {@code <span class="esc">\u202e</span>},
     * so that a name cannot reorder what follows it or pass for another name.
     */
    static String text(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean marked) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if (!ClientText.isUnsafe(c) || (!marked && (c == '\n' || c == '\r' || c == '\t'))) {
                        b.append(c);
                    } else if (marked) {
                        b.append("<span class=\"esc\">").append(ClientText.escape(c)).append("</span>");
                    } else {
                        b.append(ClientText.escape(c));
                    }
                }
            }
        }
        return b.toString();
    }

    /** At most 40 characters of a name for an error message or a log line, its controls escaped. */
    static String clip(String text) {
        return ClientText.escape(text.length() <= 40 ? text : text.substring(0, 40) + "…");
    }

    /** {@code base?k=v&…} with every value encoded; empty values are left out. */
    static String url(String base, String... pairs) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (!pairs[i + 1].isEmpty()) {
                query.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        return query.length() == 0 ? base : base + "?" + query;
    }

    /** The whole document: head, navigation (current page marked), main content. */
    static String page(String title, String current, String main) {
        StringBuilder b = new StringBuilder(main.length() + 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" · jkms</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/jkms.css\">")
                .append("<script src=\"/static/jkms.js\" defer></script></head><body>")
                .append("<header><span class=\"brand\">jkms</span><nav>");
        for (String[] item : NAV) {
            b.append("<a href=\"").append(item[0]).append('"')
                    .append(item[0].equals(current) ? " aria-current=\"page\"" : "").append('>')
                    .append(item[1]).append("</a>");
        }
        b.append("</nav></header><main>").append(main).append("</main></body></html>\n");
        return b.toString();
    }


    /** A small error page (its message escaped). */
    static String error(int status, String message) {
        return page("Error " + status, "", "<h1>Error " + status + "</h1><p class=\"error\">" + esc(message)
                + "</p><p><a href=\"/\">Back to the overview</a></p>");
    }
}
