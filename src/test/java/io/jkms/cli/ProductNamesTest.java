package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.catalog.Catalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The name an administrator types picks the product they mean, the same way in every command. */
class ProductNamesTest {
    private static final Catalog CATALOG = Catalog.loadDefault();

    private static CatalogCommandsTest.Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new CatalogCommandsTest.Run(cl.execute(args), out.toString(), err.toString());
    }

    private static CatalogCommandsTest.Run script(String product) {
        return run(new ScriptCommand(() -> CATALOG, java.util.Map.of()), "--host", "kms.example.com", "--product", product);
    }

    private static CatalogCommandsTest.Run show(String product) {
        return run(new ProductsCommand(() -> CATALOG), "show", product);
    }

    /** Activation against nothing: only the name resolution runs before the (refused) connection. */
    private static CatalogCommandsTest.Run activate(String product) {
        return run(new ActivateCommand(() -> CATALOG, server -> name -> List.of(), new SplittableRandom(1),
                Clock.systemUTC()), "127.0.0.1:1", "--timeout", "200ms", "--probe-timeout", "200ms", "-p", product);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Office Professional Plus 2021        | FXYTK-NJJ8C-GB6DW-3DYQT-6F7TH | Office LTSC Professional Plus 2021
            Office Professional Plus 2024        | XJ2XN-FW8RK-P4HMP-DKDBV-GCVGB | Office LTSC Professional Plus 2024
            Office LTSC Professional Plus 2024   | XJ2XN-FW8RK-P4HMP-DKDBV-GCVGB | Office LTSC Professional Plus 2024
            Office Pro Plus 2019                 | NMMKJ-6RK4F-KMJVX-8D9MJ-6MWKP | Office Professional Plus 2019
            Office Standard 2019 Volume          | 6NWWJ-YQWMR-QKGCB-6TMB3-9D9HK | Office Standard 2019
            Visio Pro 2021                       | KNH8D-FGHT4-T8RK3-CTDYJ-K2HT4 | Visio LTSC Professional 2021
            Word 2024                            | MQ84N-7VYDM-FXV7C-6K7CC-VFW9J | Word LTSC 2024
            Windows 10 Professional              | W269N-WFGWX-YVC9B-4J6C9-T83GX | Windows 10/11 Pro
            windows 11  pro                      | W269N-WFGWX-YVC9B-4J6C9-T83GX | Windows 10/11 Pro
            Windows 10 Enterprise 2019           | M7XTQ-FN8P6-TTKYV-9D4CC-J462D | Windows 10 Enterprise LTSC 2019/2021
            Office Professional Plus 2021 Preview| HFPBN-RYGG8-HQWCW-26CH6-PDPVF | Office Professional Plus 2021 Preview
            """)
    void aNameResolvesToTheSameProductInEveryCommand(String name, String gvlk, String product) {
        var s = script(name);
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).contains(gvlk + "\r\n", "Product: " + product + " (");
        var p = show(name);
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.out()).startsWith(product + "\n");
        var a = activate(name);
        assertThat(a.code()).as(a.err()).isEqualTo(3);
        assertThat(a.err()).contains(product + ":");
    }

    @Test
    void previewsNeverWinByPrefix() {
        var r = script("Office Professional Plus 2021");
        assertThat(r.out()).doesNotContain("Preview");
        var preview = script("Office Professional Plus 2019 Prev");
        assertThat(preview.code()).isEqualTo(ProductChoice.AMBIGUOUS);
        assertThat(preview.err()).contains("Office Professional Plus 2019 Preview", "name one exactly");
    }

    @Test
    void retailConversionsDoNotCaptureLongerNames() {
        var conv = show("Office Professional");
        assertThat(conv.code()).isZero();
        assertThat(conv.out()).startsWith("Office Professional (retail)");
        var longer = show("Office Professional Plus 2016");
        assertThat(longer.out()).startsWith("Office Professional Plus 2016\n").doesNotContain("(retail)");
        var script = script("Office Professional");
        assertThat(script.code()).isEqualTo(ProductChoice.NOT_ACTIVATABLE);
        assertThat(script.err()).contains("convert", "Office LTSC Professional Plus 2024");
    }

    @Test
    void unsupportedEditionsAreNotActivatableInScriptAndActivate() {
        var s = script("Office 2010 Click-to-Run Retail");
        assertThat(s.code()).isEqualTo(ProductChoice.NOT_ACTIVATABLE);
        assertThat(s.err()).contains("Office 2010 Click-to-Run Retail", "KMS cannot activate it");
        assertThat(activate("Office 2010 Click-to-Run Retail").code()).isEqualTo(ProductChoice.NOT_ACTIVATABLE);
        assertThat(show("Office 2010 Click-to-Run Retail").code()).isZero();
    }

    @Test
    void ambiguousAndUnknownNamesHaveTheSameCodeEverywhere() {
        for (String name : new String[] {"Visio", "Server 2022 Standard"}) {
            var s = script(name);
            assertThat(s.code()).as(name).isEqualTo(ProductChoice.AMBIGUOUS);
            assertThat(s.err()).as(name).contains("match '" + name + "'", "name one exactly");
            assertThat(show(name).code()).as(name).isEqualTo(ProductChoice.AMBIGUOUS);
            assertThat(activate(name).code()).as(name).isEqualTo(ProductChoice.AMBIGUOUS);
        }
        assertThat(script("Visio").err()).contains("  Visio LTSC Professional 2024");
        for (String name : new String[] {"Windows 95", "Office 2003"}) {
            assertThat(script(name).code()).isEqualTo(ProductChoice.NO_MATCH);
            assertThat(show(name).code()).isEqualTo(ProductChoice.NO_MATCH);
            assertThat(activate(name).code()).isEqualTo(ProductChoice.NO_MATCH);
            assertThat(activate(name).err()).contains("no product matches '" + name + "'");
        }
    }

    @Test
    void exitCodesAreDocumentedInEveryHelp() {
        for (String[] args : new String[][] {{"activate", "--help"}, {"script", "--help"}, {"products", "--help"},
            {"products", "show", "--help"}}) {
            StringWriter help = new StringWriter();
            Main.commandLine(java.util.Map.of()).setOut(new PrintWriter(help)).execute(args);
            assertThat(help.toString()).as(String.join(" ", args))
                    .containsPattern("\\n +" + ProductChoice.NO_MATCH + " +no product matches")
                    .containsPattern("\\n +" + ProductChoice.AMBIGUOUS + " +several products match");
        }
        for (String command : new String[] {"activate", "script"}) {
            StringWriter help = new StringWriter();
            Main.commandLine(java.util.Map.of()).setOut(new PrintWriter(help)).execute(command, "--help");
            assertThat(help.toString()).containsPattern("\\n +" + ProductChoice.NOT_ACTIVATABLE + " +KMS cannot activate");
        }
    }
}
