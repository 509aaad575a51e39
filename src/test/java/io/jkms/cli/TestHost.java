package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.config.ConfigKey;
import io.jkms.config.ConfigSources;
import io.jkms.config.ConfigValue;
import io.jkms.config.HostConfig;
import io.jkms.config.HostConfigParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** An in-process host on loopback port 0, configured as a user would (through the config parser). */
final class TestHost implements AutoCloseable {
    final HostWiring host;

    private TestHost(HostWiring host) {
        this.host = host;
    }

    /**
     * Settings as {@code key, value, key, value…} pairs; listens on 127.0.0.1:0, keeps its SQLite registry in a
     * fresh temporary directory and serves no dashboard, unless given.
     */
    static TestHost start(String... settings) throws IOException {
        return start(Catalog.loadDefault(), settings);
    }

    static TestHost start(Catalog catalog, String... settings) throws IOException {
        return new TestHost(HostWiring.start(config(settings), catalog, new SecureRandom(), Clock.systemUTC(),
                List.of()));
    }

    /** A configuration from {@code key, value, …} pairs, as if given as flags. */
    static HostConfig config(String... settings) {
        Map<ConfigKey, List<ConfigValue>> flags = new EnumMap<>(ConfigKey.class);
        for (int i = 0; i < settings.length; i += 2) {
            ConfigKey key = ConfigKey.byKey(settings[i]).orElseThrow();
            flags.computeIfAbsent(key, k -> new ArrayList<>()).add(new ConfigValue(key, settings[i + 1], "test"));
        }
        return config(flags);
    }

    static HostConfig config(Map<ConfigKey, List<ConfigValue>> flags) {
        flags.putIfAbsent(ConfigKey.LISTEN, List.of(new ConfigValue(ConfigKey.LISTEN, "127.0.0.1:0", "test")));
        flags.putIfAbsent(ConfigKey.WEB, List.of(new ConfigValue(ConfigKey.WEB, "off", "test")));
        if (!flags.containsKey(ConfigKey.DATA_DIR)) {
            try {
                Path dataDir = Files.createTempDirectory("jkms-test-registry");
                dataDir.toFile().deleteOnExit();
                flags.put(ConfigKey.DATA_DIR, List.of(new ConfigValue(ConfigKey.DATA_DIR, dataDir.toString(), "test")));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return HostConfigParser.parse(ConfigSources.merge(List.of(flags)));
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
        host.close();
    }
}
