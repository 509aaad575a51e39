package io.jkms.client;

import java.util.Locale;
import java.util.Objects;

/**
 * Something the client noticed in an answer that Windows accepts. Failures (what Windows rejects: MAC/HMAC,
 * decryption, echoes, sizes, version, ePID format) are not findings: they end the try as a
 * {@link ClientException}.
 *
 * @param level   {@link Level#WARNING} for what a genuine host would not send, {@link Level#NOTE} for the rest
 * @param name    a short, stable name for scripts ("epid-group", "v6-iv", …)
 * @param message what was seen, with the expected value
 */
public record Finding(Level level, String name, String message) {
    /** How much it matters. */
    public enum Level {
        /** Windows accepts it, but a genuine host would not send it: an emulator, or a host with old data. */
        WARNING,
        /** Worth knowing; nothing wrong. */
        NOTE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }

    static Finding warning(String name, String message) {
        return new Finding(Level.WARNING, name, message);
    }

    static Finding note(String name, String message) {
        return new Finding(Level.NOTE, name, message);
    }
}
