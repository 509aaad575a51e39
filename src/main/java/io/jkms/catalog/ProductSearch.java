package io.jkms.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The ranked lookup behind {@link Catalog#find(String)}. */
final class ProductSearch {
    private static final Pattern GUID = Pattern.compile("\\{?[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}}?");

    private ProductSearch() {
    }

    static List<Product> find(List<Product> products, String query) {
        String q = query.trim();
        if (q.isEmpty()) {
            return List.of();
        }
        List<Predicate<Product>> tiers = new ArrayList<>();
        if (GUID.matcher(q).matches()) {
            UUID id = UUID.fromString(q.replace("{", "").replace("}", ""));
            tiers.add(p -> p.skuId().filter(id::equals).isPresent());
            tiers.add(p -> p.kmsId().equals(id));
        }
        String upper = q.toUpperCase(Locale.ROOT);
        tiers.add(p -> p.gvlk().equals(upper));
        String lower = q.toLowerCase(Locale.ROOT);
        tiers.add(p -> p.names().stream().anyMatch(n -> n.equalsIgnoreCase(q)));
        tiers.add(p -> p.editionIds().stream().anyMatch(e -> e.equalsIgnoreCase(q)));
        tiers.add(p -> p.names().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(lower)));
        for (Predicate<Product> tier : tiers) {
            List<Product> hits = products.stream().filter(tier).toList();
            if (!hits.isEmpty()) {
                return newestFirst(hits);
            }
        }
        return List.of();
    }

    /** Keeps the catalog order (which lists newer releases first) but puts previews after final products. */
    private static List<Product> newestFirst(List<Product> hits) {
        return hits.stream().sorted(Comparator.comparing(Product::preview)).toList();
    }
}
