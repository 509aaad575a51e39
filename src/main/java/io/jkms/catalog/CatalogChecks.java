package io.jkms.catalog;

import io.jkms.catalog.CatalogFile.CsvlkEntry;
import io.jkms.catalog.CatalogFile.ProductEntry;
import io.jkms.catalog.CatalogFile.UnsupportedEntry;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every rule about the catalog that its schema cannot express, in one place: references between entries (CSVLK,
 * application, KMS ID, source), unique IDs, names and keys, real dates and key-ID ranges, and every GVLK in canonical
 * form with a valid checksum. Runs on records the schema has accepted; records every problem instead of stopping at
 * the first, and builds the public types only from entries without one.
 */
final class CatalogChecks {
    private final List<String> problems = new ArrayList<>();

    private CatalogChecks() {
    }

    static Catalog assemble(CatalogFile file) {
        CatalogChecks checks = new CatalogChecks();
        Catalog catalog = checks.build(file);
        if (!checks.problems.isEmpty()) {
            throw new CatalogException(checks.problems);
        }
        return catalog;
    }

    private Catalog build(CatalogFile f) {
        Map<String, String> sources = f.sources();
        Map<String, Csvlk> csvlks = unique(each(f.csvlks(), "csvlks", this::csvlk), Csvlk::id, "csvlks", "CSVLK id");
        Map<UUID, Application> apps = unique(each(f.applications(), "applications", (a, p) -> {
            known(csvlks, a.defaultCsvlkId(), p + ".defaultCsvlkId");
            return a;
        }), Application::appId, "applications", "application id");
        Map<UUID, KmsGroup> groups = unique(each(f.kmsGroups(), "kmsGroups", (g, p) -> {
            if (!apps.containsKey(g.appId())) {
                problem(p + ".appId", "unknown application " + g.appId());
            }
            known(csvlks, g.csvlkId(), p + ".csvlkId");
            return g;
        }), KmsGroup::kmsId, "kmsGroups", "KMS id");
        List<Product> products = each(f.products(), "products", (e, p) -> product(e, p, groups, csvlks, sources));
        products(products);
        List<UnsupportedEdition> unsupported = each(f.unsupportedEditions(), "unsupportedEditions",
                (u, p) -> unsupported(u, p, sources));
        if (!problems.isEmpty()) {
            return null;
        }
        return new Catalog(sources, List.copyOf(csvlks.values()), List.copyOf(apps.values()),
                List.copyOf(groups.values()), products, unsupported, f.officeRetailConversions(), f.corrections());
    }

    private Csvlk csvlk(CsvlkEntry e, String path) {
        LocalDate released = LocalDate.EPOCH; // reported; kept so that what refers to the CSVLK is checked too
        try {
            released = LocalDate.parse(e.releaseDate());
        } catch (DateTimeParseException x) {
            problem(path + ".releaseDate", "not an ISO date: " + e.releaseDate());
        }
        LocalDate date = released;
        return construct(path, () -> new Csvlk(e.id(), e.displayName(), e.groupId(), e.minKeyId(), e.maxKeyId(),
                date, e.source()));
    }

    private Product product(ProductEntry e, String at, Map<UUID, KmsGroup> groups, Map<String, Csvlk> csvlks,
                            Map<String, String> sources) {
        String path = at + " (" + e.name() + ")";
        KmsGroup group = groups.get(e.kmsId());
        if (group == null) {
            problem(path + ".kmsId", "unknown KMS id " + e.kmsId());
            return null;
        }
        Csvlk csvlk = csvlks.get(group.csvlkId());
        if (csvlk == null) {
            return null; // the KMS ID's unknown CSVLK is reported already
        }
        knownSources(e.sources(), sources, path + ".sources");
        return construct(path, () -> new Product(e.name(), CatalogFile.orEmpty(e.aliases()), family(e.family()),
                e.release(), CatalogFile.orEmpty(e.editionIds()), e.gvlk(), Optional.ofNullable(e.skuId()), group,
                csvlk, e.maxActivationDays(), e.kmsActivatable(),
                Optional.ofNullable(e.notActivatableReason()), Boolean.TRUE.equals(e.preview()) || group.preview(),
                Boolean.TRUE.equals(e.retail()) || group.retail(), e.sources(), CatalogFile.orEmpty(e.notes())));
    }

    private UnsupportedEdition unsupported(UnsupportedEntry e, String path, Map<String, String> sources) {
        knownSources(e.sources(), sources, path);
        return construct(path, () -> new UnsupportedEdition(e.name(), family(e.family()),
                CatalogFile.orEmpty(e.editionIds()), e.reason(), e.sources()));
    }

    /** Whole-catalog rules over the products: unique GVLKs, SKU IDs and names, keys that check, family = app. */
    private void products(List<Product> products) {
        Map<String, String> gvlks = new HashMap<>();
        Map<UUID, String> skus = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Product p : products) {
            String where = "products (" + p.name() + ")";
            key(p, where);
            String other = gvlks.putIfAbsent(p.gvlk(), p.name());
            if (other != null) {
                problem(where, "GVLK " + p.gvlk() + " also belongs to '" + other + "'");
            }
            p.skuId().ifPresent(s -> {
                String o = skus.putIfAbsent(s, p.name());
                if (o != null) {
                    problem(where, "SKU ID " + s + " also belongs to '" + o + "'");
                }
            });
            for (String n : p.names()) {
                String o = names.putIfAbsent(n.toLowerCase(Locale.ROOT), p.name());
                if (o != null && !o.equals(p.name())) {
                    problem(where, "name '" + n + "' also names '" + o + "'");
                }
            }
            if ((p.family() == Family.OFFICE) == p.appId().equals(Catalog.WINDOWS_APP)) {
                problem(where, "family " + p.family().label() + " does not match application " + p.appId());
            }
        }
    }

    private void key(Product p, String where) {
        try {
            String key = ProductKeys.canonical(p.gvlk());
            if (!key.equals(p.gvlk())) {
                problem(where, "GVLK not in canonical form: " + p.gvlk());
            }
            if (ProductKeys.is2009Format(key)) {
                ProductKeys.decode(key);
            }
        } catch (InvalidKeyException e) {
            problem(where, "GVLK " + p.gvlk() + " fails the key check: " + e.getMessage());
        }
    }

    /** The schema allows only these labels, so the lookup cannot miss. */
    private static Family family(String label) {
        return Family.parse(label).orElseThrow(() -> new IllegalArgumentException("unknown family '" + label + "'"));
    }

    private void known(Map<String, Csvlk> csvlks, String id, String path) {
        if (!csvlks.containsKey(id)) {
            problem(path, "unknown CSVLK '" + id + "'");
        }
    }

    private void knownSources(List<String> used, Map<String, String> sources, String path) {
        used.stream().filter(s -> !sources.containsKey(s)).forEach(s -> problem(path, "unknown source '" + s + "'"));
    }

    /**
     * Reads each entry of an array with its path ({@code field[i]}). An entry with a problem that could still be
     * built is kept, so that what refers to it is checked as well and one mistake is reported once, not once per
     * reference; no catalog is built while there are problems.
     */
    private <E, T> List<T> each(List<E> entries, String field, BiFunction<E, String, T> read) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            T t = read.apply(entries.get(i), field + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private <K, V> Map<K, V> unique(List<V> values, Function<V, K> key, String path, String what) {
        Map<K, V> out = new LinkedHashMap<>();
        for (V v : values) {
            if (out.putIfAbsent(key.apply(v), v) != null) {
                problem(path, "duplicate " + what + " " + key.apply(v));
            }
        }
        return out;
    }

    /** The public types check their own invariants (a reason exactly when not activatable, a key-ID range). */
    private <T> T construct(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
            return null;
        }
    }

    private void problem(String path, String message) {
        problems.add(path + ": " + message);
    }
}
