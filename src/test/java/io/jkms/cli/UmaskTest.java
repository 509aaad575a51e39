package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code jkms serve} started under {@code umask 000}: its data directory and database files are still owner-only. */
@Tag("network")
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UmaskTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @Test
    void underUmask000TheDataDirectoryIs700AndTheDatabaseFiles600(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder("sh", "-c", "umask 000 && exec \"$@\"", "sh", java, "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", "--web", "off", "--listen",
                "127.0.0.1:0", "--data-dir", data.toString(), "--flush-interval", "10ms")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            int port = -1;
            for (String line = out.readLine(); line != null && port < 0; line = out.readLine()) {
                Matcher m = LISTENING.matcher(line);
                port = m.find() ? Integer.parseInt(m.group(1)) : -1;
            }
            assertThat(port).as("host listening").isPositive();
            try (KmsClient client = KmsClient.connect(new InetSocketAddress("127.0.0.1", port),
                    ClientOptions.defaults(), new SecureRandom())) {
                assertThat(client.activate(HostEndToEndTest.PRODUCTS.get(4).request("umask")).activated()).isTrue();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(data.resolve("registry.db-wal")) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            assertThat(mode(data)).as("data directory").isEqualTo("rwx------");
            for (String name : List.of("registry.db", "registry.db-wal", "registry.db-shm")) {
                assertThat(mode(data.resolve(name))).as(name).isEqualTo("rw-------");
            }
        } finally {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
