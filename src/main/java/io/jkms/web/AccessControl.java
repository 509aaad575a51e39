package io.jkms.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may read the dashboard. When a token is required, a request must carry it as
 * {@code Authorization: Bearer TOKEN} or in the {@value #COOKIE} cookie that the login form sets. Comparison is
 * constant-time over SHA-256 digests, so neither the content nor the length of the token leaks through timing.
 */
public final class AccessControl {
    static final String COOKIE = "jkms_token";

    private final Optional<byte[]> digest;

    private AccessControl(Optional<byte[]> digest) {
        this.digest = digest;
    }

    /** Everyone may read (a loopback dashboard). */
    public static AccessControl open() {
        return new AccessControl(Optional.empty());
    }

    /** Only requests carrying this token may read. */
    public static AccessControl requiring(String token) {
        WebSettings.checkToken(token);
        return new AccessControl(Optional.of(sha256(token)));
    }

    public boolean required() {
        return digest.isPresent();
    }

    /** Whether the request may read protected pages. */
    public boolean allows(WebRequest request) {
        if (digest.isEmpty()) {
            return true;
        }
        Optional<String> bearer = request.header("authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
        Optional<String> cookie = request.header("cookie").flatMap(AccessControl::cookieToken);
        return bearer.map(this::matches).orElse(false) || cookie.map(this::matches).orElse(false);
    }

    /** Constant-time comparison with the configured token. */
    public boolean matches(String candidate) {
        return digest.isPresent() && MessageDigest.isEqual(digest.get(), sha256(candidate));
    }

    static Optional<String> cookieToken(String header) {
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return Optional.of(p.substring(COOKIE.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** The Set-Cookie value after a good login: not readable by scripts, sent only to this site. */
    static String loginCookie(String token) {
        return COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=2592000";
    }

    static String logoutCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
