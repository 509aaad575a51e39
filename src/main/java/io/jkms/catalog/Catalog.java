package io.jkms.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The immutable product catalog: CSVLKs, applications, KMS IDs and products, loaded and validated from JSON.
 * Create one with {@link #loadDefault()} or {@link #load(InputStream)} and pass it to whoever needs it.
 */
public final class Catalog {
    /** The bundled data file. */
    public static final String RESOURCE = "/io/jkms/catalog/catalog.json";
    public static final UUID WINDOWS_APP = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    /** The CSVLK used when even the application is unknown. */
    public static final String FALLBACK_CSVLK = "Windows";

    private final Map<String, String> sources;
    private final List<Csvlk> csvlks;
    private final List<Application> applications;
    private final List<KmsGroup> kmsGroups;
    private final List<Product> products;
    private final List<UnsupportedEdition> unsupported;
    private final List<RetailConversion> conversions;
    private final List<Correction> corrections;
    private final Map<String, Csvlk> csvlkById;
    private final Map<UUID, Application> appById;
    private final Map<UUID, KmsGroup> groupById;
    private final Map<UUID, Product> productBySku;
    private final ProductSearch search;

    Catalog(Map<String, String> sources, List<Csvlk> csvlks, List<Application> applications,
            List<KmsGroup> kmsGroups, List<Product> products, List<UnsupportedEdition> unsupported,
            List<RetailConversion> conversions, List<Correction> corrections) {
        this.sources = Map.copyOf(sources);
        this.csvlks = List.copyOf(csvlks);
        this.applications = List.copyOf(applications);
        this.kmsGroups = List.copyOf(kmsGroups);
        this.products = List.copyOf(products);
        this.unsupported = List.copyOf(unsupported);
        this.conversions = List.copyOf(conversions);
        this.corrections = List.copyOf(corrections);
        this.csvlkById = index(csvlks, Csvlk::id);
        this.appById = index(applications, Application::appId);
        this.groupById = index(kmsGroups, KmsGroup::kmsId);
        this.productBySku = products.stream().filter(p -> p.skuId().isPresent())
                .collect(Collectors.toUnmodifiableMap(p -> p.skuId().orElseThrow(), p -> p));
        this.search = new ProductSearch(this.products, this.unsupported, this.conversions);
        if (!csvlkById.containsKey(FALLBACK_CSVLK)) {
            throw new CatalogException(List.of("csvlks: the fallback CSVLK '" + FALLBACK_CSVLK + "' is missing"));
        }
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toUnmodifiableMap(key, v -> v));
    }

    /**
     * Loads the bundled catalog; throws {@link CatalogException} listing every problem if it is inconsistent. Its
     * schema check ran at build time, so start-up does not repeat it.
     */
    public static Catalog loadDefault() {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogException(List.of("resource " + RESOURCE + " is missing"));
            }
            return CatalogLoader.loadShipped(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads and validates a catalog (an operator's): against {@code catalog.schema.json}, then what a schema cannot
     * check; throws {@link CatalogException} (only) when the data is not a valid catalog, listing every problem.
     */
    public static Catalog load(InputStream json) {
        return CatalogLoader.load(json);
    }

    public Optional<KmsGroup> kmsGroup(UUID kmsId) {
        return Optional.ofNullable(groupById.get(kmsId));
    }

    public Optional<Application> application(UUID appId) {
        return Optional.ofNullable(appById.get(appId));
    }

    public Optional<Product> product(UUID skuId) {
        return Optional.ofNullable(productBySku.get(skuId));
    }

    public Optional<Csvlk> csvlk(String id) {
        return Optional.ofNullable(csvlkById.get(id));
    }

    /**
     * The CSVLK whose ePID a host answers a request with: the KMS ID's; for an unknown KMS ID the application's
     * default; for an unknown application {@value #FALLBACK_CSVLK}.
     */
    public Csvlk csvlkFor(UUID kmsId, UUID appId) {
        String id = kmsGroup(kmsId).map(KmsGroup::csvlkId)
                .or(() -> application(appId).map(Application::defaultCsvlkId))
                .orElse(FALLBACK_CSVLK);
        return csvlkById.get(id);
    }

    /** Products whose GVLK equals the key (canonicalised), if any. */
    public Optional<Product> productByGvlk(String key) {
        String k = key.trim().toUpperCase(Locale.ROOT);
        return products.stream().filter(p -> p.gvlk().equals(k)).findFirst();
    }

    /** Products counted under a KMS ID. */
    public List<Product> productsOf(UUID kmsId) {
        return products.stream().filter(p -> p.kmsId().equals(kmsId)).toList();
    }

    /**
     * Resolves what an administrator typed: a SKU ID, KMS ID or GVLK; else an exact name (also of an unsupported
     * edition or a retail Office product); else an EditionID (newest release first); else the same name written
     * another way (word order, with or without "LTSC", "Volume", "Pro"/"Professional"); else a partial name, which
     * only chooses when it finds a single final product. See {@link ProductMatch}.
     */
    public ProductMatch resolve(String query) {
        return search.resolve(query);
    }

    /** The products {@link #resolve(String)} finds: the one chosen (then older releases), or the candidates. */
    public List<Product> find(String query) {
        return resolve(query).products();
    }

    /** Unsupported editions whose name or EditionID matches the query (case-insensitive, partial name). */
    public List<UnsupportedEdition> findUnsupported(String query) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        return unsupported.stream().filter(u -> u.name().toLowerCase(Locale.ROOT).contains(q)
                || u.editionIds().stream().anyMatch(e -> e.equalsIgnoreCase(q))).toList();
    }

    /** The volume products a retail Office product converts to, per Office release (newest first). */
    public List<Product> conversionTargets(RetailConversion c) {
        String ed = c.targetEdition();
        return products.stream().filter(p -> p.family() == Family.OFFICE && !p.preview())
                .filter(p -> p.editionIds().stream().anyMatch(e -> e.matches(ed + "(\\d{4})?Volume")))
                .sorted(Comparator.comparing(Product::release).reversed()).toList();
    }

    public List<Product> products() {
        return products;
    }

    public List<Product> products(Family family) {
        return products.stream().filter(p -> p.family() == family).toList();
    }

    public List<KmsGroup> kmsGroups() {
        return kmsGroups;
    }

    public List<Csvlk> csvlks() {
        return csvlks;
    }

    public List<Application> applications() {
        return applications;
    }

    public List<UnsupportedEdition> unsupportedEditions() {
        return unsupported;
    }

    public List<RetailConversion> retailConversions() {
        return conversions;
    }

    public List<Correction> corrections() {
        return corrections;
    }

    /** Source key → description of where facts come from. */
    public Map<String, String> sources() {
        return sources;
    }
}
