package io.jkms.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Keeps the package rules of docs/ARCHITECTURE.md true. */
class ArchitectureTest {
    /** The libraries the table names, and the packages they live in; the JDK is allowed everywhere. */
    private static final Map<String, List<String>> LIBRARIES = Map.ofEntries(
            Map.entry("Jackson", List.of("com.fasterxml.jackson..")),
            Map.entry("Netty", List.of("io.netty..")),
            Map.entry("SLF4J", List.of("org.slf4j..")),
            Map.entry("Micrometer", List.of("io.micrometer..")),
            Map.entry("dnsjava", List.of("org.xbill..")),
            Map.entry("HikariCP", List.of("com.zaxxer.hikari..")),
            Map.entry("Flyway", List.of("org.flywaydb..")),
            Map.entry("SQLite", List.of("org.sqlite..")),
            Map.entry("Logback", List.of("ch.qos.logback..")),
            Map.entry("picocli", List.of("picocli..")),
            Map.entry("json-schema-validator", List.of("com.networknt..")),
            Map.entry("jte", List.of("gg.jte..")));
    /** The JDK, which every package may use (jdk.management's com.sun.management included). */
    private static final String[] JDK = {"java..", "javax..", "com.sun.management.."};
    private static final String EVERYTHING = "everything";

    /**
     * The "may depend on" column of docs/ARCHITECTURE.md, one row per package: the io.jkms packages (by their
     * last name) and the libraries (by their names in {@link #LIBRARIES}) its classes may use. A test below checks
     * that the document says exactly this, another that no row lists what its package does not use.
     */
    private static final Map<String, List<String>> TABLE = table(
            row("wire"),
            row("rpc", "wire"),
            row("protocol", "wire"),
            row("catalog", "Jackson", "json-schema-validator"),
            row("activation", "catalog", "protocol", "rpc", "wire"),
            row("host", "activation", "catalog", "protocol", "rpc", "wire", "Netty", "SLF4J"),
            row("metrics", "activation", "catalog", "dns", "protocol", "registry", "Micrometer"),
            row("web", "activation", "catalog", "client", "dns", "host", "protocol", "registry", "Netty", "Jackson",
                    "SLF4J", "jte"),
            row("client", "catalog", "protocol", "rpc", "wire", "dnsjava"),
            row("registry", "activation", "protocol", "HikariCP", "Flyway", "SQLite", "SLF4J"),
            row("dns", "client", "wire", "dnsjava", "SLF4J"),
            row("logging", "Logback", "Jackson", "SLF4J"),
            row("config", "activation", "client", "dns", "host", "logging", "protocol", "registry", "rpc", "web",
                    "wire", "Jackson", "picocli"),
            row("cli", EVERYTHING));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jkms");
    }

    /** One rule per row of the table: the package's classes use only the JDK, themselves and what the row lists. */
    @TestFactory
    Stream<DynamicTest> everyPackageDependsOnlyOnWhatTheTableAllows() {
        return TABLE.entrySet().stream().map(row -> DynamicTest.dynamicTest(
                row.getKey() + " may depend on " + row.getValue(),
                () -> rule(row.getKey(), row.getValue()).check(classes)));
    }

    /**
     * The table is no wider than the code: leave any entry out of a row and that package's rule fails. This keeps
     * the document from promising a freedom nobody uses, and shows that each rule can fail.
     */
    @TestFactory
    Stream<DynamicTest> everyEntryOfTheTableIsUsed() {
        return TABLE.entrySet().stream().filter(row -> !row.getValue().contains(EVERYTHING))
                .flatMap(row -> row.getValue().stream().map(entry -> DynamicTest.dynamicTest(
                        row.getKey() + " uses " + entry, () -> {
                            List<String> narrower = new ArrayList<>(row.getValue());
                            narrower.remove(entry);
                            assertThat(rule(row.getKey(), narrower).evaluate(classes).hasViolation())
                                    .as("%s is listed for %s but not used: drop it from the table here and in "
                                            + "docs/ARCHITECTURE.md", entry, row.getKey())
                                    .isTrue();
                        })));
    }

    @Test
    void everyPackageHasARow() {
        Set<String> packages = classes.stream().map(JavaClass::getPackageName)
                .map(name -> name.substring("io.jkms.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).as("packages under io.jkms").isEqualTo(new TreeSet<>(TABLE.keySet()));
    }

    @Test
    void theDocumentedTableIsThisTable() throws IOException {
        assertThat(asSets(documentedTable(Path.of("docs", "ARCHITECTURE.md")))).isEqualTo(asSets(TABLE));
    }

    /**
     * Public, though the bytecode shows no use outside: lambdas implement {@code KmsOperation} (and leave no trace
     * of the interface where they are written), and javac copies the status constants of {@code RpcFaultException}
     * into the host's code.
     */
    private static final Set<String> PUBLIC_UNSEEN = Set.of("io.jkms.rpc.KmsOperation", "io.jkms.rpc.RpcFaultException");

    /** The codecs show other packages only what they use: a public type nobody outside uses is package-private. */
    @Test
    void publicTypesOfRpcAndProtocolAreUsedOutsideThem() {
        for (String pkg : List.of("io.jkms.rpc", "io.jkms.protocol")) {
            classes().that().resideInAPackage(pkg).and().arePublic().and().areTopLevelClasses()
                    .and(DescribedPredicate.describe("not in " + PUBLIC_UNSEEN, c -> !PUBLIC_UNSEEN.contains(c.getName())))
                    .should(beUsedOutside(pkg)).check(classes);
        }
    }

    @Test
    void codecsDependOnlyOnTheJdkAndWire() {
        classes().that().resideInAnyPackage("io.jkms.wire..", "io.jkms.rpc..", "io.jkms.protocol..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "io.jkms.wire..", "io.jkms.rpc..",
                        "io.jkms.protocol..")
                .check(classes);
    }

    @Test
    void rpcAndProtocolDoNotKnowEachOther() {
        classes().that().resideInAPackage("io.jkms.rpc..").should().onlyDependOnClassesThat()
                .resideOutsideOfPackage("io.jkms.protocol..").check(classes);
        classes().that().resideInAPackage("io.jkms.protocol..").should().onlyDependOnClassesThat()
                .resideOutsideOfPackage("io.jkms.rpc..").check(classes);
    }

    @Test
    void onlyTheCliWiresEverythingTogether() {
        classes().that().resideOutsideOfPackage("io.jkms.cli..").should().onlyDependOnClassesThat()
                .resideOutsideOfPackage("io.jkms.cli..").check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.jkms.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noStaticMutableState() {
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("io.jkms..")
                .should().beFinal().check(classes);
    }

    private static ArchCondition<JavaClass> beUsedOutside(String pkg) {
        return new ArchCondition<>("be used outside " + pkg) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean used = type.getDirectDependenciesToSelf().stream()
                        .anyMatch(d -> !d.getOriginClass().getPackageName().equals(pkg));
                if (!used) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " is public, but only " + pkg
                            + " uses it: make it package-private"));
                }
            }
        };
    }

    private static ArchRule rule(String pkg, List<String> mayDependOn) {
        Set<String> allowed = new LinkedHashSet<>(List.of(JDK));
        allowed.add("io.jkms." + pkg + "..");
        for (String entry : mayDependOn) {
            if (entry.equals(EVERYTHING)) {
                allowed.add("io.jkms..");
                LIBRARIES.values().forEach(allowed::addAll);
            } else {
                allowed.addAll(LIBRARIES.getOrDefault(entry, List.of("io.jkms." + entry + "..")));
            }
        }
        return classes().that().resideInAPackage("io.jkms." + pkg + "..").should().onlyDependOnClassesThat()
                .resideInAnyPackage(allowed.toArray(String[]::new));
    }

    /**
     * Reads the package table of the document: rows {@code | `pkg` | role | may depend on |}, the last column a
     * comma-separated list of {@code `package`} (a parenthesis after it says what of it is used) and library names,
     * or "JDK only", or "everything".
     */
    static Map<String, List<String>> documentedTable(Path document) throws IOException {
        Pattern rowPattern = Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ([^|]+) \\|$");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(document, StandardCharsets.UTF_8)) {
            Matcher m = rowPattern.matcher(line);
            if (m.matches()) {
                String column = m.group(2).replaceAll("\\([^)]*\\)", "").trim();
                List<String> entries = column.equals("JDK only") ? List.of()
                        : Stream.of(column.split(",")).map(e -> e.trim().replace("`", "")).toList();
                rows.put(m.group(1), entries);
            }
        }
        return rows;
    }

    private static Map<String, Set<String>> asSets(Map<String, List<String>> table) {
        Map<String, Set<String>> sets = new TreeMap<>();
        table.forEach((pkg, entries) -> sets.put(pkg, new TreeSet<>(entries)));
        return sets;
    }

    @SafeVarargs
    private static Map<String, List<String>> table(Map.Entry<String, List<String>>... rows) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> row : rows) {
            table.put(row.getKey(), row.getValue());
        }
        return table;
    }

    private static Map.Entry<String, List<String>> row(String pkg, String... mayDependOn) {
        return Map.entry(pkg, List.of(mayDependOn));
    }
}
