package io.jkms.catalog;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a name, EditionID, GVLK or GUID resolves to in the catalog ({@link Catalog#resolve(String)}).
 *
 * @param kind        what was found
 * @param products    the product found first, then other releases with the same EditionID; or the candidates
 * @param unsupported the edition KMS cannot activate, or candidates
 * @param conversions the retail Office product to convert, or candidates
 */
public record ProductMatch(Kind kind, List<Product> products, List<UnsupportedEdition> unsupported,
                           List<RetailConversion> conversions) {
    /** The outcome of a lookup. */
    public enum Kind {
        /** One product: {@code products().get(0)}; the rest are older releases with the same EditionID. */
        PRODUCT,
        /** One edition KMS cannot activate at all. */
        UNSUPPORTED,
        /** One retail Office product that must be converted to volume licences first. */
        CONVERSION,
        /** Several entries match and none is better than the others: the candidates. */
        AMBIGUOUS,
        /** Nothing matches. */
        NONE
    }

    public ProductMatch {
        Objects.requireNonNull(kind, "kind");
        products = List.copyOf(products);
        unsupported = List.copyOf(unsupported);
        conversions = List.copyOf(conversions);
    }

    static ProductMatch none() {
        return new ProductMatch(Kind.NONE, List.of(), List.of(), List.of());
    }

    static ProductMatch product(List<Product> winnerFirst) {
        return new ProductMatch(Kind.PRODUCT, winnerFirst, List.of(), List.of());
    }

    /** The candidates' names, products first. */
    public List<String> candidateNames() {
        return Stream.of(products.stream().map(Product::name),
                unsupported.stream().map(u -> u.name() + " (KMS cannot activate it)"),
                conversions.stream().map(c -> c.retailName() + " (retail)")).flatMap(s -> s).toList();
    }
}
