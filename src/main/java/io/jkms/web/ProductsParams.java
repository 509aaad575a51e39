package io.jkms.web;

import io.jkms.catalog.Family;
import io.jkms.catalog.Product;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The products page's filter as it travels in the URL: {@code q} (any name, GVLK, EditionID) and {@code family}. */
public record ProductsParams(String search, Optional<Family> family) {
    public static final int MAX_SEARCH = 100;

    public static ProductsParams from(Query query) {
        String search = query.get("q").orElse("");
        if (search.length() > MAX_SEARCH) {
            throw new BadRequestException("parameter 'q' must be at most " + MAX_SEARCH + " characters");
        }
        Optional<String> familyText = query.get("family").filter(f -> !f.equals("all"));
        Optional<Family> family = familyText.map(f -> Family.parse(f).orElseThrow(() -> new BadRequestException(
                "parameter 'family' must be all, windows-client, windows-server or office")));
        return new ProductsParams(search, family);
    }

    /** Case-insensitive substring of any name, release, EditionID or the GVLK, within the family. */
    public List<Product> filter(List<Product> products) {
        String q = search.toLowerCase(Locale.ROOT);
        return products.stream().filter(p -> family.isEmpty() || p.family() == family.get())
                .filter(p -> q.isEmpty() || haystack(p).contains(q)).toList();
    }

    /** The text the filter (here and in the page's script) searches. */
    static String haystack(Product p) {
        return String.join(" ", p.names()).toLowerCase(Locale.ROOT) + " " + p.release().toLowerCase(Locale.ROOT)
                + " " + String.join(" ", p.editionIds()).toLowerCase(Locale.ROOT)
                + " " + p.gvlk().toLowerCase(Locale.ROOT);
    }
}
