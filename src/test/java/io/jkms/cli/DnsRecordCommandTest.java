package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.SrvRecord;
import io.jkms.testing.TestBind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code jkms dns-record}: what it prints, and that BIND's own nsupdate takes its script. */
class DnsRecordCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(Map.of());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "dns-record";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    @Test
    void printsTheZoneLineTheNsupdateScriptAndThePowerShellCommand() {
        Run r = run("Corp.Example.", "--target", "kms1.corp.example", "--priority", "10", "--weight", "60", "--ttl",
                "90000", "--dns-server", "ns1.corp.example");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(
                "_vlmcs._tcp.corp.example. 90000 IN SRV 10 60 1688 kms1.corp.example.\n",
                "server ns1.corp.example 53\nzone corp.example.\n"
                        + "update add _vlmcs._tcp.corp.example. 90000 IN SRV 10 60 1688 kms1.corp.example.\nsend\n",
                "Add-DnsServerResourceRecord -Srv -ZoneName \"corp.example\" -Name \"_vlmcs._tcp\" -DomainName "
                        + "\"kms1.corp.example\" -Priority 10 -Weight 60 -Port 1688 -TimeToLive 1.01:00:00 "
                        + "-ComputerName \"ns1.corp.example\"");
    }

    @Test
    void refusesNamesAndNumbersThatWouldNotMakeARecord() {
        for (String[] bad : new String[][] {{"corp example"}, {"corp.example", "--target", "kms\"; rm -rf /"},
            {"corp.example", "--target", "a", "--priority", "65536"}, {"corp.example", "--target", "a", "--port", "0"},
            {"-bad-.example", "--target", "a"}}) {
            Run r = run(bad);
            assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(r.out()).isEmpty();
        }
        assertThat(run("corp..example", "--target", "a").err()).contains("zone 'corp..example' is not a DNS name");
    }

    @Test
    @Tag("dns")
    void bindsOwnNsupdateAddsTheRecordFromTheScript() throws Exception {
        try (TestBind bind = TestBind.start()) {
            Run r = run(TestBind.ZONE, "--target", "kms7." + TestBind.ZONE, "--port", "11688", "--dns-server",
                    bind.address().toString());
            String script = r.out().substring(r.out().indexOf("server "), r.out().indexOf("send\n") + 5);
            Process nsupdate = new ProcessBuilder("nsupdate", "-k", bind.keyFile().toString())
                    .redirectErrorStream(true).start();
            nsupdate.getOutputStream().write(script.getBytes(StandardCharsets.US_ASCII));
            nsupdate.getOutputStream().close();
            String output = new String(nsupdate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(nsupdate.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(nsupdate.exitValue()).as(output).isZero();
            assertThat(bind.records()).containsExactly(new SrvRecord(0, 0, 11688, "kms7.kms.test"));
        }
    }
}
