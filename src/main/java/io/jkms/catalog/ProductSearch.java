package io.jkms.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The ranked lookup behind {@link Catalog#resolve(String)}. Tiers, first that finds anything wins: SKU ID, KMS ID,
 * GVLK; the exact name (of a product, an unsupported edition or a retail product); the EditionID; the same name
 * written another way (word order, "LTSC", "Volume", "Pro"/"Professional", spacing and punctuation); last a partial
 * name, where only a single final product wins: a preview, a retail product, an unsupported edition or a retail
 * conversion found only by part of its name is offered as a candidate, never chosen.
 */
final class ProductSearch {
    private static final Pattern GUID = Pattern.compile("\\{?[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}}?");
    /** Words an administrator adds or leaves out without meaning another product. */
    private static final Set<String> NOISE = Set.of("ltsc", "volume", "microsoft");

    private final List<Product> products;
    private final List<UnsupportedEdition> unsupported;
    private final List<RetailConversion> conversions;

    ProductSearch(List<Product> products, List<UnsupportedEdition> unsupported, List<RetailConversion> conversions) {
        this.products = products;
        this.unsupported = unsupported;
        this.conversions = conversions;
    }

    ProductMatch resolve(String query) {
        String q = query.trim().replaceAll("\\s+", " ");
        if (q.isEmpty()) {
            return ProductMatch.none();
        }
        if (GUID.matcher(q).matches()) {
            UUID id = UUID.fromString(q.replace("{", "").replace("}", ""));
            ProductMatch byId = byProducts(p -> p.skuId().filter(id::equals).isPresent()
                    || p.kmsId().equals(id));
            if (byId.kind() != ProductMatch.Kind.NONE) {
                return byId;
            }
        }
        String upper = q.toUpperCase(Locale.ROOT);
        for (Tier tier : List.of(
                new Tier(p -> p.gvlk().equals(upper), u -> false, c -> false),
                new Tier(p -> p.names().stream().anyMatch(q::equalsIgnoreCase), u -> u.name().equalsIgnoreCase(q),
                        c -> c.retailName().equalsIgnoreCase(q)),
                new Tier(p -> p.editionIds().stream().anyMatch(q::equalsIgnoreCase),
                        u -> u.editionIds().stream().anyMatch(q::equalsIgnoreCase),
                        c -> c.retailEditionIds().stream().anyMatch(q::equalsIgnoreCase)),
                sameWords(q))) {
            ProductMatch m = match(tier);
            if (m.kind() != ProductMatch.Kind.NONE) {
                return m;
            }
        }
        return partial(q);
    }

    /** One kind of match applied to the three lists. */
    private record Tier(Predicate<Product> product, Predicate<UnsupportedEdition> edition,
                        Predicate<RetailConversion> conversion) {
    }

    private ProductMatch match(Tier tier) {
        List<Product> p = products.stream().filter(tier.product()).toList();
        List<UnsupportedEdition> u = unsupported.stream().filter(tier.edition()).toList();
        List<RetailConversion> c = conversions.stream().filter(tier.conversion()).toList();
        int found = p.size() + u.size() + c.size();
        if (found == 0) {
            return ProductMatch.none();
        }
        if (!p.isEmpty() && (p.size() == 1 || sameEditionId(p))) {
            return ProductMatch.product(finalFirst(p)); // a product wins over an edition of the same name
        }
        if (p.isEmpty() && found == 1) {
            return new ProductMatch(u.isEmpty() ? ProductMatch.Kind.CONVERSION : ProductMatch.Kind.UNSUPPORTED,
                    List.of(), u, c);
        }
        return new ProductMatch(ProductMatch.Kind.AMBIGUOUS, finalFirst(p), u, c);
    }

    private ProductMatch byProducts(Predicate<Product> filter) {
        return match(new Tier(filter, u -> false, c -> false));
    }

    /** Products that all share one EditionID (releases of one edition): the newest final one wins. */
    private static boolean sameEditionId(List<Product> hits) {
        return hits.get(0).editionIds().stream().anyMatch(e -> hits.stream().allMatch(p -> p.editionIds().contains(e)))
                && hits.stream().allMatch(p -> p.kmsGroup().appId().equals(hits.get(0).appId()))
                && hits.stream().map(Product::release).distinct().count() == hits.size();
    }

    private static Tier sameWords(String q) {
        String key = key(q);
        return new Tier(p -> p.names().stream().anyMatch(n -> key(n).equals(key)), u -> key(u.name()).equals(key),
                c -> key(c.retailName()).equals(key));
    }

    private ProductMatch partial(String q) {
        String lower = q.toLowerCase(Locale.ROOT);
        List<String> words = words(q);
        Predicate<String> hit = n -> n.toLowerCase(Locale.ROOT).contains(lower) || words(n).containsAll(words);
        List<Product> p = products.stream().filter(x -> x.names().stream().anyMatch(hit)).toList();
        List<UnsupportedEdition> u = unsupported.stream().filter(x -> hit.test(x.name())).toList();
        List<RetailConversion> c = conversions.stream().filter(x -> hit.test(x.retailName())).toList();
        if (p.size() == 1 && u.isEmpty() && c.isEmpty() && !p.get(0).preview() && !p.get(0).retail()) {
            return ProductMatch.product(p);
        }
        if (p.isEmpty() && u.isEmpty() && c.isEmpty()) {
            return ProductMatch.none();
        }
        return new ProductMatch(ProductMatch.Kind.AMBIGUOUS, finalFirst(p), u, c);
    }

    /** A name's words, lower case, without the noise words, "professional" as "pro", in a fixed order. */
    static String key(String name) {
        return String.join(" ", words(name).stream().sorted().toList());
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String w : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty() && !NOISE.contains(w)) {
                words.add(w.equals("professional") ? "pro" : w);
            }
        }
        return words;
    }

    /** Keeps the catalog order (which lists newer releases first) but puts previews after final products. */
    private static List<Product> finalFirst(List<Product> hits) {
        return hits.stream().sorted(Comparator.comparing(Product::preview)).toList();
    }
}
