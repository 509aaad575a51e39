package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.Product;
import io.jkms.catalog.ProductMatch;
import io.jkms.catalog.RetailConversion;
import io.jkms.cli.ActivateCommand.UsageException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Chooses the product a command acts on from what the user typed, with the exit codes that {@code activate},
 * {@code script} and {@code products show} share, so that a script can tell "no such product" from "several" and
 * from "KMS cannot activate it" whatever command it runs.
 */
final class ProductChoice {
    static final int NO_MATCH = 8;
    static final int AMBIGUOUS = 9;
    static final int NOT_ACTIVATABLE = 10;
    static final String EXIT_NO_MATCH = "8:no product matches the name (see jkms products)";
    static final String EXIT_AMBIGUOUS = "9:several products match the name; the candidates are listed";
    static final String EXIT_NOT_ACTIVATABLE = "10:KMS cannot activate the product (an unsupported edition, a retail "
            + "product to convert first";
    private static final int LISTED = 40;

    private ProductChoice() {
    }

    /** The one product the query names; an unsupported edition or a retail product is refused. */
    static Product choose(Catalog catalog, String query) throws UsageException {
        ProductMatch m = catalog.resolve(query);
        return switch (m.kind()) {
            case PRODUCT -> m.products().get(0);
            case NONE -> throw new UsageException(NO_MATCH, "no product matches '" + query + "' (see jkms products)");
            case AMBIGUOUS -> throw new UsageException(AMBIGUOUS, ambiguous(query, m.candidateNames()));
            case UNSUPPORTED -> throw new UsageException(NOT_ACTIVATABLE, m.unsupported().get(0).name()
                    + ": KMS cannot activate it: " + m.unsupported().get(0).reason());
            case CONVERSION -> throw new UsageException(NOT_ACTIVATABLE, conversion(catalog,
                    m.conversions().get(0)));
        };
    }

    /** "3 products match 'X'; name one exactly:" and the candidates, one a line (at most 40). */
    static String ambiguous(String query, List<String> candidates) {
        String listed = candidates.stream().limit(LISTED).map(c -> "  " + c).collect(Collectors.joining("\n"));
        return heading(query, candidates.size()) + "\n" + listed + (candidates.size() > LISTED ? "\n  … (jkms products show '" + query + "' lists them all)" : "");
    }

    static String heading(String query, int candidates) {
        return candidates + " products match '" + query + "'; name one exactly (or give its GVLK or SKU ID):";
    }

    private static String conversion(Catalog catalog, RetailConversion c) {
        List<Product> targets = catalog.conversionTargets(c);
        return c.retailName() + " (retail): KMS cannot activate it until it is converted to volume licences ("
                + c.note() + "); convert it, then use "
                + (targets.isEmpty() ? "the volume product" : targets.get(0).name()) + " or an older release";
    }
}
