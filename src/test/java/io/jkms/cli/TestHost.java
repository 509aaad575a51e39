package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.config.HostConfig;
import io.jkms.config.ServeConfiguration;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An in-process host on loopback port 0, configured as a user would (through the config parser). */
final class TestHost implements AutoCloseable {
    /** The data directory of a configuration that is not started: never created, so nothing to clean up. */
    private static final Path UNUSED_DATA_DIR = Path.of(System.getProperty("java.io.tmpdir"), "jkms-test-unused");
    final HostWiring host;
    /** The data directory this fixture created (and deletes on close); empty when the test gave one. */
    private final java.util.Optional<Path> createdDataDir;

    private TestHost(HostWiring host, java.util.Optional<Path> createdDataDir) {
        this.host = host;
        this.createdDataDir = createdDataDir;
    }

    /**
     * Settings as {@code key, value, key, value…} pairs; listens on 127.0.0.1:0, keeps its SQLite registry in a
     * fresh temporary directory and serves no dashboard, unless given.
     */
    static TestHost start(String... settings) throws IOException {
        return start(Catalog.loadDefault(), settings);
    }

    static TestHost start(Catalog catalog, String... settings) throws IOException {
        List<String> all = new ArrayList<>(List.of(settings));
        java.util.Optional<Path> created = java.util.Optional.empty();
        if (!all.contains("data-dir")) {
            created = java.util.Optional.of(Files.createTempDirectory("jkms-test-registry"));
            all.add("data-dir");
            all.add(created.get().toString());
        }
        try {
            TestHost host = new TestHost(HostWiring.start(config(all.toArray(String[]::new)), catalog,
                    new SecureRandom(), Clock.systemUTC(), List.of()), created);
            if (created.isPresent() && !all.contains("database") && !all.contains("registry")) {
                // The registry opens in the background; a fresh directory is not a test of that, so wait for it
                // (the client pages answer 503 until then). Tests of the opening give their own directory.
                try {
                    host.host.registry(); // waits up to a minute for it to open, else throws
                } catch (RuntimeException e) {
                    host.close();
                    throw e;
                }
            }
            return host;
        } catch (IOException | RuntimeException e) {
            created.ifPresent(TestHost::delete);
            throw e;
        }
    }

    /** A configuration from {@code key, value, …} pairs, as if given as flags. */
    static HostConfig config(String... settings) {
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < settings.length; i += 2) {
            flags.add("--" + settings[i]);
            flags.add(settings[i + 1]);
        }
        List<String> keys = List.of(settings);
        addUnlessGiven(flags, keys, "listen", "127.0.0.1:0");
        addUnlessGiven(flags, keys, "web", "off");
        // A configuration only (a reload's): its registry is not opened, so its directory is never created.
        addUnlessGiven(flags, keys, "data-dir", UNUSED_DATA_DIR.toString());
        return ServeConfiguration.read(flags, Map.of());
    }

    private static void addUnlessGiven(List<String> flags, List<String> settings, String key, String value) {
        for (int i = 0; i < settings.size(); i += 2) {
            if (settings.get(i).equals(key)) {
                return;
            }
        }
        flags.add("--" + key);
        flags.add(value);
    }

    /** The registry's health as the dashboard and metrics see it. */
    io.jkms.registry.RegistryHealth registryHealth() {
        return host.registryHealth();
    }

    InetSocketAddress address() {
        return host.server().boundAddresses().get(0);
    }

    List<InetSocketAddress> addresses() {
        return host.server().boundAddresses();
    }

    @Override
    public void close() {
        try {
            host.close();
        } finally {
            createdDataDir.ifPresent(TestHost::delete);
        }
    }

    /** deleteOnExit cannot do this: it skips a directory that is not empty, and the registry fills it. */
    private static void delete(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot delete the test's data directory " + dir, e);
        }
    }
}
