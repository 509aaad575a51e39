package io.jkms.cli;

import io.jkms.catalog.Product;
import io.jkms.client.ActivationPlan;
import java.util.List;
import java.util.Optional;

/** One product to activate: how the report names it, the catalog entry if any, and what to send. */
record ActivationTarget(String label, Optional<Product> product, ActivationPlan plan, List<String> notes) {
    ActivationTarget {
        notes = List.copyOf(notes);
    }
}
