package io.jkms.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Run in a child JVM by {@link CrashTest}: records {@code stored} activations and waits until they are
 * written, then records {@code pending} more that the next flush (a minute away) would write, says so,
 * and waits to be killed.
 */
public final class CrashingHost {
    private CrashingHost() {
    }

    public static void main(String[] args) throws Exception {
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
}
