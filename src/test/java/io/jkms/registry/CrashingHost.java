package io.jkms.registry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Run in a child JVM by {@link CrashTest}: records {@code stored} activations and waits until they are
 * written, then records {@code pending} more that the next flush (a minute away) would write, says so,
 * and waits to be killed. With {@code flood} first, floods the registry instead (see {@link #flood}).
 */
public final class CrashingHost {
    private CrashingHost() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("flood")) {
            flood(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Optional.of(args[4]) : Optional.empty());
            return;
        }
        Path dataDir = Path.of(args[0]);
        int stored = Integer.parseInt(args[1]);
        int pending = Integer.parseInt(args[2]);
        Optional<String> url = args.length > 3 ? Optional.of(args[3]) : Optional.empty();
        RegistrySettings settings = new RegistrySettings(dataDir, url, Optional.empty(), Optional.empty(),
                Duration.ofDays(90), 100_000, Duration.ofMinutes(1));
        Registry registry = Registry.open(settings, TestStore.CLOCK, RandomGenerator.getDefault());
        for (int i = 0; i < stored; i++) {
            registry.writer().offer(TestStore.record(UUID.randomUUID(), "stored-" + i, TestStore.NOW, 0));
        }
        registry.writer().flush().get(1, TimeUnit.MINUTES);
        for (int i = 0; i < pending; i++) {
            registry.writer().offer(TestStore.record(UUID.randomUUID(), "pending-" + i, TestStore.NOW, 0));
        }
        System.out.println("READY");
        System.out.flush();
        System.in.read();
        registry.close();
    }

    /**
     * Offers {@code total} records as fast as it can to a registry whose queue holds {@code capacity}, far
     * faster than any database writes them; then says how many the registry accepted (the rest it dropped and
     * counted) and waits to be killed while the writer is still busy.
     */
    private static void flood(Path dataDir, int capacity, int total, Optional<String> url) throws Exception {
        RegistrySettings settings = new RegistrySettings(dataDir, url, Optional.empty(), Optional.empty(),
                Duration.ofDays(90), capacity, Duration.ofSeconds(1));
        Registry registry = Registry.open(settings, TestStore.CLOCK, RandomGenerator.getDefault());
        for (int i = 0; i < total; i++) {
            registry.writer().offer(TestStore.record(UUID.randomUUID(), "flood-" + i, TestStore.NOW, 0));
        }
        long accepted = total - registry.writer().dropped();
        System.out.println("READY " + accepted + " " + registry.writer().queueDepth());
        System.out.flush();
        System.in.read();
        registry.close();
    }
}
