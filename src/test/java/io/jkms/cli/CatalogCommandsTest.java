package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.catalog.Catalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CatalogCommandsTest {
    private static final Catalog CATALOG = Catalog.loadDefault();

    /** Captured result of one command line. */
    record Run(int code, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run products(String... args) {
        return run(new ProductsCommand(() -> CATALOG), args);
    }

    @Test
    void showFindsWindows11ProByNameEditionIdAndGvlk() {
        for (String q : new String[] {"Windows 11 Pro", "windows 11 pro", "Professional",
            "W269N-WFGWX-YVC9B-4J6C9-T83GX", "2de67392-b7a7-462a-b1ca-108dd189f588"}) {
            Run r = products("show", q);
            assertThat(r.code()).as(q).isZero();
            assertThat(r.out()).as(q).startsWith("Windows 10/11 Pro\n")
                    .contains("W269N-WFGWX-YVC9B-4J6C9-T83GX", "N policy:           25 clients",
                            "yes, for at most 180 days", "58e2134f-8e11-4d17-9cb2-91069c151148");
        }
        assertThat(products("show", "Professional").out()).contains("Other releases with EditionID Professional",
                "Windows 8.1 Professional", "Windows 7 Professional");
    }

    @Test
    void showFindsOfficeLtsc2024AndListsAmbiguousNames() {
        Run r = products("show", "Office LTSC Professional Plus 2024");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Office LTSC Professional Plus 2024\n")
                .contains("XJ2XN-FW8RK-P4HMP-DKDBV-GCVGB", "Office2024", "N policy:           5 clients");
        Run many = products("show", "Visio");
        assertThat(many.code()).isEqualTo(ProductChoice.AMBIGUOUS);
        assertThat(many.out()).contains("products match 'Visio'", "Visio LTSC Professional 2024",
                "Visio Standard 2010");
        Run byKmsId = products("show", "1b4db7eb-4057-5ddf-91e0-36dec72071f5");
        assertThat(byKmsId.out()).contains("products match", "Word LTSC 2024");
    }

    @Test
    void showExplainsWhatKmsCannotActivate() {
        assertThat(products("show", "Windows Server 2025 Azure Datacenter").out())
                .contains("KMS activation:     NO: Server Azure Datacenter");
        Run ultimate = products("show", "Windows 7 Ultimate");
        assertThat(ultimate.code()).isZero();
        assertThat(ultimate.out()).contains("does not support KMS activation by design");
        assertThat(products("show", "Windows 8 Core").out()).contains("at most 30 days");
    }

    @Test
    void showGivesTheRetailToVolumeConversion() {
        Run r = products("show", "Office Professional");
        assertThat(r.out()).contains("Office Professional (retail)", "ProPlus",
                "Office LTSC Professional Plus 2024  XJ2XN-FW8RK-P4HMP-DKDBV-GCVGB");
        assertThat(products("show", "O365ProPlusRetail").out()).contains("Mondo", "Office Mondo 2016");
        assertThat(products("show", "HomeBusiness2021Retail").out()).contains("Office LTSC Standard 2021");
    }

    @Test
    void unknownProductExitsWithNoMatch() {
        Run r = products("show", "Windows 95");
        assertThat(r.code()).isEqualTo(ProductChoice.NO_MATCH);
        assertThat(r.err()).contains("no product matches 'Windows 95'");
    }

    @Test
    void listFiltersByFamilyAndPrintsJson() {
        Run r = products("--family", "office");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Word LTSC 2024").doesNotContain("Windows 10/11 Pro ").contains("120 products");
        Run json = products("--family", "windows-server", "--json");
        assertThat(json.out()).startsWith("[").contains("\"csvlkGroupId\" : 4918", "\"requiredClientCount\" : 5");
        assertThat(products("--family", "linux").code()).isEqualTo(2);
    }

    @Test
    void keyCheckAcceptsCatalogGvlksAndRejectsCorruptions() {
        Run ok = run(new KeyCommand(() -> CATALOG), "check", "W269N-WFGWX-YVC9B-4J6C9-T83GX",
                "33PXH-7Y6KF-2VJC9-XBBR8-HVTHH");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("valid 2009-format key", "group ID 3311", "GVLK of Windows 10/11 Pro",
                "older key format", "GVLK of Windows 7 Enterprise");
        Run bad = run(new KeyCommand(() -> CATALOG), "check", "F47MM-N3XJP-TQXJ9-BP99D-8837K");
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.out()).contains("invalid: checksum mismatch");
        Run unknownOld = run(new KeyCommand(() -> CATALOG), "check", "BBBBB-BBBBB-BBBBB-BBBBB-BBBBB");
        assertThat(unknownOld.code()).isEqualTo(4);
        assertThat(run(new KeyCommand(() -> CATALOG), "check", "W269N-WFGWX-YVC9B-4J6C9-T83GX", "nope").code())
                .isEqualTo(3);
    }

    @Test
    void keyCheckAcceptsEveryCatalogKey() {
        String[] args = CATALOG.products().stream().map(p -> p.gvlk()).toArray(String[]::new);
        String[] withCheck = new String[args.length + 1];
        withCheck[0] = "check";
        System.arraycopy(args, 0, withCheck, 1, args.length);
        Run r = run(new KeyCommand(() -> CATALOG), withCheck);
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("invalid");
    }

    @Test
    void mainListsTheCatalogCommands() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine(java.util.Map.of());
        cl.setOut(new PrintWriter(out));
        cl.execute("--help");
        assertThat(out.toString()).contains("products", "key", "script");
        StringWriter help = new StringWriter();
        Main.commandLine(java.util.Map.of()).setOut(new PrintWriter(help)).execute("key", "check", "--help");
        assertThat(help.toString()).contains("Exit codes", "3", "invalid");
    }
}
