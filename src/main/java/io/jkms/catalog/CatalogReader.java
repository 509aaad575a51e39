package io.jkms.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Typed, path-aware reads of the catalog's JSON tree that record every problem instead of stopping at the first,
 * so a broken data file is reported completely. Unknown fields are problems too (the schema is closed).
 */
final class CatalogReader {
    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    void problem(String path, String message) {
        problems.add(path + ": " + message);
    }

    /** Checks that {@code node} is an object with exactly the allowed fields and all required ones. */
    boolean object(JsonNode node, String path, Set<String> required, Set<String> optional) {
        if (node == null || !node.isObject()) {
            problem(path, "expected an object");
            return false;
        }
        for (String r : required) {
            if (!node.has(r) || node.get(r).isNull()) {
                problem(path, "missing required field '" + r + "'");
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!required.contains(f) && !optional.contains(f)) {
                problem(path, "unknown field '" + f + "'");
            }
        }
        return true;
    }

    String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problem(path + "." + field, "expected a non-empty string");
            return "?";
        }
        return v.asText();
    }

    Optional<String> optionalText(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        return Optional.of(text(node, field, path));
    }

    long number(JsonNode node, String field, String path, long min, long max) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            problem(path + "." + field, "expected an integer");
            return min;
        }
        long x = v.asLong();
        if (x < min || x > max) {
            problem(path + "." + field, "value " + x + " outside " + min + ".." + max);
            return min;
        }
        return x;
    }

    boolean bool(JsonNode node, String field, String path, boolean dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            problem(path + "." + field, "expected true or false");
            return dflt;
        }
        return v.asBoolean();
    }

    UUID uuid(JsonNode node, String field, String path) {
        String s = text(node, field, path);
        try {
            UUID u = UUID.fromString(s);
            if (!u.toString().equals(s)) {
                problem(path + "." + field, "GUID must be lower case with dashes: " + s);
            }
            return u;
        } catch (IllegalArgumentException e) {
            problem(path + "." + field, "not a GUID: " + s);
            return new UUID(0, 0);
        }
    }

    LocalDate date(JsonNode node, String field, String path) {
        String s = text(node, field, path);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problem(path + "." + field, "not an ISO date: " + s);
            return LocalDate.EPOCH;
        }
    }

    List<String> strings(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            problem(path + "." + field, "expected an array of strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
                problem(path + "." + field + "[" + i + "]", "expected a non-empty string");
            } else {
                out.add(v.get(i).asText());
            }
        }
        return out;
    }

    /** Reads each element of the array {@code field} of {@code root}; elements that fail are skipped. */
    <T> List<T> array(JsonNode root, String field, Function<Indexed, T> reader) {
        JsonNode v = root.get(field);
        List<T> out = new ArrayList<>();
        if (v == null || !v.isArray()) {
            problem(field, "expected an array");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            int before = problems.size();
            T t = reader.apply(new Indexed(v.get(i), field + "[" + i + "]"));
            if (t != null && problems.size() == before) {
                out.add(t);
            }
        }
        return out;
    }

    <T> T construct(String path, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            problem(path, e.getMessage());
            return null;
        }
    }

    static <K, V> void putUnique(Map<K, V> map, K key, V value, CatalogReader r, String path, String what) {
        if (map.putIfAbsent(key, value) != null) {
            r.problem(path, "duplicate " + what + " " + key);
        }
    }

    /** One array element and its path. */
    record Indexed(JsonNode node, String path) {
    }
}
