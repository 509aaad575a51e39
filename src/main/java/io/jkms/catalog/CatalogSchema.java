package io.jkms.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The shipped {@code catalog.schema.json}, the one declaration of the data file's shape, and its verdicts worded like
 * the rest of the catalog's problems: {@code path: rule (found value)}, a product's path with its name.
 */
final class CatalogSchema {
    static final String RESOURCE = "/io/jkms/catalog/catalog.schema.json";
    private static final int MAX_SHOWN = 80;

    private final JsonNode schemaTree;
    private final JsonSchema schema;

    private CatalogSchema(JsonNode schemaTree) {
        this.schemaTree = schemaTree;
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
    }

    /** The schema in the jar, compiled once: it is immutable and thread-safe. */
    static CatalogSchema shipped() {
        return Shipped.INSTANCE;
    }

    /** Every way {@code root} breaks the schema, in document order; empty when it follows it. */
    List<String> problems(JsonNode root) {
        return schema.validate(root).stream().map(m -> describe(m, root)).distinct().toList();
    }

    private String describe(ValidationMessage m, JsonNode root) {
        String path = path(m.getInstanceLocation(), root);
        return switch (m.getType()) {
            case "required" -> path + ": missing required field '" + m.getProperty() + "'";
            case "additionalProperties" -> path + ": unknown field '" + m.getProperty() + "' (allowed: "
                    + allowed(m) + ")";
            default -> path + ": " + rule(m) + " (found " + shown(m.getInstanceNode()) + ")";
        };
    }

    /** The validator's wording of the rule without the location it starts with. */
    private static String rule(ValidationMessage m) {
        String text = m.getMessage();
        String location = m.getInstanceLocation().toString() + ": ";
        return text.startsWith(location) ? text.substring(location.length()) : text;
    }

    /** The fields the failing object's schema declares: {@code …/additionalProperties} → its {@code properties}. */
    private String allowed(ValidationMessage m) {
        JsonNode node = schemaTree;
        JsonNodePath at = m.getSchemaLocation().getFragment();
        for (int i = 0; i < at.getNameCount() - 1; i++) {
            Object e = at.getElement(i);
            node = e instanceof Integer n ? node.path(n) : node.path(String.valueOf(e));
        }
        return String.join(", ", (Iterable<String>) node.path("properties")::fieldNames);
    }

    /** {@code $} for the root, else {@code products[3] (Windows 10/11 Pro).gvlk}: an entry named by its name. */
    private static String path(JsonNodePath at, JsonNode root) {
        StringBuilder out = new StringBuilder();
        JsonNode node = root;
        for (int i = 0; i < at.getNameCount(); i++) {
            Object e = at.getElement(i);
            if (e instanceof Integer n) {
                node = node.path(n);
                out.append('[').append(n).append(']');
                JsonNode name = node.path("name");
                if (i == 1 && name.isTextual()) {
                    out.append(" (").append(name.asText()).append(')');
                }
            } else {
                node = node.path(String.valueOf(e));
                out.append(out.isEmpty() ? "" : ".").append(e);
            }
        }
        return out.isEmpty() ? "$" : out.toString();
    }

    private static String shown(JsonNode value) {
        String text = Objects.toString(value);
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
    }

    /** Compiled on first use, so a catalog that is never loaded costs nothing. */
    private static final class Shipped {
        static final CatalogSchema INSTANCE = new CatalogSchema(read());

        private static JsonNode read() {
            try (InputStream in = CatalogSchema.class.getResourceAsStream(RESOURCE)) {
                return new ObjectMapper().readTree(Objects.requireNonNull(in, RESOURCE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
