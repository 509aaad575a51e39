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
 * @param strict        fail, rather than warn, on what a genuine host would not send ({@link Finding.Level#WARNING})
 */
public record ActivationPlan(RequestTemplate template, Optional<Csvlk> expectedCsvlk, int count, boolean newConnection,
                             boolean strict) {
    public ActivationPlan {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(expectedCsvlk, "expectedCsvlk");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }
}
