package io.jkms.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.testing.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every product name in the seed documents' tables, written as the table writes it (qualified by its heading where
 * the table leaves the release out), resolves to the one product whose GVLK that row gives.
 */
class SeedProductNamesTest {
    private static final Pattern KEY = Pattern.compile("[0-9A-Z]{5}(-[0-9A-Z]{5}){4}");
    private static final Pattern HEADING = Pattern.compile("#{3,4} (.*)");
    private static final Pattern YEAR_OR_VERSION = Pattern.compile("\\b(20\\d\\d|\\d{2}H\\d|1[78]09|1803)\\b");
    private final Catalog catalog = Catalog.loadDefault();

    /** A name as written in a seed table and the GVLK of its row. */
    record Named(String name, String gvlk) {
    }

    @Test
    void everySeed004NameResolvesToItsRowsProduct() throws IOException {
        List<Named> names = new ArrayList<>();
        for (String[] row : rows("004_753cef391b0209d8.txt")) {
            String table = row[0];
            String name = row[1];
            if (row.length < 4) {
                continue; // EditionID-only tables: no names to resolve
            }
            if (table.startsWith("Windows 10 / 11")) {
                names.add(new Named("Windows 10/11 " + name, row[3]));
            } else if (table.startsWith("Windows Server ") && !YEAR_OR_VERSION.matcher(name).find()) {
                names.add(new Named(name + ", " + table.substring("Windows Server ".length()), row[3]));
            } else {
                names.add(new Named(name, row[3]));
            }
        }
        assertThat(names).hasSizeGreaterThan(50);
        assertEveryNameResolves(names);
    }

    @Test
    void everySeed000NameResolvesToItsRowsProduct() throws IOException {
        List<Named> names = new ArrayList<>();
        for (String[] row : rows("000_4a367830b28706a8.txt")) {
            String name = row[1];
            if (row[0].startsWith("Office")) {
                names.add(new Named(name, row[2]));
            } else {
                for (String english : SeedCoverageTest.windowsNames(name)) {
                    names.add(new Named(english, row[2]));
                }
            }
        }
        assertThat(names).hasSizeGreaterThan(80);
        assertEveryNameResolves(names);
    }

    private void assertEveryNameResolves(List<Named> names) {
        List<String> wrong = new ArrayList<>();
        for (Named n : names) {
            ProductMatch m = catalog.resolve(n.name());
            String gvlk = catalog.corrections().stream().filter(c -> c.seedValue().equals(n.gvlk()))
                    .map(Correction::catalogValue).findFirst().orElse(n.gvlk());
            if (m.kind() != ProductMatch.Kind.PRODUCT || !m.products().get(0).gvlk().equals(gvlk)) {
                wrong.add(n.name() + " -> " + m.kind() + " " + m.candidateNames());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Rows with a key: heading, then the cells (a {@code <br />} note kept as text). */
    private static List<String[]> rows(String file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String table = "";
        for (String line : Files.readAllLines(Vectors.sharedDir().resolve("seeds").resolve(file))) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                table = h.group(1).trim();
            } else if (line.startsWith("|") && KEY.matcher(line).find()) {
                List<String> cells = new ArrayList<>(List.of(table));
                for (String c : line.trim().replaceAll("^\\||\\|$", "").split("\\|")) {
                    cells.add(c.replace("<br />", " ").replaceAll("\\s+", " ").trim());
                }
                rows.add(cells.toArray(String[]::new));
            }
        }
        return rows;
    }
}
