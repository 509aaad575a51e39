package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.catalog.Catalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScriptCommandTest {
    private static final Catalog CATALOG = Catalog.loadDefault();

    private static CatalogCommandsTest.Run script(String... args) {
        return script(Map.of(), args);
    }

    private static CatalogCommandsTest.Run script(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ScriptCommand(() -> CATALOG, environment));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new CatalogCommandsTest.Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void windowsProductGetsTheSlmgrSequence() {
        var r = script("--host", "kms.example.com", "--product", "Windows 11 Pro");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("@echo off\r\n").contains(
                "slmgr.vbs\" /ipk W269N-WFGWX-YVC9B-4J6C9-T83GX\r\n",
                "slmgr.vbs\" /skms kms.example.com:1688\r\n", "slmgr.vbs\" /ato\r\n", "slmgr.vbs\" /xpr\r\n")
                .doesNotContain("schtasks");
        assertThat(r.out().indexOf("/ipk")).isLessThan(r.out().indexOf("/skms"));
        assertThat(r.out().indexOf("/skms")).isLessThan(r.out().indexOf("/ato"));
    }

    @Test
    void officeProductGetsTheOsppSequenceWithInstallPaths() {
        var r = script("--host", "10.0.0.5:1700", "--product", "Office Professional Plus 2019");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("%ProgramFiles%\\Microsoft Office\\Office16\\ospp.vbs",
                "%ProgramFiles(x86)%\\Microsoft Office\\Office16\\ospp.vbs",
                "\"%OSPP%\" /inpkey:NMMKJ-6RK4F-KMJVX-8D9MJ-6MWKP", "/sethst:10.0.0.5", "/setprt:1700", "/act",
                "/dstatus");
        assertThat(script("--host", "h", "--product", "Office Professional Plus 2010").out()).contains("Office14");
        assertThat(script("--host", "h", "--product", "Office 2013 Professional Plus").out()).contains("Office15");
    }

    @Test
    void renewalAddsAWeeklyTaskThatRepointsAndReactivates() {
        var r = script("--host", "[2001:db8::1]:1688", "--product", "Windows 10/11 Enterprise", "--renewal");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("schtasks /create /tn \"jkms-kms-renewal-windows\" /sc weekly /ru SYSTEM",
                "echo cscript //nologo \"%%SystemRoot%%\\System32\\slmgr.vbs\" /skms [2001:db8::1]:1688 >> ",
                "slmgr.vbs\" /ato >> \"%ProgramData%\\jkms\\kms-renewal-windows.cmd\"");
    }

    @Test
    void eachProductGroupHasItsOwnRenewalTaskAndFile() {
        Map<String, String> tasks = new java.util.LinkedHashMap<>();
        for (String product : new String[] {"Windows 11 Pro", "Windows Server 2022 Standard", "Office Standard 2010",
            "Office 2013 Standard", "Office Standard 2016", "Office Standard 2019", "Office LTSC Standard 2021",
            "Office LTSC Standard 2024", "Visio LTSC Professional 2024"}) {
            String out = script("--host", "kms", "--product", product, "--renewal").out();
            java.util.regex.Matcher task = java.util.regex.Pattern.compile("/tn \"(jkms-kms-renewal-[a-z0-9]+)\"")
                    .matcher(out);
            assertThat(task.find()).as(product).isTrue();
            String file = "%ProgramData%\\jkms\\kms-renewal-" + task.group(1).substring("jkms-kms-renewal-".length())
                    + ".cmd";
            assertThat(out).as(product).contains(" > \"" + file + "\"");
            tasks.put(product, task.group(1));
            assertThat(script("--product", product, "--uninstall").out()).as(product)
                    .contains("schtasks /delete /tn \"" + task.group(1) + "\" /f", "del /f /q \"" + file + "\"");
        }
        assertThat(tasks).containsEntry("Windows 11 Pro", "jkms-kms-renewal-windows")
                .containsEntry("Windows Server 2022 Standard", "jkms-kms-renewal-windows")
                .containsEntry("Office Standard 2010", "jkms-kms-renewal-office2010")
                .containsEntry("Office 2013 Standard", "jkms-kms-renewal-office2013")
                .containsEntry("Office LTSC Standard 2024", "jkms-kms-renewal-office2024")
                .containsEntry("Visio LTSC Professional 2024", "jkms-kms-renewal-office2024");
        assertThat(new java.util.HashSet<>(tasks.values())).hasSize(7);
    }

    @Test
    void everyStepIsCheckedAndStopsTheScriptWithAMessage() {
        for (String product : new String[] {"Windows 11 Pro", "Office LTSC Professional Plus 2024"}) {
            String[] lines = script("--host", "kms", "--product", product, "--renewal").out().split("\r\n");
            int checked = 0;
            for (int i = 0; i < lines.length; i++) {
                boolean command = lines[i].startsWith("cscript ") || lines[i].startsWith("schtasks ")
                        || lines[i].startsWith("echo ") && lines[i].contains(" > \"%ProgramData%");
                if (command) {
                    assertThat(lines[i + 1]).as(product + ": after " + lines[i])
                            .matches("if errorlevel 1 \\(echo jkms: step \\d+ failed: [^()&|<>]+ & exit /b 1\\)");
                    checked++;
                }
                if (lines[i].startsWith("echo cscript ")) {
                    assertThat(lines[i + 1]).as(product + ": renewal after " + lines[i])
                            .startsWith("echo if errorlevel 1 exit /b 1 >> \"%ProgramData%\\jkms\\kms-renewal-");
                }
            }
            assertThat(checked).as(product).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void ipv6LiteralsAreAcceptedWithAndWithoutBrackets() {
        for (String host : new String[] {"fd00::5", "[fd00::5]:1688", "[fd00::5]"}) {
            var r = script("--host", host, "--product", "Windows 11 Pro");
            assertThat(r.code()).as(host + r.err()).isZero();
            assertThat(r.out()).contains("slmgr.vbs\" /skms [fd00::5]:1688\r\n");
        }
        var office = script("--host", "fd00::5", "--product", "Word LTSC 2024");
        assertThat(office.out()).contains("/sethst:fd00::5\r\n", "/setprt:1688\r\n");
        assertThat(script("--host", "fd00::zz", "--product", "Windows 11 Pro").code()).isEqualTo(2);
    }

    @Test
    void withoutHostThePublicNameFromTheEnvironmentOrTheConfigFileIsUsed(@TempDir Path dir) throws Exception {
        var env = script(Map.of("JKMS_PUBLIC_NAME", "kms.example.org"), "--product", "Windows 11 Pro");
        assertThat(env.code()).as(env.err()).isZero();
        assertThat(env.out()).contains("/skms kms.example.org:1688\r\n");
        Path toml = Files.writeString(dir.resolve("jkms.toml"), "public-name = \"kms2.example.org:1700\"\n");
        var file = script(Map.of("JKMS_PUBLIC_NAME", "kms.example.org"), "--config", toml.toString(), "--product",
                "Windows 11 Pro");
        assertThat(file.out()).contains("/skms kms2.example.org:1700\r\n");
        var flag = script(Map.of("JKMS_PUBLIC_NAME", "kms.example.org"), "--host", "other", "--product",
                "Windows 11 Pro");
        assertThat(flag.out()).contains("/skms other:1688\r\n");
        var none = script("--product", "Windows 11 Pro");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--host", "public-name");
        var bad = script(Map.of("JKMS_PUBLIC_NAME", "bad name"), "--product", "Windows 11 Pro");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("JKMS_PUBLIC_NAME", "'bad name'");
    }

    @Test
    void uninstallClearsTheHostAndRemovesTheTask() {
        var win = script("--product", "Windows 10/11 Enterprise", "--uninstall");
        assertThat(win.code()).isZero();
        assertThat(win.out()).contains("slmgr.vbs\" /ckms", "schtasks /delete /tn \"jkms-kms-renewal-windows\" /f")
                .doesNotContain("/ipk");
        assertThat(script("--product", "Word LTSC 2024", "--uninstall").out()).contains("/remhst");
    }

    @Test
    void refusesBadHostsAmbiguousAndUnactivatableProducts() {
        assertThat(script("--host", "kms.example.com & del *", "--product", "Windows 11 Pro").code()).isEqualTo(2);
        assertThat(script("--host", "kms:99999", "--product", "Windows 11 Pro").code()).isEqualTo(2);
        assertThat(script("--host", "kms", "--product", "Visio").code()).isEqualTo(ProductChoice.AMBIGUOUS);
        var azure = script("--host", "kms", "--product", "Windows Server 2025 Azure Datacenter");
        assertThat(azure.code()).isEqualTo(ProductChoice.NOT_ACTIVATABLE);
        assertThat(azure.err()).contains("only on Azure");
    }

    @Test
    void echoEscapingKeepsPercentAndMetacharactersLiteral() {
        assertThat(ActivationScript.escape("a %X% & (b) > c")).isEqualTo("a %%X%% ^& (b) ^> c");
        assertThat(ActivationScript.escape("set \"P=%ProgramFiles(x86)%\\a&b\" & x"))
                .isEqualTo("set \"P=%%ProgramFiles(x86)%%\\a&b\" ^& x");
    }
}
