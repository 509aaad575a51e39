package io.jkms.web;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The path and query parameters of a request target, bounded: the target, the number of parameters and each
 * value have maxima, and anything malformed is a {@link BadRequestException}, never another exception.
 */
public record Query(String path, Map<String, List<String>> params) {
    public static final int MAX_URI = 2048;
    public static final int MAX_PARAMS = 16;
    public static final int MAX_VALUE = 200;

    public Query {
        params = Map.copyOf(params);
    }

    public static Query parse(String uri) {
        if (uri.isEmpty() || uri.length() > MAX_URI || uri.charAt(0) != '/') {
            throw new BadRequestException("the request target must be a path of at most " + MAX_URI + " characters");
        }
        QueryStringDecoder decoder;
        Map<String, List<String>> params;
        String path;
        try {
            decoder = new QueryStringDecoder(uri, StandardCharsets.UTF_8, true, MAX_PARAMS + 1);
            params = decoder.parameters();
            path = decoder.path();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed percent-encoding in the request target");
        }
        if (params.size() > MAX_PARAMS) {
            throw new BadRequestException("at most " + MAX_PARAMS + " query parameters");
        }
        for (var entry : params.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw new BadRequestException("parameter '" + Html.clip(entry.getKey()) + "' given more than once");
            }
            String value = entry.getValue().get(0);
            if (value.length() > MAX_VALUE || value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                throw new BadRequestException("parameter '" + Html.clip(entry.getKey()) + "' must be at most "
                        + MAX_VALUE + " characters without control characters");
            }
        }
        return new Query(path, params);
    }

    /** The value, blank treated as absent. */
    public Optional<String> get(String name) {
        List<String> values = params.get(name);
        return values == null || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0).trim());
    }

    /** A decimal integer within the bounds, or a {@link BadRequestException} naming them. */
    public OptionalInt integer(String name, int min, int max) {
        Optional<String> text = get(name);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        String t = text.get();
        if (t.length() <= 9 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int value = Integer.parseInt(t);
            if (value >= min && value <= max) {
                return OptionalInt.of(value);
            }
        }
        throw new BadRequestException("parameter '" + name + "' must be a whole number from " + min + " to " + max);
    }
}
