package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.registry.TestStore.Backend;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A host process killed with SIGKILL loses at most what it had not flushed: everything written before
 * survives, the database opens and migrates cleanly afterwards (SQLite recovers its WAL).
 */
@Tag("database")
class CrashTest {
    private static final int STORED = 1500;
    private static final int PENDING = 300;

    @TempDir
    Path tempDir;

    private static List<String> child(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), CrashingHost.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the child, waits for its READY line, kills it with SIGKILL; returns that line. */
    private static String runUntilReadyThenKill(List<String> command) throws Exception {
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                System.out.println("child: " + line);
            }
            assertThat(line).as("child got ready").isNotNull();
            return line;
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    /**
     * However far behind the writer is, a crash loses at most what the queue holds, the batch being written
     * included: the registry drops (and counts) what would not fit instead of holding it.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aHostKilledWhileFloodedLosesAtMostItsQueueCapacity(Backend backend) throws Exception {
        int capacity = 2000;
        try (TestStore store = TestStore.create(backend, tempDir)) {
            List<String> command = child("flood", store.settings.dataDir().toString(), Integer.toString(capacity),
                    "60000");
            store.settings.databaseUrl().ifPresent(command::add);
            String[] ready = runUntilReadyThenKill(command).split(" ");
            long accepted = Long.parseLong(ready[1]);
            assertThat(Long.parseLong(ready[2])).as("waiting at the kill").isLessThanOrEqualTo(capacity);

            try (Registry reopened = store.open()) {
                long recorded = store.count("SELECT COUNT(*) FROM activations WHERE workstation LIKE 'flood-%'");
                assertThat(recorded).isLessThanOrEqualTo(accepted).isGreaterThanOrEqualTo(accepted - capacity);
                assertThat(reopened.stats().queueDepth()).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aKilledHostLosesAtMostItsLastFlushInterval(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir)) {
            List<String> command = child(store.settings.dataDir().toString(), Integer.toString(STORED),
                    Integer.toString(PENDING));
            store.settings.databaseUrl().ifPresent(command::add);
            assertThat(runUntilReadyThenKill(command)).isEqualTo("READY");

            try (Registry reopened = store.open()) {
                assertThat(reopened.stats().queueDepth()).isZero();
                assertThat(store.count("SELECT COUNT(*) FROM activations WHERE workstation LIKE 'stored-%'"))
                        .isEqualTo(STORED);
                assertThat(store.count("SELECT COUNT(*) FROM activations WHERE workstation LIKE 'pending-%'"))
                        .isBetween(0L, (long) PENDING);
                assertThat(store.count("SELECT COUNT(*) FROM clients")).isEqualTo(
                        store.count("SELECT COUNT(*) FROM activations"));
            }
        }
    }
}
