package io.jkms.web;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the dashboard sees it, independent of Netty so that pages can be tested without a socket.
 *
 * @param method  upper-case method
 * @param uri     the raw request target (path and query), still encoded
 * @param headers header names in lower case; repeated headers joined with ", "
 * @param body    the body as text (only the login form has one)
 * @param remote  the peer's address (failed logins are throttled per address)
 */
public record WebRequest(String method, String uri, Map<String, String> headers, String body, InetAddress remote) {
    public WebRequest {
        method = method.toUpperCase(Locale.ROOT);
        headers = Map.copyOf(headers);
        java.util.Objects.requireNonNull(remote, "remote");
    }

    /** A request from this machine's loopback address. */
    public WebRequest(String method, String uri, Map<String, String> headers, String body) {
        this(method, uri, headers, body, InetAddress.getLoopbackAddress());
    }

    public static WebRequest get(String uri) {
        return new WebRequest("GET", uri, Map.of(), "");
    }

    public WebRequest withHeader(String name, String value) {
        var copy = new java.util.HashMap<>(headers);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new WebRequest(method, uri, copy, body, remote);
    }

    public WebRequest from(InetAddress address) {
        return new WebRequest(method, uri, headers, body, address);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
