package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code jkms serve} logging as an operator configures it: JSON lines, a rotated file, the journal. */
@Tag("network")
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostLoggingTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern DASHBOARD = Pattern.compile("dashboard on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Process start(Map<String, String> environment, Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--listen", "127.0.0.1:0", "--data-dir", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JOURNAL_STREAM");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static int find(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static boolean activate(int port, String workstation) throws Exception {
        try (KmsClient client = KmsClient.connect(new InetSocketAddress("127.0.0.1", port), ClientOptions.defaults(),
                new SecureRandom())) {
            return client.activate(HostEndToEndTest.PRODUCTS.get(4).request(workstation)).activated();
        }
    }

    private static void terminate(Process process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void jsonLinesParseAndCarryEveryActivationFieldAndNoReadinessProbe(@TempDir Path dir) throws Exception {
        Process process = start(Map.of(), dir, "--log-format", "json", "--web", "127.0.0.1:0");
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            int kms = -1;
            int web = -1;
            for (String line = out.readLine(); line != null && (kms < 0 || web < 0); line = out.readLine()) {
                JsonNode node = JSON.readTree(line);
                lines.add(node);
                kms = Math.max(kms, find(LISTENING, node.path("message").asText()));
                web = Math.max(web, find(DASHBOARD, node.path("message").asText()));
            }
            assertThat(kms).as("listening line in %s", lines).isPositive();
            assertThat(activate(kms, "json-client.example.test")).isTrue();
            HttpURLConnection readyz = (HttpURLConnection) URI.create("http://127.0.0.1:" + web + "/readyz").toURL()
                    .openConnection();
            assertThat(readyz.getResponseCode()).as("the self-check activated").isEqualTo(200);
            readyz.disconnect();
            terminate(process);
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(JSON.readTree(line));
            }
        } finally {
            process.destroyForcibly();
        }
        assertThat(lines).allSatisfy(line -> assertThat(line.fieldNames()).toIterable()
                .contains("time", "level", "logger", "message"));
        List<JsonNode> activations = lines.stream().filter(l -> l.path("event").asText().equals("activation")).toList();
        assertThat(activations).as("only the client's activation, not the readiness self-check").singleElement()
                .satisfies(line -> {
                    assertThat(line.path("peer").asText()).matches("127\\.0\\.0\\.1:\\d+");
                    assertThat(line.path("workstation").asText()).isEqualTo("json-client.example.test");
                    assertThat(line.path("product").asText()).isEqualTo("Windows 10/11 Pro");
                    assertThat(line.path("protocol").asText()).isEqualTo("6.0");
                    assertThat(line.path("result").asText()).isEqualTo("activated");
                    assertThat(line.path("count").isIntegralNumber()).isTrue();
                    assertThat(line.path("took_us").isIntegralNumber()).isTrue();
                    assertThat(line.path("level").asText()).isEqualTo("INFO");
                    assertThat(line.path("logger").asText()).isEqualTo("io.jkms.activation");
                });
        assertThat(lines).noneMatch(l -> l.toString().contains("jkms-readyz"));
        assertThat(lines).map(l -> l.path("message").asText()).as("start-up lines in plain words")
                .noneMatch(m -> m.contains("[/") || m.contains("RegistrySettings["))
                .anyMatch(m -> m.matches("client registry: SQLite .*registry\\.db, retention 90 days, .*"));
    }

    @Test
    void aLogFilePastItsSizeLimitIsRotated(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("logs").resolve("jkms.log");
        Process process = start(Map.of(), dir, "--web", "off", "--log-file", log.toString(), "--log-file-max-size",
                "1KB");
        try {
            int port = -1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (port < 0 && System.nanoTime() < deadline && process.isAlive()) {
                port = Files.exists(log) ? find(LISTENING, Files.readString(log)) : -1;
            }
            assertThat(port).as("the start-up lines are in the file").isPositive();
            for (int i = 0; i < 500 && rotated(log.getParent()).isEmpty() && System.nanoTime() < deadline; i++) {
                assertThat(activate(port, "rotation-" + i + ".example.test")).isTrue();
            }
            assertThat(rotated(log.getParent())).as("a rotated file").isNotEmpty()
                    .allMatch(p -> p.getFileName().toString().matches("jkms\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log"));
            terminate(process);
            assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .as("nothing on standard output").isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<Path> rotated(Path logs) throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(p -> !p.getFileName().toString().equals("jkms.log")).toList();
        }
    }

    @Test
    void underSystemdTheJournalStampsTheTimeAndTheLineDoesNot(@TempDir Path dir) throws Exception {
        Process process = start(Map.of("JOURNAL_STREAM", "8:12345"), dir, "--web", "off");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && find(LISTENING, line) < 0) {
                line = out.readLine();
            }
            assertThat(line).isNotNull().startsWith("INFO  host - jkms ");
            terminate(process);
        } finally {
            process.destroyForcibly();
        }
    }
}
