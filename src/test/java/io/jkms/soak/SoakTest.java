package io.jkms.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.ProtocolVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything at once against one host process, all on loopback and bounded in time
 * ({@code -Djkms.soak.seconds}, default 20): legitimate activations from 127.0.0.1 while a slow-loris wave
 * of thousands of connections trickles bytes, one address floods connections, and another sends random
 * bytes, truncated and oversized PDUs; 2000 connections from 25 addresses send nothing (an idle flood that,
 * with the slow-loris wave, exceeds {@code --max-connections} 4000), and slow readers bind with
 * max_recv_frag 32 and pipeline requests they never read. The host runs with a 2 s read deadline and a
 * per-address rate of 150 new connections a second, so that the flood one thread can make on a small machine exceeds it; each
 * legitimate worker is its own address and stays under it. Legitimate activations keep succeeding (at least 99 %), the host's
 * resident memory stays under {@link #RSS_BOUND_KIB}, no thread dies, and after a clean stop the registry
 * holds every legitimate activation.
 */
@Tag("soak")
class SoakTest {
    /** The stated bound on the host's resident memory under this load, with ./jkms's JVM flags. */
    static final long RSS_BOUND_KIB = 256 * 1024;
    private static final UUID WINDOWS = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    private static final UUID WIN10_PRO = UUID.fromString("2de67392-b7a7-462a-b1ca-108dd189f588");
    private static final UUID WIN10_KMS = UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void legitimateClientsAreServedThroughEveryAttackAndNoneIsLost(@TempDir Path dir) throws Exception {
        long seconds = Long.getLong("jkms.soak.seconds", 20);
        try (HostProcess host = HostProcess.start(dir.resolve("data"), "--read-timeout", "2",
                "--connection-rate", "150", "--connection-burst", "300", "--max-connections", "4000",
                "--log-level", "warn")) {
            AtomicBoolean running = new AtomicBoolean(true);
            Attackers attackers = new Attackers(host.kms, running);
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<?>> tasks = new ArrayList<>();
            tasks.add(pool.submit(() -> {
                attackers.slowLoris(3000);
                return null;
            }));
            for (int f = 0; f < 3; f++) {
                tasks.add(pool.submit(() -> {
                    attackers.flood();
                    return null;
                }));
            }
            tasks.add(pool.submit(() -> {
                attackers.idleFlood(2000, 30, 25); // with the slow-loris wave, over --max-connections
                return null;
            }));
            tasks.add(pool.submit(() -> {
                attackers.slowReaders(10);
                return null;
            }));
            for (int j = 0; j < 2; j++) {
                long seed = j;
                tasks.add(pool.submit(() -> {
                    attackers.junk(seed);
                    return null;
                }));
            }
            for (int w = 0; w < 4; w++) {
                int worker = w;
                tasks.add(pool.submit(() -> {
                    legitimate(host, worker, running, ok, failed, failures);
                    return null;
                }));
            }
            long peakRss = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                peakRss = Math.max(peakRss, host.rssKib());
                LockSupport.parkNanos(200_000_000L); // sample memory five times a second
            }
            String metrics = scrape(host);
            running.set(false);
            for (Future<?> task : tasks) {
                task.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            long total = ok.get() + failed.get();
            assertThat(total).as("legitimate activations made").isGreaterThan(100);
            assertThat(ok.get() * 100.0 / total).as("legitimate success rate, failures: %s",
                    failures.subList(0, Math.min(5, failures.size()))).isGreaterThanOrEqualTo(99.0);
            assertThat(peakRss).as("peak RSS in KiB").isLessThan(RSS_BOUND_KIB);
            assertThat(attackers.lorisConnections.get()).as("slow-loris connections opened").isGreaterThan(3000);
            assertThat(metrics).contains("jkms_connections_refused_total{reason=\"read-deadline\"}")
                    .contains("jkms_connections_refused_total{reason=\"rate-limited\"}");
            assertThat(counter(metrics, "read-deadline")).as("slow-loris connections cut by the read deadline (of %d)",
                    attackers.lorisConnections.get()).isGreaterThan(300);
            assertThat(counter(metrics, "rate-limited")).as("flood connections refused (%d attempted)",
                    attackers.floodConnections.get()).isGreaterThan(100);
            assertThat(counter(metrics, "evicted-idle") + counter(metrics, "first-byte-timeout"))
                    .as("idle-flood connections evicted or cut (%d opened)", attackers.idleConnections.get())
                    .isGreaterThan(100);
            assertThat(counter(metrics, "write-backlog") + counter(metrics, "write-timeout"))
                    .as("slow readers cut (%d opened)", attackers.slowReaderConnections.get()).isGreaterThan(10);
            assertThat(counter(metrics, "error")).as("unexpected errors in the host").isZero();
            assertThat(host.stop()).as("exit code after SIGTERM").isZero();
            assertThat(host.problems).as("exceptions or dead threads in the host's log").isEmpty();
            assertThat(legitimateInRegistry(dir.resolve("data"))).isEqualTo(ok.get());
        }
    }

    private static void legitimate(HostProcess host, int worker, AtomicBoolean running, AtomicLong ok,
                                   AtomicLong failed, List<String> failures) {
        SecureRandom random = new SecureRandom();
        // Each worker is its own client address (127.0.0.20, .21, …), as machines of a network are.
        ClientOptions options;
        try {
            options = ClientOptions.defaults().withSource(java.net.InetAddress.getByAddress(
                    new byte[] {127, 0, 0, (byte) (20 + worker)}));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; running.get(); i++) {
            KmsRequest request = new KmsRequest(ProtocolVersion.V6, 0, 2, 43200, WINDOWS, WIN10_PRO, WIN10_KMS,
                    UUID.randomUUID(), 25, FileTime.fromInstant(Instant.now()), new UUID(0, 0),
                    "soak-legit-" + worker + "-" + i);
            try (KmsClient client = KmsClient.connect(host.kms, options, random)) {
                if (client.activate(request).activated()) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
                failures.add(e.toString());
            }
            LockSupport.parkNanos(10_000_000L); // a realistic pace: about 100 activations a second per worker
        }
    }

    private static String scrape(HostProcess host) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + host.web.getPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double counter(String metrics, String reason) {
        String prefix = "jkms_connections_refused_total{reason=\"" + reason + "\"} ";
        return metrics.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(
                l.substring(prefix.length()).trim())).sum();
    }

    private static long legitimateInRegistry(Path dataDir) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("registry.db"));
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT count(*) FROM activations WHERE workstation LIKE 'soak-legit-%' AND hresult = 0")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
