package io.jkms.catalog;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads and validates the catalog data file (structure first, then every cross-reference and every GVLK). */
final class CatalogLoader {
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder(new JsonFactoryBuilder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<Integer> ACTIVATION_DAYS = Set.of(30, 45, 180);

    private final CatalogReader r = new CatalogReader();

    static Catalog load(InputStream in) {
        JsonNode root;
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new CatalogException(List.of("data file larger than " + MAX_BYTES + " bytes"));
            }
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new CatalogException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogException("cannot read: " + e.getMessage(), e);
        }
        return new CatalogLoader().read(root);
    }

    private Catalog read(JsonNode root) {
        if (!r.object(root, "$", Set.of("schemaVersion", "sources", "csvlks", "applications", "kmsGroups",
                "products", "unsupportedEditions", "officeRetailConversions", "corrections"), Set.of())) {
            throw new CatalogException(r.problems());
        }
        r.number(root, "schemaVersion", "$", 1, 1);
        Map<String, String> sources = sources(root.get("sources"));
        Map<String, Csvlk> csvlks = new LinkedHashMap<>();
        for (Csvlk c : r.array(root, "csvlks", e -> csvlk(e, sources))) {
            CatalogReader.putUnique(csvlks, c.id(), c, r, "csvlks", "CSVLK id");
        }
        Map<UUID, Application> apps = new LinkedHashMap<>();
        for (Application a : r.array(root, "applications", e -> application(e, csvlks))) {
            CatalogReader.putUnique(apps, a.appId(), a, r, "applications", "application id");
        }
        Map<UUID, KmsGroup> groups = new LinkedHashMap<>();
        for (KmsGroup g : r.array(root, "kmsGroups", e -> kmsGroup(e, csvlks, apps))) {
            CatalogReader.putUnique(groups, g.kmsId(), g, r, "kmsGroups", "KMS id");
        }
        List<Product> products = r.array(root, "products", e -> product(e, groups, csvlks, sources));
        ProductChecks.check(products, r);
        List<UnsupportedEdition> unsupported = r.array(root, "unsupportedEditions", e -> unsupported(e, sources));
        List<RetailConversion> conversions = r.array(root, "officeRetailConversions", this::conversion);
        List<Correction> corrections = r.array(root, "corrections", this::correction);
        if (!r.problems().isEmpty()) {
            throw new CatalogException(r.problems());
        }
        return new Catalog(sources, List.copyOf(csvlks.values()), List.copyOf(apps.values()),
                List.copyOf(groups.values()), products, unsupported, conversions, corrections);
    }

    private Map<String, String> sources(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            r.problem("sources", "expected an object of source key → description");
            return out;
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                r.problem("sources." + e.getKey(), "expected a description");
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }

    private Csvlk csvlk(CatalogReader.Indexed e, Map<String, String> sources) {
        if (!r.object(e.node(), e.path(), Set.of("id", "displayName", "groupId", "minKeyId", "maxKeyId",
                "releaseDate", "source"), Set.of())) {
            return null;
        }
        JsonNode n = e.node();
        String p = e.path();
        return r.construct(p, () -> new Csvlk(r.text(n, "id", p), r.text(n, "displayName", p),
                (int) r.number(n, "groupId", p, 0, 99_999), r.number(n, "minKeyId", p, 0, 999_999_999),
                r.number(n, "maxKeyId", p, 0, 999_999_999), r.date(n, "releaseDate", p), r.text(n, "source", p)));
    }

    private Application application(CatalogReader.Indexed e, Map<String, Csvlk> csvlks) {
        if (!r.object(e.node(), e.path(), Set.of("appId", "name", "defaultCsvlkId", "source"), Set.of())) {
            return null;
        }
        JsonNode n = e.node();
        String csvlk = r.text(n, "defaultCsvlkId", e.path());
        if (!csvlks.containsKey(csvlk)) {
            r.problem(e.path() + ".defaultCsvlkId", "unknown CSVLK '" + csvlk + "'");
        }
        r.text(n, "source", e.path());
        return r.construct(e.path(), () -> new Application(r.uuid(n, "appId", e.path()), r.text(n, "name", e.path()),
                csvlk));
    }

    private KmsGroup kmsGroup(CatalogReader.Indexed e, Map<String, Csvlk> csvlks, Map<UUID, Application> apps) {
        String p = e.path();
        if (!r.object(e.node(), p, Set.of("kmsId", "name", "appId", "requiredClientCount", "protocolVersion",
                "csvlkId", "retail", "preview", "source"), Set.of("note"))) {
            return null;
        }
        JsonNode n = e.node();
        UUID app = r.uuid(n, "appId", p);
        if (!apps.containsKey(app)) {
            r.problem(p + ".appId", "unknown application " + app);
        }
        String csvlk = r.text(n, "csvlkId", p);
        if (!csvlks.containsKey(csvlk)) {
            r.problem(p + ".csvlkId", "unknown CSVLK '" + csvlk + "'");
        }
        r.optionalText(n, "note", p);
        return r.construct(p, () -> new KmsGroup(r.uuid(n, "kmsId", p), r.text(n, "name", p), app,
                (int) r.number(n, "requiredClientCount", p, 0, 1000), (int) r.number(n, "protocolVersion", p, 0, 99),
                csvlk, r.bool(n, "retail", p, false), r.bool(n, "preview", p, false), r.text(n, "source", p)));
    }

    private Product product(CatalogReader.Indexed e, Map<UUID, KmsGroup> groups, Map<String, Csvlk> csvlks,
                            Map<String, String> sources) {
        String p = e.path();
        if (!r.object(e.node(), p, Set.of("name", "family", "release", "gvlk", "kmsId", "maxActivationDays",
                        "kmsActivatable", "sources"),
                Set.of("aliases", "editionIds", "skuId", "notActivatableReason", "preview", "retail", "notes"))) {
            return null;
        }
        JsonNode n = e.node();
        String name = r.text(n, "name", p);
        String path = p + " (" + name + ")";
        Family family = family(n, path);
        KmsGroup group = groups.get(r.uuid(n, "kmsId", path));
        if (group == null) {
            r.problem(path + ".kmsId", "unknown KMS id " + n.path("kmsId").asText());
            return null;
        }
        int days = (int) r.number(n, "maxActivationDays", path, 0, 10_000);
        if (!ACTIVATION_DAYS.contains(days)) {
            r.problem(path + ".maxActivationDays", "must be 180, 45 or 30, not " + days);
        }
        List<String> src = r.strings(n, "sources", path);
        src.stream().filter(s -> !sources.containsKey(s))
                .forEach(s -> r.problem(path + ".sources", "unknown source '" + s + "'"));
        if (src.isEmpty()) {
            r.problem(path + ".sources", "every product needs a source");
        }
        Optional<UUID> sku = n.has("skuId") ? Optional.of(r.uuid(n, "skuId", path)) : Optional.empty();
        String gvlk = r.text(n, "gvlk", path);
        return r.construct(path, () -> new Product(name, r.strings(n, "aliases", path), family,
                r.text(n, "release", path), r.strings(n, "editionIds", path), gvlk, sku, group,
                csvlks.get(group.csvlkId()), days, r.bool(n, "kmsActivatable", path, true),
                r.optionalText(n, "notActivatableReason", path), r.bool(n, "preview", path, false) || group.preview(),
                r.bool(n, "retail", path, false) || group.retail(), src, r.strings(n, "notes", path)));
    }

    private Family family(JsonNode n, String path) {
        String f = r.text(n, "family", path);
        Optional<Family> family = java.util.Arrays.stream(Family.values()).filter(x -> x.label().equals(f)).findFirst();
        if (family.isEmpty()) {
            r.problem(path + ".family", "unknown family '" + f + "'");
            return Family.WINDOWS_CLIENT;
        }
        return family.get();
    }

    private UnsupportedEdition unsupported(CatalogReader.Indexed e, Map<String, String> sources) {
        String p = e.path();
        if (!r.object(e.node(), p, Set.of("name", "family", "reason", "sources"), Set.of("editionIds"))) {
            return null;
        }
        JsonNode n = e.node();
        List<String> src = r.strings(n, "sources", p);
        src.stream().filter(s -> !sources.containsKey(s)).forEach(s -> r.problem(p, "unknown source '" + s + "'"));
        return r.construct(p, () -> new UnsupportedEdition(r.text(n, "name", p), family(n, p),
                r.strings(n, "editionIds", p), r.text(n, "reason", p), src));
    }

    private RetailConversion conversion(CatalogReader.Indexed e) {
        String p = e.path();
        if (!r.object(e.node(), p, Set.of("retailName", "retailEditionIds", "targetEdition", "note"), Set.of())) {
            return null;
        }
        JsonNode n = e.node();
        String target = r.text(n, "targetEdition", p);
        if (!Set.of("Mondo", "ProPlus", "Standard").contains(target)) {
            r.problem(p + ".targetEdition", "must be Mondo, ProPlus or Standard");
        }
        return r.construct(p, () -> new RetailConversion(r.text(n, "retailName", p),
                r.strings(n, "retailEditionIds", p), target, r.text(n, "note", p)));
    }

    private Correction correction(CatalogReader.Indexed e) {
        String p = e.path();
        Set<String> fields = Set.of("seed", "table", "row", "field", "seedValue", "catalogValue", "reason");
        if (!r.object(e.node(), p, fields, Set.of())) {
            return null;
        }
        JsonNode n = e.node();
        return r.construct(p, () -> new Correction(r.text(n, "seed", p), r.text(n, "table", p), r.text(n, "row", p),
                r.text(n, "field", p), r.text(n, "seedValue", p), r.text(n, "catalogValue", p),
                r.text(n, "reason", p)));
    }
}
