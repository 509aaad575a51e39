package io.jkms.web;

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
 */
public record WebRequest(String method, String uri, Map<String, String> headers, String body) {
    public WebRequest {
        method = method.toUpperCase(Locale.ROOT);
        headers = Map.copyOf(headers);
    }

    public static WebRequest get(String uri) {
        return new WebRequest("GET", uri, Map.of(), "");
    }

    public WebRequest withHeader(String name, String value) {
        var copy = new java.util.HashMap<>(headers);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new WebRequest(method, uri, copy, body);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
