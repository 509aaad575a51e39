package io.jkms.web;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read the dashboard. When a token is required, a request must carry it as
 * {@code Authorization: Bearer TOKEN}, or the {@value #COOKIE} cookie of a session that the login form opened
 * (the cookie never holds the token). Comparison is constant-time over SHA-256 digests, so neither the content
 * nor the length of the token leaks through timing. Failed logins are throttled per address and logged, rate
 * limited, without what was typed. An open dashboard (loopback, no token) answers only to loopback and
 * configured {@code Host} names ({@link HostNames}).
 */
public final class AccessControl {
    static final String COOKIE = "jkms_session";
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.web.login");

    private final HostNames hosts;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final boolean secureCookie;
    private final WebCounters counters;
    private final LogLimiter log = new LogLimiter(10_000_000_000L);
    private volatile Optional<byte[]> digest;

    /** The outcome of a login attempt. */
    sealed interface Login {
    }

    /** The token matched: the {@code Set-Cookie} value of the new session. */
    record LoggedIn(String setCookie) implements Login {
    }

    record WrongToken() implements Login {
    }

    /** Too many failures from this address: try again in so many seconds. */
    record Throttled(long retryAfterSeconds) implements Login {
    }

    private AccessControl(Optional<byte[]> digest, HostNames hosts, SessionStore sessions, boolean secureCookie,
                          WebCounters counters) {
        this.digest = digest;
        this.hosts = hosts;
        this.sessions = sessions;
        this.throttle = new LoginThrottle(System::nanoTime);
        this.secureCookie = secureCookie;
        this.counters = counters;
    }

    /** Everyone may read (a loopback dashboard), from loopback Host names only. */
    public static AccessControl open() {
        return open(HostNames.loopbackOnly());
    }

    /** Everyone may read (a loopback dashboard), from these Host names. */
    public static AccessControl open(HostNames hosts) {
        return new AccessControl(Optional.empty(), hosts, new SessionStore(new SecureRandom(), Clock.systemUTC()),
                false, new WebCounters());
    }

    /** Only requests carrying this token (or a session opened with it) may read. */
    public static AccessControl requiring(String token) {
        return requiring(token, HostNames.loopbackOnly(), false, Clock.systemUTC(), new WebCounters());
    }

    /**
     * @param hosts        names a login may be posted from besides the request's own Host (a proxy's name)
     * @param secureCookie mark the session cookie {@code Secure} (the dashboard speaks HTTPS)
     * @param clock        for session expiry
     */
    public static AccessControl requiring(String token, HostNames hosts, boolean secureCookie, Clock clock,
                                          WebCounters counters) {
        WebSettings.checkToken(token);
        return new AccessControl(Optional.of(sha256(token)), hosts, new SessionStore(new SecureRandom(), clock),
                secureCookie, counters);
    }

    public boolean required() {
        return digest.isPresent();
    }

    /**
     * Whether the request may read protected pages. A wrong bearer token counts as a failed login of its address,
     * and a throttled address is refused without its token being compared ({@link #throttled}).
     */
    public boolean allows(WebRequest request) {
        if (digest.isEmpty()) {
            return true;
        }
        if (session(request).map(sessions::valid).orElse(false)) {
            return true;
        }
        Optional<String> bearer = request.header("authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
        if (bearer.isEmpty()) {
            return false;
        }
        if (throttled(request).isPresent()) {
            return false;
        }
        if (matches(bearer.get())) {
            return true;
        }
        counters.failedLogin(false);
        logFailure("failed", request, "wrong bearer token, " + throttle.failed(request.remote()) + " in a row");
        return false;
    }

    /** Seconds until the request's address may present a token again, if it failed too often. */
    public OptionalLong throttled(WebRequest request) {
        return digest.isEmpty() ? OptionalLong.empty() : throttle.retryAfter(request.remote());
    }

    /** As {@link #throttled}, for a request that carries a bearer token (counted as a throttled login). */
    OptionalLong throttledBearer(WebRequest request) {
        if (request.header("authorization").isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong wait = throttled(request);
        if (wait.isPresent()) {
            counters.failedLogin(true);
        }
        return wait;
    }

    /** Whether the request's Host may be answered: any with a token (it protects), loopback ones without. */
    public boolean hostAllowed(WebRequest request) {
        return digest.isPresent() || hosts.allows(request.header("host"));
    }

    /**
     * Whether a POST comes from this dashboard's own pages: its Origin (sent by browsers with every POST) names
     * the request's Host, the Host a proxy forwarded ({@code X-Forwarded-Host}: a cross-site form cannot set it)
     * or a configured name; without Origin, no Sec-Fetch-Site says it is from elsewhere (tools send neither); with
     * {@code Origin: null}, Sec-Fetch-Site says it is from this origin.
     */
    boolean sameOrigin(WebRequest request) {
        Optional<String> origin = request.header("origin");
        if (origin.isEmpty()) {
            return request.header("sec-fetch-site").map(site -> site.equals("same-origin") || site.equals("none"))
                    .orElse(true);
        }
        String o = origin.get().trim().toLowerCase(java.util.Locale.ROOT);
        if (o.equals("null")) {
            // What a browser sends for its own form under Referrer-Policy: no-referrer, and what a sandboxed
            // frame of any site sends: only the fetch metadata, which pages cannot set, tells them apart.
            return request.header("sec-fetch-site").map(site -> site.equals("same-origin")).orElse(false);
        }
        int scheme = o.indexOf("://");
        if (!(o.startsWith("http://") || o.startsWith("https://")) || o.indexOf('/', scheme + 3) >= 0) {
            return false;
        }
        String host = o.substring(scheme + 3);
        return request.header("host").map(h -> h.trim().equalsIgnoreCase(host)).orElse(false)
                || request.header("x-forwarded-host").map(h -> h.split(",")[0].trim().equalsIgnoreCase(host))
                        .orElse(false)
                || hosts.configured(host);
    }

    /** Constant-time comparison with the configured token. */
    public boolean matches(String candidate) {
        Optional<byte[]> current = digest;
        return current.isPresent() && MessageDigest.isEqual(current.get(), sha256(candidate));
    }

    /** A login attempt with {@code candidate}; synchronized with {@link #changeToken}, which ends every session. */
    synchronized Login login(WebRequest request, String candidate) {
        OptionalLong wait = throttle.retryAfter(request.remote());
        if (wait.isPresent()) {
            counters.failedLogin(true);
            logFailure("throttled", request, "login form closed to it for " + wait.getAsLong() + " s more");
            return new Throttled(wait.getAsLong());
        }
        if (!matches(candidate)) {
            counters.failedLogin(false);
            int row = throttle.failed(request.remote());
            logFailure("failed", request, "wrong token in the login form, " + row + " in a row");
            return new WrongToken();
        }
        throttle.succeeded(request.remote());
        LOG.info("dashboard: login from {}", request.remote().getHostAddress());
        return new LoggedIn(cookie(sessions.create(), SessionStore.LIFETIME.toSeconds()));
    }

    /** Ends the request's session, if any; the {@code Set-Cookie} value that clears the cookie. */
    String logout(WebRequest request) {
        session(request).ifPresent(sessions::revoke);
        return cookie("", 0);
    }

    /** Uses a new token from now on: the old one and every session opened with it stop working at once. */
    public synchronized void changeToken(String token) {
        WebSettings.checkToken(token);
        if (digest.isEmpty()) {
            throw new IllegalStateException("this dashboard is open: it has no token to change");
        }
        digest = Optional.of(sha256(token));
        sessions.revokeAll();
        LOG.warn("dashboard token changed: every session ended");
    }

    /** Whether the request carries the cookie of a live session (a bearer token is no session to end). */
    boolean signedIn(WebRequest request) {
        return session(request).map(sessions::valid).orElse(false);
    }

    private Optional<String> session(WebRequest request) {
        return request.header("cookie").flatMap(header -> {
            for (Cookie cookie : ServerCookieDecoder.STRICT.decodeAll(header)) {
                if (cookie.name().equals(COOKIE) && !cookie.value().isEmpty()) {
                    return Optional.of(cookie.value());
                }
            }
            return Optional.empty();
        });
    }

    /** Not readable by scripts, sent only with requests from this site, over TLS only when served over TLS. */
    private String cookie(String value, long maxAgeSeconds) {
        DefaultCookie cookie = new DefaultCookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookie);
        cookie.setSameSite(CookieHeaderNames.SameSite.Strict);
        cookie.setMaxAge(maxAgeSeconds);
        return ServerCookieEncoder.STRICT.encode(cookie);
    }

    private void logFailure(String kind, WebRequest request, String detail) {
        OptionalLong permit = log.permit(kind, System.nanoTime());
        if (permit.isPresent()) {
            LOG.warn("dashboard: login {} from {} ({}){}", kind, request.remote().getHostAddress(), detail,
                    LogLimiter.suppressed(permit.getAsLong()));
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
