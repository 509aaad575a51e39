package io.jkms.web;

import io.jkms.host.ClientText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Text made fit for a page before the templates escape it: no markup here ({@code src/main/jte} writes all of it,
 * and jte escapes every value for where it lands). What this adds is the treatment of characters that HTML
 * escaping leaves alone but a reader must see: control characters, bidi controls and unpaired surrogates (a
 * workstation name is any UTF-16 from the network) become their visible escape ({@code \u202e}, see
 * {@link ClientText}).
 */
final class Html {
    private Html() {
    }

    /**
     * One run of text from the network: either text with no unsafe character, or the visible escape of one unsafe
     * character, which the page marks ({@code <span class="esc">}, template {@code net.jte}) so that a name cannot
     * reorder what follows it or pass for another name.
     */
    record Segment(String text, boolean escape) {
    }

    /**
     * Every character a page must not carry as it is, as its visible escape; newlines and tabs are kept (the
     * scripts in {@code <pre>} blocks have them). The page output applies this to every value ({@link Pages}).
     */
    static String visible(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (paired(text, i)) {
                if (b != null) {
                    b.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (!ClientText.isUnsafe(c) || c == '\n' || c == '\r' || c == '\t') {
                if (b != null) {
                    b.append(c);
                }
            } else {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                b.append(ClientText.escape(c));
            }
        }
        return b == null ? text : b.toString();
    }

    /** Text from the network split into safe runs and one escape per unsafe character, newlines included. */
    static List<Segment> segments(String text) {
        List<Segment> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (paired(text, i)) {
                i++;
            } else if (ClientText.isUnsafe(text.charAt(i))) {
                if (i > start) {
                    out.add(new Segment(text.substring(start, i), false));
                }
                out.add(new Segment(ClientText.escape(text.charAt(i)), true));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(new Segment(text.substring(start), false));
        }
        return out;
    }

    private static boolean paired(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
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
}
