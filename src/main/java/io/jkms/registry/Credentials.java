package io.jkms.registry;

import java.util.regex.Pattern;

/**
 * Takes passwords out of text before it reaches an error message, a log line or the health page: a database URL
 * ({@code password=...}, {@code user:password@host}) and whatever a driver or pool echoes of it.
 */
public final class Credentials {
    /** {@code password=x}, {@code sslpassword=x}, {@code pwd=x}, {@code password = "x"} (TOML), up to a separator. */
    private static final Pattern PARAMETER = Pattern.compile(
            "(?i)((?:ssl)?(?:password|passwd|pwd)\\s*[=:]\\s*\"?)[^&;,\\s\"]*");
    /** The password of the user information in {@code scheme://user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/?#@:\\s]*):[^/?#@\\s]*@");
    static final String HIDDEN = "***";

    private Credentials() {
    }

    /** The text with every password of a URL or a {@code key=value} list replaced by {@value #HIDDEN}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = USER_INFO.matcher(text).replaceAll("$1:" + HIDDEN + "@");
        return PARAMETER.matcher(out).replaceAll("$1" + HIDDEN);
    }

    /** As {@link #redact(String)}, and every occurrence of a password known apart from the URL too. */
    static String redact(String text, RegistrySettings settings) {
        String out = redact(text);
        if (out != null && settings.password().isPresent() && !settings.password().get().isEmpty()) {
            out = out.replace(settings.password().get(), HIDDEN);
        }
        return out;
    }

    /**
     * A copy of an exception and its causes (type, redacted message, stack trace) to keep as the cause of our own
     * exception: a pool or driver exception may carry the URL in its message, and a stack trace prints it.
     */
    static RegistryException redactChain(Throwable error, RegistrySettings settings) {
        return redactChain(error, settings, 8);
    }

    private static RegistryException redactChain(Throwable error, RegistrySettings settings, int depth) {
        Throwable cause = error.getCause();
        RegistryException copy = new RegistryException(error.getClass().getName() + ": "
                + redact(error.getMessage(), settings), cause == null || cause == error || depth == 0 ? null
                : redactChain(cause, settings, depth - 1));
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }
}
