package io.jkms.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package rules of docs/ARCHITECTURE.md true. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jkms");
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
}
