package io.jkms.host;

/**
 * Text that came from the network (workstation names, addresses, request lines), made safe for a log line:
 * one line, no terminal escape sequences, no reordering. Every character that a terminal, a log viewer or a
 * text layout would act on instead of showing becomes a visible escape: {@code \n}, {@code \r}, {@code \t},
 * {@code \x1b} (C0 controls, DEL and C1 controls), {@code \u202e} (bidi controls, line and paragraph
 * separators, unpaired surrogates). A backslash is doubled, so that no name can pose as an escape.
 * The dashboard uses {@link #isUnsafe} and {@link #escape(int)} for the same characters.
 */
public final class ClientText {
    private ClientText() {
    }

    /** The text with every unsafe character escaped; {@code null} becomes "null", as in a log argument. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c != '\\' && (paired || !isUnsafe(c))) {
                if (b != null) {
                    b.append(c);
                    if (paired) {
                        b.append(text.charAt(i + 1));
                    }
                }
                if (paired) {
                    i++;
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            b.append(c == '\\' ? "\\\\" : escape(c));
        }
        return b == null ? text : b.toString();
    }

    /**
     * Whether a UTF-16 unit must not reach a log line or a page as it is: C0 and C1 controls, DEL, the bidi
     * embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), the implicit marks (U+200E,
     * U+200F, U+061C), the line and paragraph separators (U+2028, U+2029), and surrogates (callers keep a
     * well-formed pair together).
     */
    public static boolean isUnsafe(int c) {
        return c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C || c == 0x2028 || c == 0x2029
                || (c <= 0xFFFF && Character.isSurrogate((char) c));
    }

    /** The visible escape of one unsafe UTF-16 unit: {@code \n}, {@code \x1b}, {@code \u202e}. */
    public static String escape(int c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c);
        };
    }
}
