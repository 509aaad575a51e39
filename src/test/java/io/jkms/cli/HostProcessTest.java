package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code jkms serve} as a process: start-up log, a bad option, SIGHUP reloading, SIGTERM draining to exit 0. */
@Tag("network")
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    private static Process start(String... args) throws IOException {
        // env(1) restores SIGHUP's default: a JVM leaves an ignored SIGHUP ignored (as under nohup), and a
        // build started with SIGHUP ignored would otherwise hand that on to the host.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=HUP",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--web", "off"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads start-up lines until the listen line, returning the port; the lines read go into {@code log}. */
    private static int awaitListening(BufferedReader out, List<String> log) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            log.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("host exited before listening: " + log);
    }

    @Test
    void sigtermDrainsTheConnectionInFlightAndExitsZero(@TempDir Path dir) throws Exception {
        Process process = start("--listen", "127.0.0.1:0", "--data-dir", dir.resolve("data").toString(), "--epid",
                "Windows=03612-00206-556-123727-03-1033-26100.0000-3082024/3A1C049600B60076");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> log = new ArrayList<>();
            int port = awaitListening(out, log);
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            try (KmsClient client = KmsClient.connect(address, ClientOptions.defaults(), new SecureRandom())) {
                assertThat(client.activate(HostEndToEndTest.PRODUCTS.get(4).request("before")).activated()).isTrue();
                // kill(1), not Process.destroy(): the latter also closes our end of the host's stdout.
                signal(process, "TERM");
                String line;
                while ((line = out.readLine()) != null && !line.contains("stopping")) {
                    log.add(line);
                }
                assertThat(line).as("host logs that it stops").isNotNull();
                assertThat(client.activate(HostEndToEndTest.PRODUCTS.get(4).request("in-flight")).activated())
                        .as("the open connection is still served while draining").isTrue();
            }
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(log).anyMatch(l -> l.contains("ePID Windows") && l.contains("03612-00206-556-123727"))
                    .anyMatch(l -> l.contains("ePID Office2010"))
                    .anyMatch(l -> l.contains("\"Windows 10/11 Pro\" 6.0: activated"));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void sighupReloadsTheConfigFileAndKeepsTheOldOneWhenTheNewOneIsInvalid(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("jkms.toml");
        Files.writeString(config, "renewal-interval = \"7d\"\n");
        Process process = start("--listen", "127.0.0.1:0", "--config", config.toString(), "--data-dir",
                dir.resolve("data").toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> log = new ArrayList<>();
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", awaitListening(out, log));
            assertThat(renewal(address)).isEqualTo(10080);

            Files.writeString(config, "renewal-interval = \"3d\"\n");
            signal(process, "HUP");
            awaitLine(out, "reloaded");
            assertThat(renewal(address)).isEqualTo(3 * 1440);

            Files.writeString(config, "renewal-interval = \"3 fortnights\"\n");
            signal(process, "HUP");
            assertThat(awaitLine(out, "reload refused")).contains("renewal-interval").contains("3 fortnights");
            assertThat(renewal(address)).as("the running configuration is kept").isEqualTo(3 * 1440);
            signal(process, "TERM");
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    private static long renewal(InetSocketAddress address) throws Exception {
        try (KmsClient client = KmsClient.connect(address, ClientOptions.defaults(), new SecureRandom())) {
            return client.activate(HostEndToEndTest.PRODUCTS.get(4).request("hup")).response().orElseThrow()
                    .renewalInterval();
        }
    }

    private static void signal(Process process, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor()).isZero();
    }

    private static String awaitLine(BufferedReader out, String text) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("host exited before logging '" + text + "'");
    }

    @Test
    void anInvalidOptionStopsStartUpNamingKeyValueAndAllowedValues() throws Exception {
        Process process = start("--listen", "127.0.0.1:0", "--renewal-interval", "90d");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ServeCommand.EXIT_CONFIG);
        assertThat(output).contains("renewal-interval").contains("'90d'").contains("15 to 43200");
    }
}
