package io.jkms.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Whole-catalog rules over the products: unique keys and IDs, and every GVLK well-formed and checksum-valid. */
final class ProductChecks {
    private ProductChecks() {
    }

    static void check(List<Product> products, CatalogReader r) {
        Map<String, String> gvlks = new HashMap<>();
        Map<UUID, String> skus = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Product p : products) {
            String where = "products (" + p.name() + ")";
            checkKey(p, r, where);
            String other = gvlks.putIfAbsent(p.gvlk(), p.name());
            if (other != null) {
                r.problem(where, "GVLK " + p.gvlk() + " also belongs to '" + other + "'");
            }
            p.skuId().ifPresent(s -> {
                String o = skus.putIfAbsent(s, p.name());
                if (o != null) {
                    r.problem(where, "SKU ID " + s + " also belongs to '" + o + "'");
                }
            });
            for (String n : p.names()) {
                String o = names.putIfAbsent(n.toLowerCase(java.util.Locale.ROOT), p.name());
                if (o != null && !o.equals(p.name())) {
                    r.problem(where, "name '" + n + "' also names '" + o + "'");
                }
            }
            if ((p.family() == Family.OFFICE) == p.appId().equals(Catalog.WINDOWS_APP)) {
                r.problem(where, "family " + p.family().label() + " does not match application " + p.appId());
            }
        }
    }

    private static void checkKey(Product p, CatalogReader r, String where) {
        try {
            String key = ProductKeys.canonical(p.gvlk());
            if (!key.equals(p.gvlk())) {
                r.problem(where, "GVLK not in canonical form: " + p.gvlk());
            }
            if (ProductKeys.is2009Format(key)) {
                ProductKeys.decode(key);
            }
        } catch (InvalidKeyException e) {
            r.problem(where, "GVLK " + p.gvlk() + " fails the key check: " + e.getMessage());
        }
    }
}
