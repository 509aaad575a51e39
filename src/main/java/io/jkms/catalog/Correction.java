package io.jkms.catalog;

import java.util.Objects;

/**
 * A place where a seed document is wrong or disagrees, and the value the catalog keeps instead.
 *
 * @param seed         which seed ({@code seed000}, {@code seed004})
 * @param table        the table (or text passage) of the seed
 * @param row          the row's product
 * @param field        which fact
 * @param seedValue    what the seed says
 * @param catalogValue what the catalog holds
 * @param reason       why
 */
public record Correction(String seed, String table, String row, String field, String seedValue, String catalogValue,
                         String reason) {
    public Correction {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(seedValue, "seedValue");
        Objects.requireNonNull(catalogValue, "catalogValue");
        Objects.requireNonNull(reason, "reason");
    }
}
