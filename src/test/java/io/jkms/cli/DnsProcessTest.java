package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.SrvRecord;
import io.jkms.testing.TestBind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code jkms serve --dns-publish} as a process: the record is there while it runs and gone after SIGTERM. */
@Tag("dns")
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DnsProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @Test
    void sigtermRemovesTheRecordThatStartUpPublished(@TempDir Path dir) throws Exception {
        try (TestBind bind = TestBind.start()) {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--web", "off",
                    "--listen", "127.0.0.1:0", "--data-dir", dir.resolve("data").toString(),
                    "--dns-publish", TestBind.ZONE, "--dns-server", bind.address().toString(),
                    "--dns-tsig-key", bind.keyFile().toString(), "--dns-target", "kms1." + TestBind.ZONE,
                    "--dns-priority", "1", "--dns-weight", "50").redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                List<String> log = new ArrayList<>();
                int port = -1;
                for (String line = out.readLine(); line != null && port < 0; line = out.readLine()) {
                    log.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port = Integer.parseInt(m.group(1));
                    }
                }
                assertThat(port).as("host listening: %s", log).isPositive();
                SrvRecord expected = new SrvRecord(1, 50, port, "kms1.kms.test");
                assertThat(bind.awaitRecords(r -> r.contains(expected), DnsPublishingTest.PATIENCE))
                        .containsExactly(expected);

                assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor())
                        .isZero();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.add(line);
                }
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isZero();
                assertThat(bind.records()).as("removed at SIGTERM").isEmpty();
                String published = "DNS: published _vlmcs._tcp.kms.test. 3600 IN SRV 1 50 " + expected.port()
                        + " kms1.kms.test.";
                assertThat(log).anyMatch(l -> l.contains(published)).anyMatch(l -> l.contains("DNS: removed _vlmcs._tcp.kms.test."));
            } finally {
                process.destroyForcibly();
            }
        }
    }
}
