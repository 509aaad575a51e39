package io.jkms.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One HTTP response: status, content type, body and any extra headers (security headers are added by the server). */
public record WebResponse(int status, String contentType, byte[] body, Map<String, String> headers,
                          Optional<BodyWriter> stream) {
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    /** A body written as it is produced (the server sends it in chunks): for exports of any size. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    public WebResponse {
        body = body.clone();
        headers = Map.copyOf(headers);
        Objects.requireNonNull(stream, "stream");
    }

    public WebResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, Optional.empty());
    }

    static WebResponse streamed(String contentType, BodyWriter writer) {
        return new WebResponse(200, contentType, new byte[0], Map.of(), Optional.of(writer));
    }

    /** The body; a streamed one is produced in memory (for tests and small answers). */
    @Override
    public byte[] body() {
        if (stream.isEmpty()) {
            return body.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            stream.get().writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public String text() {
        return new String(body(), StandardCharsets.UTF_8);
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
        return new WebResponse(status, contentType, body, copy, stream);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebResponse r && r.status == status && r.contentType.equals(contentType)
                && java.util.Arrays.equals(r.body, body) && r.headers.equals(headers) && r.stream.equals(stream);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(status, contentType, java.util.Arrays.hashCode(body), headers, stream);
    }

    @Override
    public String toString() {
        return "WebResponse[" + status + " " + contentType + ", " + body.length + " bytes]";
    }
}
