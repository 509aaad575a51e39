package io.jkms.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dashboard sessions, in memory: the login cookie carries a random 256-bit session ID, never the token, so a
 * cookie that leaks (to another service on the same host: cookies ignore ports) is worth one session, which
 * logout, expiry, a token change or a restart ends. IDs are kept as SHA-256 digests, so a lookup's timing says
 * nothing about the IDs stored. At most {@value #MAX_SESSIONS} at once: the oldest go first.
 */
final class SessionStore {
    static final Duration LIFETIME = Duration.ofHours(12);
    static final int MAX_SESSIONS = 1000;

    private final SecureRandom random;
    private final Clock clock;
    private final Map<String, Instant> expiries = new LinkedHashMap<>();

    SessionStore(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** A new session; its ID (43 characters of base64url) goes into the cookie. */
    synchronized String create() {
        byte[] id = new byte[32];
        random.nextBytes(id);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sweep();
        while (expiries.size() >= MAX_SESSIONS) {
            expiries.remove(expiries.keySet().iterator().next());
        }
        expiries.put(digest(text), clock.instant().plus(LIFETIME));
        return text;
    }

    synchronized boolean valid(String id) {
        Instant expiry = expiries.get(digest(id));
        if (expiry == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiry)) {
            expiries.remove(digest(id));
            return false;
        }
        return true;
    }

    synchronized void revoke(String id) {
        expiries.remove(digest(id));
    }

    synchronized void revokeAll() {
        expiries.clear();
    }

    synchronized int size() {
        return expiries.size();
    }

    private void sweep() {
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
    }

    private static String digest(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
