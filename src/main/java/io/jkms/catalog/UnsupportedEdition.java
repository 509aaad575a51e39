package io.jkms.catalog;

import java.util.List;
import java.util.Objects;

/** An edition KMS cannot activate at all (no KMS client licence), with the reason. */
public record UnsupportedEdition(String name, Family family, List<String> editionIds, String reason,
                                 List<String> sources) {
    public UnsupportedEdition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        editionIds = List.copyOf(editionIds);
        Objects.requireNonNull(reason, "reason");
        sources = List.copyOf(sources);
    }
}
