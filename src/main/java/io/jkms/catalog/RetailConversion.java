package io.jkms.catalog;

import java.util.List;
import java.util.Objects;

/**
 * How a retail Office product is converted to volume licences before KMS can activate it (seed 004).
 *
 * @param retailName       the retail product ("Office Professional")
 * @param retailEditionIds Click-to-Run product IDs of the retail product
 * @param targetEdition    the volume edition it converts to: {@code Mondo}, {@code ProPlus} or {@code Standard}
 * @param note             explanation
 */
public record RetailConversion(String retailName, List<String> retailEditionIds, String targetEdition, String note) {
    public RetailConversion {
        Objects.requireNonNull(retailName, "retailName");
        retailEditionIds = List.copyOf(retailEditionIds);
        Objects.requireNonNull(targetEdition, "targetEdition");
        Objects.requireNonNull(note, "note");
    }
}
