package io.jkms.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The build checks the catalog data against its JSON Schema, and the schema refuses broken entries. */
class CatalogSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = Catalog.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(resource("catalog.schema.json"));
    }

    @Test
    void theBundledCatalogFollowsItsSchema() throws IOException {
        Set<ValidationMessage> problems = schema().validate(resource("catalog.json"));
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaRefusesAMalformedGvlkAnUnknownFieldAndAMissingReason() throws IOException {
        JsonNode catalog = resource("catalog.json");
        ObjectNode product = (ObjectNode) catalog.path("products").get(0);
        product.put("gvlk", "not-a-key");
        product.put("colour", "blue");
        ObjectNode other = (ObjectNode) catalog.path("products").get(1);
        other.put("kmsActivatable", false);
        other.remove("notActivatableReason");
        Set<ValidationMessage> problems = schema().validate(catalog);
        assertThat(problems).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("gvlk"))
                .anyMatch(m -> m.contains("colour"))
                .anyMatch(m -> m.contains("notActivatableReason"));
    }
}
