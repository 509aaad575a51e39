package io.jkms.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The data file as its JSON has it, one record per object of {@code catalog.schema.json}: Jackson reads a tree that
 * {@link CatalogSchema} has already accepted into these, so every required field is here and every value has its
 * declared type and range. What a schema cannot say (references, uniqueness, GVLK checksums) {@link CatalogChecks}
 * checks on the way to the public types. Where the public type has exactly the file's fields and nothing a schema
 * cannot check ({@link Application}, {@link KmsGroup}, {@link RetailConversion}, {@link Correction}), it is read
 * directly; the schema test keeps record components and schema properties the same names.
 */
record CatalogFile(int schemaVersion, Map<String, String> sources, List<CsvlkEntry> csvlks,
                   List<Application> applications, List<KmsGroup> kmsGroups, List<ProductEntry> products,
                   List<UnsupportedEntry> unsupportedEditions, List<RetailConversion> officeRetailConversions,
                   List<Correction> corrections) {

    /** A CSVLK; the date stays text so that an impossible one (2021-02-30) is reported, not thrown. */
    record CsvlkEntry(String id, String displayName, int groupId, long minKeyId, long maxKeyId, String releaseDate,
                      String source) {
    }

    /** A product: optional fields are null when absent ({@link #orEmpty} for lists). */
    record ProductEntry(String name, List<String> aliases, String family, String release, List<String> editionIds,
                        String gvlk, UUID skuId, UUID kmsId, int maxActivationDays, boolean kmsActivatable,
                        String notActivatableReason, Boolean preview, Boolean retail, List<String> sources,
                        List<String> notes) {
    }

    /** An edition KMS cannot activate. */
    record UnsupportedEntry(String name, String family, List<String> editionIds, String reason, List<String> sources) {
    }

    static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
