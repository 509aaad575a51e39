package io.jkms.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.jkms.client.ClientException;
import io.jkms.client.DnsSrvResolver;
import io.jkms.client.HostAddress;
import io.jkms.client.SrvRecord;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real BIND 9 ({@code named}) on 127.0.0.1 and a free port, with one zone, {@value #ZONE}, that takes
 * TSIG-signed updates of its {@code _vlmcs._tcp} SRV records. Without {@code named} the test is skipped, unless
 * {@code JKMS_REQUIRE_BIND=1} (CI), where it fails.
 */
public final class TestBind implements AutoCloseable {
    public static final String ZONE = "kms.test";
    public static final String REQUIRE_VARIABLE = "JKMS_REQUIRE_BIND";
    public static final String KEY_NAME = "jkms-test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final Path named;
    private final int port;
    private Process process;

    private TestBind(Path dir, Path named, int port) {
        this.dir = dir;
        this.named = named;
        this.port = port;
    }

    /** Starts a server with a fresh zone, or skips the test (see the class comment). */
    public static TestBind start() throws IOException {
        Optional<Path> named = executable("named");
        if (named.isEmpty()) {
            if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
                fail(REQUIRE_VARIABLE + "=1 but named (BIND 9) is not installed: apt-get install bind9");
            }
            Assumptions.abort("no BIND 9 for tests: install bind9 (named), or see .ci/run");
        }
        Path dir = Files.createTempDirectory("jkms-bind");
        Files.writeString(dir.resolve("key.conf"), keyFile(KEY_NAME, randomSecret()));
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            TestBind bind = new TestBind(dir, named.get(), freePort());
            try {
                bind.writeZone();
                bind.launch();
                return bind;
            } catch (IOException e) {
                last = e; // most likely the port was taken between the probe and named's bind: another port
                bind.stop();
            }
        }
        throw last;
    }

    /** A BIND key file for {@code name} with this secret, as tsig-keygen writes it. */
    public static String keyFile(String name, String base64Secret) {
        return "key \"" + name + "\" {\n\talgorithm hmac-sha256;\n\tsecret \"" + base64Secret + "\";\n};\n";
    }

    public static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    /** The key file the zone accepts. */
    public Path keyFile() {
        return dir.resolve("key.conf");
    }

    public HostAddress address() {
        return new HostAddress("127.0.0.1", port);
    }

    /** The {@code _vlmcs._tcp} records of the zone, as the server answers now. */
    public List<SrvRecord> records() throws ClientException {
        return new DnsSrvResolver(Optional.of(address()), Duration.ofSeconds(5)).lookup("_vlmcs._tcp." + ZONE);
    }

    /** Polls the records until they satisfy {@code condition} or the deadline passes; returns the last seen. */
    public List<SrvRecord> awaitRecords(Predicate<List<SrvRecord>> condition, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        List<SrvRecord> seen = records();
        while (!condition.test(seen) && System.nanoTime() < end) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            seen = records();
        }
        return seen;
    }

    /** Stops named (SIGTERM) and waits for it. Its zone and journal stay unless {@link #restart(boolean)} says. */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
        }
    }

    /**
     * Starts named again on the same port; with {@code forgetUpdates} from the zone file alone (journal deleted),
     * as a server restored from its master file, which no longer has the records published by UPDATE.
     */
    public void restart(boolean forgetUpdates) throws IOException {
        stop();
        if (forgetUpdates) {
            Files.deleteIfExists(dir.resolve(ZONE + ".zone.jnl"));
            writeZone();
        }
        launch();
    }

    private void writeZone() throws IOException {
        Files.writeString(dir.resolve(ZONE + ".zone"), String.join("\n",
                "$TTL 300",
                "@ IN SOA ns." + ZONE + ". hostmaster." + ZONE + ". 1 3600 600 86400 300",
                "@ IN NS ns." + ZONE + ".",
                "ns IN A 127.0.0.1", ""));
        String d = dir.toString();
        Files.writeString(dir.resolve("named.conf"), String.join("\n",
                "options {",
                "  directory \"" + d + "\";",
                "  pid-file \"" + d + "/named.pid\";",
                "  session-keyfile \"" + d + "/session.key\";",
                "  managed-keys-directory \"" + d + "\";",
                "  listen-on port " + port + " { 127.0.0.1; };",
                "  listen-on-v6 { none; };",
                "  recursion no;",
                "  dnssec-validation no;",
                "  notify no;",
                "};",
                "controls { };",
                "include \"" + d + "/key.conf\";",
                "zone \"" + ZONE + "\" {",
                "  type primary;",
                "  file \"" + d + "/" + ZONE + ".zone\";",
                "  update-policy { grant " + KEY_NAME + " name _vlmcs._tcp." + ZONE + ". SRV; };",
                "};", ""));
    }

    /** Starts named in the foreground (-g: it runs as root without -u) and waits until it answers for the zone. */
    private void launch() throws IOException {
        File log = dir.resolve("named.log").toFile();
        process = new ProcessBuilder(named.toString(), "-g", "-n", "1", "-c", dir.resolve("named.conf").toString(),
                "-p", Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        Process started = process;
        // A test JVM killed mid-test (a surefire timeout) must not leave named running.
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "stop-named"));
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("named exited with " + process.exitValue() + ": " + tail(log.toPath()));
            }
            try {
                records();
                return;
            } catch (ClientException e) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        throw new IOException("named did not answer within " + START_TIMEOUT + ": " + tail(log.toPath()));
    }

    /** What named logged (for a failing test's message). */
    public String log() throws IOException {
        return tail(dir.resolve("named.log"));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        port))) {
                    return udp.getLocalPort();
                } catch (IOException e) {
                    // UDP port taken: another
                }
            }
        }
        throw new IOException("no port free for both TCP and UDP on 127.0.0.1");
    }

    private static Optional<Path> executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator
                + "/usr/local/sbin";
        return Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isEmpty()).map(p -> Path.of(p, name))
                .filter(Files::isExecutable).findFirst();
    }

    @Override
    public void close() throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
