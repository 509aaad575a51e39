package io.jkms.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.testing.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every (product, EditionID, GVLK) row of both seed documents is in the catalog, except the recorded corrections. */
class SeedCoverageTest {
    private static final Pattern KEY = Pattern.compile("[0-9A-Z]{5}(-[0-9A-Z]{5}){4}");
    private static final Pattern HEADING = Pattern.compile("#{3,4} (.*)");
    private static final Map<String, String> CHINESE = Map.of("专业工作站版", "Pro for Workstations",
            "专业教育版", "Pro Education", "专业版", "Pro", "教育版", "Education", "企业版", "Enterprise");
    private final Catalog catalog = Catalog.loadDefault();

    /** One table row: its seed, table heading and cells. */
    record Row(String seed, String table, List<String> cells) {
        String key() {
            return cells.get(cells.size() - 1);
        }
    }

    static List<Row> rows(String seed, String file) throws IOException {
        List<Row> rows = new ArrayList<>();
        String table = "";
        for (String line : Files.readAllLines(Vectors.sharedDir().resolve("seeds").resolve(file))) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                table = h.group(1).trim();
            } else if (line.startsWith("|") && KEY.matcher(line).find()) {
                List<String> cells = List.of(line.trim().replaceAll("^\\||\\|$", "").split("\\|")).stream()
                        .map(c -> c.replaceAll("<br />.*", "").trim()).toList();
                rows.add(new Row(seed, table, cells));
            }
        }
        return rows;
    }

    @Test
    void seed004RowsAreInTheCatalog() throws IOException {
        List<Row> rows = rows("seed004", "004_753cef391b0209d8.txt");
        assertThat(rows).hasSizeGreaterThan(200);
        for (Row row : rows) {
            Product p = productFor(row);
            String edition = row.cells().get(row.cells().size() - 2);
            assertThat(p.editionIds()).as("EditionID of %s", row).contains(edition);
            if (row.cells().size() == 3) {
                String name = row.cells().get(0).toLowerCase(Locale.ROOT);
                assertThat(p.names()).as("names of %s", row)
                        .anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(name));
            }
        }
    }

    @Test
    void seed000RowsAreInTheCatalog() throws IOException {
        List<Row> rows = rows("seed000", "000_4a367830b28706a8.txt");
        assertThat(rows).hasSizeGreaterThan(70);
        for (Row row : rows) {
            Product p = productFor(row);
            String name = row.cells().get(0);
            if (row.table().startsWith("Office")) {
                assertThat(p.names()).as("names of %s", row).anyMatch(n -> n.equalsIgnoreCase(name));
            } else {
                for (String windows : windowsNames(name)) {
                    assertThat(p.names()).as("names of %s", row).anyMatch(n -> n.equalsIgnoreCase(windows));
                }
            }
        }
    }

    @Test
    void everyCorrectionIsAppliedAndExplained() {
        assertThat(catalog.corrections()).hasSizeGreaterThanOrEqualTo(4);
        Correction publisher = catalog.corrections().stream().filter(c -> c.field().equals("gvlk")).findFirst()
                .orElseThrow();
        assertThat(catalog.productByGvlk(publisher.seedValue())).isEmpty();
        assertThat(catalog.productByGvlk(publisher.catalogValue())).get().extracting(Product::name)
                .isEqualTo("Publisher 2016");
        assertThat(catalog.corrections()).allSatisfy(c -> assertThat(c.reason()).isNotBlank());
        Product enterpriseG = catalog.find("EnterpriseG").get(0);
        assertThat(enterpriseG.maxActivationDays()).isEqualTo(180);
        assertThat(catalog.corrections()).anyMatch(c -> c.row().contains("Enterprise G")
                && c.catalogValue().equals("180"));
        assertThat(catalog.find("Windows Server Datacenter, version 23H2")).singleElement()
                .extracting(Product::gvlk).isEqualTo("WX4NM-KYWYW-QJJR4-XV3QB-6VM33");
    }

    @Test
    void seed004ActivationTermsAndUnsupportedEditions() {
        Map<String, Integer> days = catalog.products().stream().collect(Collectors.toMap(Product::name,
                Product::maxActivationDays));
        assertThat(days).containsEntry("Windows 10/11 Home", 45).containsEntry("Windows 8.1 Core", 45)
                .containsEntry("Windows 8.1 Professional WMC", 45).containsEntry("Windows 8.1 Professional Student", 45)
                .containsEntry("Windows 8 Core", 30).containsEntry("Windows 8 Professional WMC", 30)
                .containsEntry("Windows 10/11 Pro", 180).containsEntry("Office LTSC Professional Plus 2024", 180);
        assertThat(catalog.find("ServerTurbine")).allSatisfy(p -> assertThat(p.kmsActivatable()).isFalse());
        assertThat(catalog.findUnsupported("Windows 7 Ultimate")).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("by design"));
        assertThat(catalog.findUnsupported("Evaluation")).hasSize(2);
    }

    private Product productFor(Row row) {
        Optional<Correction> corrected = catalog.corrections().stream()
                .filter(c -> c.seed().equals(row.seed()) && c.seedValue().equals(row.key())).findFirst();
        String key = corrected.map(Correction::catalogValue).orElse(row.key());
        return catalog.productByGvlk(key).orElseThrow(() -> new AssertionError("no product for " + row));
    }

    /** "Windows 11 专业版 Windows 10 专业版" → ["Windows 11 Pro", "Windows 10 Pro"]. */
    static List<String> windowsNames(String cell) {
        String english = cell;
        for (var e : CHINESE.entrySet().stream().sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .toList()) {
            english = english.replace(e.getKey(), e.getValue());
        }
        List<String> names = new ArrayList<>();
        for (String part : english.split("(?=Windows )")) {
            if (!part.isBlank()) {
                names.add(part.trim());
            }
        }
        return names;
    }
}
