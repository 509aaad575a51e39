package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.catalog.Catalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScriptCommandTest {
    private static final Catalog CATALOG = Catalog.loadDefault();

    private static CatalogCommandsTest.Run script(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ScriptCommand(() -> CATALOG));
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
        assertThat(r.out()).contains("schtasks /create /tn \"jkms-kms-renewal\" /sc weekly /ru SYSTEM",
                "echo cscript //nologo \"%%SystemRoot%%\\System32\\slmgr.vbs\" /skms [2001:db8::1]:1688 >> ",
                "slmgr.vbs\" /ato >> \"%ProgramData%\\jkms\\kms-renewal.cmd\"");
    }

    @Test
    void uninstallClearsTheHostAndRemovesTheTask() {
        var win = script("--product", "Windows 10/11 Enterprise", "--uninstall");
        assertThat(win.code()).isZero();
        assertThat(win.out()).contains("slmgr.vbs\" /ckms", "schtasks /delete /tn \"jkms-kms-renewal\" /f")
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
