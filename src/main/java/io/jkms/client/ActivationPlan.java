package io.jkms.client;

import io.jkms.catalog.Csvlk;
import java.util.Objects;
import java.util.Optional;

/**
 * What to ask every host for.
 *
 * @param template      the request; CMID and workstation drawn per request unless fixed
 * @param expectedCsvlk the CSVLK whose ePID group the answer must carry, when the catalog knows the product
 * @param count         requests per try (1..)
 * @param newConnection one TCP connection per request instead of all on one
 * @param lenientEpid   warn, rather than fail, when the ePID's format or group is wrong
 */
public record ActivationPlan(RequestTemplate template, Optional<Csvlk> expectedCsvlk, int count, boolean newConnection,
                             boolean lenientEpid) {
    public ActivationPlan {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(expectedCsvlk, "expectedCsvlk");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }
}
