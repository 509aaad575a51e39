package io.jkms.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The build checks the shipped catalog against its JSON Schema (start-up does not: {@link Catalog#loadDefault()}),
 * an operator's catalog is checked at load with errors that name the path, the value and the rule, and the records
 * Jackson reads the file into have exactly the schema's fields.
 */
class CatalogSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = Catalog.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }

    static Catalog load(JsonNode catalog) throws IOException {
        return Catalog.load(new ByteArrayInputStream(JSON.writeValueAsBytes(catalog)));
    }

    @Test
    void theBundledCatalogFollowsItsSchema() throws IOException {
        assertThat(CatalogSchema.shipped().problems(resource("catalog.json"))).isEmpty();
    }

    @Test
    void anOperatorsCatalogIsRefusedWithPathValueAndRule() throws IOException {
        JsonNode catalog = resource("catalog.json");
        ObjectNode product = (ObjectNode) catalog.path("products").get(0);
        String name = product.path("name").asText();
        product.put("gvlk", "not-a-key");
        product.put("colour", "blue");
        ObjectNode other = (ObjectNode) catalog.path("products").get(1);
        other.put("kmsActivatable", false);
        other.remove("notActivatableReason");
        ((ObjectNode) catalog.path("csvlks").get(0)).put("groupId", -3);
        assertThatThrownBy(() -> load(catalog)).isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).problems()).contains(
                        "products[0] (" + name + ").gvlk: does not match the regex pattern "
                                + "^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$ (found \"not-a-key\")",
                        "csvlks[0].groupId: must have a minimum value of 0 (found -3)",
                        "products[1] (" + other.path("name").asText() + "): missing required field "
                                + "'notActivatableReason'"))
                .hasMessageContaining("products[0] (" + name + "): unknown field 'colour' (allowed: name, aliases, "
                        + "family,");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "maxActivationDays | 7       | does not have a value in the enumeration [30, 45, 180] (found 7)",
        "name              | '\"  \"'  | does not match the regex pattern \\S (found \"  \")",
        "kmsActivatable    | '\"yes\"' | string found, boolean expected (found \"yes\")"})
    void eachRuleNamesTheValueItRefused(String field, String json, String rule) throws IOException {
        JsonNode catalog = resource("catalog.json");
        ((ObjectNode) catalog.path("products").get(2)).set(field, JSON.readTree(json));
        assertThatThrownBy(() -> load(catalog)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("products[2] (").hasMessageContaining(")." + field + ": " + rule);
    }

    @Test
    void productFlagsTheLoaderAlwaysDefaultedStayOptional() throws IOException {
        JsonNode catalog = resource("catalog.json");
        ObjectNode product = (ObjectNode) catalog.path("products").get(0);
        product.remove("preview");
        product.remove("retail");
        ((ObjectNode) catalog.path("unsupportedEditions").get(0)).remove("editionIds");
        Catalog loaded = load(catalog);
        assertThat(loaded.products().get(0).preview()).isEqualTo(loaded.products().get(0).kmsGroup().preview());
        assertThat(loaded.unsupportedEditions().get(0).editionIds()).isEmpty();
    }

    /** A field added to the schema but not to its record (or the other way) fails here, not in production. */
    @ParameterizedTest
    @CsvSource({"csvlk, CatalogFile$CsvlkEntry, ''", "application, Application, source", "kmsGroup, KmsGroup, note",
        "product, CatalogFile$ProductEntry, ''", "unsupportedEdition, CatalogFile$UnsupportedEntry, ''",
        "conversion, RetailConversion, ''", "correction, Correction, ''"})
    void theRecordsHaveTheSchemasFields(String definition, String record, String dropped) throws Exception {
        JsonNode schema = resource("catalog.schema.json");
        Set<String> fields = fieldNames(schema.path("$defs").path(definition).path("properties"));
        if (!dropped.isEmpty()) {
            fields.remove(dropped);
        }
        assertThat(components(Class.forName("io.jkms.catalog." + record))).isEqualTo(fields);
        assertThat(components(CatalogFile.class)).isEqualTo(fieldNames(schema.path("properties")));
    }

    private static Set<String> fieldNames(JsonNode properties) {
        Set<String> out = new TreeSet<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
