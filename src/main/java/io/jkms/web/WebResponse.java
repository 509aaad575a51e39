package io.jkms.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response: status, content type, body and any extra headers (security headers are added by the server). */
public record WebResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    public WebResponse {
        body = body.clone();
        headers = Map.copyOf(headers);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    static WebResponse of(int status, String contentType, String body) {
        return new WebResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static WebResponse html(String body) {
        return of(200, HTML, body);
    }

    static WebResponse json(String body) {
        return of(200, JSON, body);
    }

    static WebResponse text(int status, String body) {
        return of(status, TEXT, body);
    }

    static WebResponse redirect(String location) {
        return new WebResponse(303, TEXT, new byte[0], Map.of("Location", location));
    }

    WebResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new WebResponse(status, contentType, body, copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebResponse r && r.status == status && r.contentType.equals(contentType)
                && java.util.Arrays.equals(r.body, body) && r.headers.equals(headers);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(status, contentType, java.util.Arrays.hashCode(body), headers);
    }

    @Override
    public String toString() {
        return "WebResponse[" + status + " " + contentType + ", " + body.length + " bytes]";
    }
}
