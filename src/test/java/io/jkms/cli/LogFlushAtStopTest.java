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
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The activation lines are written off the I/O threads, and a clean stop (SIGTERM) still writes every one of
 * them: N activations, SIGTERM right after the last answer, all N lines in the output, before "stopping".
 * Standard output is not read while the activations run and the host closes, as a stalled terminal or journal
 * would: more lines than the pipe holds (64 KiB) pile up in the asynchronous queue, and only a host that
 * writes its queue out at stop, after it has closed, still has them to write when the reader comes back.
 */
@Tag("network")
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogFlushAtStopTest {
    private static final int ACTIVATIONS = 900;
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern ACTIVATION = Pattern.compile("flush-(\\d+)\\.example\\.test\\b.*activated");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "json", "journal"})
    void everyActivationLoggedBeforeSigtermIsWritten(String output, @TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--listen", "127.0.0.1:0", "--web", "off", "--data-dir", dir.resolve("data").toString(),
                "--connection-rate", "0", "--max-connections-per-address", "0", "--log-level", "info"));
        if (output.equals("json")) {
            command.addAll(List.of("--log-format", "json"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JOURNAL_STREAM");
        if (output.equals("journal")) {
            builder.environment().putAll(Map.of("JOURNAL_STREAM", "8:12345"));
        }
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            int port = -1;
            while (port < 0) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                lines.add(line);
                Matcher m = LISTENING.matcher(line);
                port = m.find() ? Integer.parseInt(m.group(1)) : -1;
            }
            assertThat(port).as("listening line in %s", lines).isPositive();
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < ACTIVATIONS; i++) {
                assertThat(activate(address, "flush-" + i + ".example.test", random)).as("activation %d", i).isTrue();
            }
            assertThat(hostThreads(process)).as("the host's I/O threads, seen from outside").isPositive();
            // kill(1), not Process.destroy(): the latter also closes our end of the host's output.
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
            // Still not reading: the host drains and closes while its lines wait in the full pipe and the queue.
            // Once its I/O and registry threads are gone, only the log is left to stop. A host that does not
            // write its queue out exits at once and has lost those lines; one that does waits for its output
            // (up to LogSetup's 5 s), which this test gives a second before it reads again.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (hostThreads(process) > 0 && !process.waitFor(5, TimeUnit.MILLISECONDS)
                    && System.nanoTime() < deadline) {
                // polled: the host shows no other sign that it has closed
            }
            process.waitFor(1, TimeUnit.SECONDS);
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
        TreeSet<Integer> logged = new TreeSet<>();
        int lastActivation = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ACTIVATION.matcher(lines.get(i));
            if (m.find()) {
                logged.add(Integer.parseInt(m.group(1)));
                lastActivation = i;
            }
        }
        assertThat(logged).as("activation lines written").hasSize(ACTIVATIONS);
        List<String> after = lines.subList(lastActivation + 1, lines.size());
        assertThat(after).as("the stop, after the last activation").anyMatch(l -> l.contains("stopping: draining"));
        assertThat(lines.get(lines.size() - 1)).contains("stopped");
        startUpLinesInOrder(lines, output);
    }

    /** The start-up lines still come first, in their order, in the format asked for. */
    private static void startUpLinesInOrder(List<String> lines, String output) {
        List<String> expected = List.of("KMS host listening on", "network I/O: ", "client registry: ", "host build ",
                "ePID Windows");
        int at = 0;
        for (String want : expected) {
            while (at < lines.size() && !lines.get(at).contains(want)) {
                at++;
            }
            assertThat(at).as("'%s' after the lines before it in %s", want, lines.subList(0, 12)).isLessThan(
                    lines.size());
        }
        String first = lines.stream().filter(l -> l.contains("KMS host listening on")).findFirst().orElseThrow();
        switch (output) {
            case "json" -> assertThat(first).startsWith("{\"time\":");
            case "journal" -> assertThat(first).startsWith("INFO  host - jkms ");
            default -> assertThat(first).matches("\\d{4}-\\d{2}-\\d{2}T\\S+ INFO  host - jkms .*");
        }
    }

    /** The host's Netty I/O and registry writer threads still running (their names, as Linux shows them). */
    private static long hostThreads(Process process) throws IOException {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        long count = 0;
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) all::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    count += name.startsWith("jkms-io") || name.equals("registry-writer") ? 1 : 0;
                } catch (IOException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException exited) {
            return 0;
        }
        return count;
    }

    private static boolean activate(InetSocketAddress address, String workstation, SecureRandom random)
            throws Exception {
        try (KmsClient client = KmsClient.connect(address, ClientOptions.defaults(), random)) {
            return client.activate(HostEndToEndTest.PRODUCTS.get(4).request(workstation)).activated();
        }
    }
}
