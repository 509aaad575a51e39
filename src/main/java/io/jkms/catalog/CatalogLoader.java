package io.jkms.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads the catalog data file in three steps: JSON into a tree, the tree against {@code catalog.schema.json} (its
 * shape), then the tree into {@link CatalogFile} records and those through {@link CatalogChecks} (what a schema
 * cannot say). Each step reports every problem it finds before the next one runs; the shipped catalog skips the
 * schema step at run time because the build runs it ({@link #loadShipped}).
 */
final class CatalogLoader {
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder(new JsonFactoryBuilder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // The schema has accepted every field already; a field it allows but no record declares is a bug
            // between the two, so it fails here too; except what the public types drop: an application's source
            // and a KMS ID's note, which are for people reading the file.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .withConfigOverride(Application.class,
                    o -> o.setIgnorals(JsonIgnoreProperties.Value.forIgnoredProperties("source")))
            .withConfigOverride(KmsGroup.class,
                    o -> o.setIgnorals(JsonIgnoreProperties.Value.forIgnoredProperties("note")))
            .build();

    private CatalogLoader() {
    }

    /** An operator's catalog: every step, the schema included. */
    static Catalog load(InputStream in) {
        JsonNode root = tree(bytes(in));
        List<String> problems = CatalogSchema.shipped().problems(root);
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return CatalogChecks.assemble(records(() -> JSON.treeToValue(root, CatalogFile.class)));
    }

    /**
     * The catalog in the jar: the build has validated it against the schema (CatalogSchemaTest), so start-up skips
     * that step, which costs about 0.4 s of CPU the first time (the validator's classes and the compiled schema)
     * against a start-up budget of 1 s; and it reads the records straight from the bytes, without a tree. The
     * semantic checks still run.
     */
    static Catalog loadShipped(InputStream in) {
        byte[] bytes = bytes(in);
        return CatalogChecks.assemble(records(() -> JSON.readValue(bytes, CatalogFile.class)));
    }

    private static CatalogFile records(JsonRead read) {
        try {
            return read.get();
        } catch (JsonProcessingException e) {
            throw new CatalogException("the schema accepts it but its records do not: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogException("cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new CatalogException(List.of("data file larger than " + MAX_BYTES + " bytes"));
            }
            return bytes;
        } catch (IOException e) {
            throw new CatalogException("cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root.isMissingNode()) {
                throw new CatalogException(List.of("not valid JSON: no content"));
            }
            return root;
        } catch (IOException e) {
            throw new CatalogException("not valid JSON: " + (e instanceof JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** Jackson's read, which throws a checked exception. */
    private interface JsonRead {
        CatalogFile get() throws IOException;
    }
}
