package io.jkms.catalog;

import static io.jkms.catalog.CatalogSchemaTest.load;
import static io.jkms.catalog.CatalogSchemaTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the schema cannot say: a catalog that follows it can still be refused, with every problem listed. */
class CatalogChecksTest {

    @Test
    void referencesUniquenessDatesAndKeysAreCheckedTogether() throws IOException {
        JsonNode catalog = resource("catalog.json");
        ObjectNode first = product(catalog, 0);
        ObjectNode second = product(catalog, 1);
        second.put("gvlk", first.path("gvlk").asText());
        ObjectNode third = product(catalog, 2);
        String key = third.path("gvlk").asText();
        third.put("gvlk", key.substring(0, key.length() - 1) + (key.endsWith("X") ? "Y" : "X"));
        ((ObjectNode) catalog.path("applications").get(0)).put("defaultCsvlkId", "Windows95");
        ((ObjectNode) catalog.path("csvlks").get(1)).put("releaseDate", "2017-02-30");
        ((ObjectNode) catalog.path("unsupportedEditions").get(0)).putArray("sources").add("folklore");

        assertThatThrownBy(() -> load(catalog)).isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).problems()).contains(
                        "applications[0].defaultCsvlkId: unknown CSVLK 'Windows95'",
                        "csvlks[1].releaseDate: not an ISO date: 2017-02-30",
                        "products (" + second.path("name").asText() + "): GVLK " + first.path("gvlk").asText()
                                + " also belongs to '" + first.path("name").asText() + "'",
                        "unsupportedEditions[0]: unknown source 'folklore'"))
                .satisfies(e -> assertThat(((CatalogException) e).problems())
                        .anyMatch(p -> p.startsWith("products (" + third.path("name").asText() + "): GVLK ")
                                && p.contains("fails the key check")));
    }

    @Test
    void aReasonIsRequiredExactlyWhenKmsCannotActivate() throws IOException {
        JsonNode catalog = resource("catalog.json");
        ObjectNode product = product(catalog, 0);
        product.put("notActivatableReason", "none really");
        assertThatThrownBy(() -> load(catalog)).isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).problems()).isEqualTo(List.of(
                        "products[0] (" + product.path("name").asText() + "): " + product.path("name").asText()
                                + ": a reason is required exactly when KMS cannot activate it")));
    }

    @Test
    void aKeyIdRangeMustNotBeUpsideDown() throws IOException {
        JsonNode catalog = resource("catalog.json");
        ObjectNode csvlk = (ObjectNode) catalog.path("csvlks").get(3);
        csvlk.put("minKeyId", csvlk.path("maxKeyId").asLong() + 1);
        assertThatThrownBy(() -> load(catalog)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("csvlks[3]: bad key-ID range");
    }

    @Test
    void theShippedAndTheValidatedPathBuildTheSameCatalog() throws IOException {
        Catalog validated = load(resource("catalog.json"));
        Catalog shipped = Catalog.loadDefault();
        assertThat(validated.products()).isEqualTo(shipped.products());
        assertThat(validated.csvlks()).isEqualTo(shipped.csvlks());
        assertThat(validated.unsupportedEditions()).isEqualTo(shipped.unsupportedEditions());
        assertThat(validated.corrections()).isEqualTo(shipped.corrections());
    }

    private static ObjectNode product(JsonNode catalog, int i) {
        return (ObjectNode) catalog.path("products").get(i);
    }
}
