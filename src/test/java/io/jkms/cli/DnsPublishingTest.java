package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import io.jkms.client.SrvRecord;
import io.jkms.dns.DnsPublishStatus;
import io.jkms.dns.TsigKeyFile;
import io.jkms.testing.TestBind;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/** The host's own SRV record in a real BIND 9: published at start, kept through outages, removed at stop. */
@Tag("dns")
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DnsPublishingTest {
    /** How long a test waits for what should happen within about a second (the machine is shared and loaded). */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    static String[] publishing(TestBind bind, Path key, String... more) {
        List<String> settings = new ArrayList<>(List.of("dns-publish", TestBind.ZONE, "dns-server",
                bind.address().toString(), "dns-tsig-key", key.toString(), "dns-target", "127.0.0.1"));
        settings.addAll(Arrays.asList(more));
        return settings.toArray(String[]::new);
    }

    static Predicate<List<SrvRecord>> hasPort(int port) {
        return records -> records.stream().anyMatch(r -> r.port() == port);
    }

    @Test
    void theRecordIsInDnsWithinTwoSecondsOfStartAndGoneAfterAStop() throws Exception {
        try (TestBind bind = TestBind.start()) {
            int port;
            try (TestHost host = TestHost.start(publishing(bind, bind.keyFile(), "dns-priority", "5", "dns-weight",
                    "20", "dns-ttl", "1h", "web", "127.0.0.1:0"))) {
                long listening = System.nanoTime();
                port = host.address().getPort();
                List<SrvRecord> records = bind.awaitRecords(hasPort(port), PATIENCE);
                assertThat(Duration.ofNanos(System.nanoTime() - listening)).as("visible within 2 s of listening")
                        .isLessThan(Duration.ofSeconds(2));
                assertThat(records).containsExactly(new SrvRecord(5, 20, port, "127.0.0.1"));
                DnsPublishStatus status = await(host.host::dnsStatus, DnsPublishStatus::published);
                assertThat(status.record()).contains("_vlmcs._tcp.kms.test. 3600 IN SRV 5 20 " + port + " 127.0.0.1.");
                assertThat(host.host.meters().scrape()).contains("jkms_dns_published 1.0")
                        .contains("jkms_dns_publish_failures_total 0.0");
                JsonNode health = health(host);
                assertThat(health.at("/dns/published").asBoolean()).isTrue();
                assertThat(health.at("/dns/record").asText()).endsWith("SRV 5 20 " + port + " 127.0.0.1.");
                assertThat(health.at("/dns/problem").isMissingNode()).isTrue();
            }
            assertThat(bind.records()).as("removed on a clean stop").isEmpty();
        }
    }

    @Test
    void aWrongTsigKeyIsRefusedAndReportedWhileActivationsGoOn() throws Exception {
        try (TestBind bind = TestBind.start()) {
            Path wrong = dir.resolve("wrong.key");
            Files.writeString(wrong, TestBind.keyFile(TestBind.KEY_NAME, TestBind.randomSecret()));
            try (TestHost host = TestHost.start(publishing(bind, wrong, "dns-retry", "200ms", "web", "127.0.0.1:0"))) {
                DnsPublishStatus status = await(host.host::dnsStatus, s -> s.failures() >= 2);
                assertThat(status.published()).isFalse();
                assertThat(status.problem().orElseThrow()).contains("refused", "NOTAUTH", "BADSIG", "jkms-test");
                JsonNode health = health(host);
                assertThat(health.at("/status").asText()).isEqualTo("degraded");
                assertThat(health.at("/dns/published").asBoolean(true)).isFalse();
                assertThat(health.at("/dns/failures").asLong()).isPositive();
                assertThat(health.at("/dns/problem").asText()).contains("BADSIG");
                assertThat(host.host.meters().scrape()).contains("jkms_dns_published 0.0")
                        .containsPattern("jkms_dns_publish_failures_total [1-9]");
                assertThat(bind.records()).isEmpty();
                try (KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(),
                        new SecureRandom())) {
                    assertThat(client.activate(HostEndToEndTest.PRODUCTS.get(4).request("dns-down")).activated())
                            .as("activations do not wait for DNS").isTrue();
                }
            }
        }
    }

    @Test
    void aBindRestartedWithoutTheRecordIsSurvivedAndTheRecordPublishedAgain() throws Exception {
        try (TestBind bind = TestBind.start();
             TestHost host = TestHost.start(publishing(bind, bind.keyFile(), "dns-refresh", "1s", "dns-retry",
                     "200ms"))) {
            int port = host.address().getPort();
            assertThat(bind.awaitRecords(hasPort(port), PATIENCE)).hasSize(1);
            bind.stop();
            DnsPublishStatus down = await(host.host::dnsStatus, s -> s.problem().isPresent());
            assertThat(down.problem().orElseThrow()).contains("no answer from DNS server " + bind.address());
            assertThat(down.published()).isFalse();

            bind.restart(true);
            assertThat(bind.awaitRecords(hasPort(port), PATIENCE)).as("published again")
                    .containsExactly(new SrvRecord(0, 0, port, "127.0.0.1"));
            DnsPublishStatus up = await(host.host::dnsStatus, s -> s.published() && s.problem().isEmpty());
            assertThat(up.failures()).isPositive();
        }
    }

    @Test
    void aRecordDeletedBehindTheHostsBackIsBackAfterTheRefreshInterval() throws Exception {
        try (TestBind bind = TestBind.start();
             TestHost host = TestHost.start(publishing(bind, bind.keyFile(), "dns-refresh", "1s"))) {
            int port = host.address().getPort();
            assertThat(bind.awaitRecords(hasPort(port), PATIENCE)).hasSize(1);
            // As an administrator or a scavenging DNS server would: the whole RRset, with BIND's own key.
            Update update = new Update(Name.fromString(TestBind.ZONE + "."));
            update.delete(Name.fromString("_vlmcs._tcp." + TestBind.ZONE + "."), Type.SRV);
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", bind.address().port()));
            resolver.setTSIGKey(TsigKeyFile.read(bind.keyFile()).signer());
            assertThat(Rcode.string(resolver.send(update).getRcode())).isEqualTo("NOERROR");
            assertThat(bind.records()).isEmpty();

            assertThat(bind.awaitRecords(hasPort(port), PATIENCE)).as("published again by the refresh")
                    .containsExactly(new SrvRecord(0, 0, port, "127.0.0.1"));
            assertThat(host.host.dnsStatus().failures()).as("no failure: the refresh did it").isZero();
        }
    }

    @Test
    void aReloadThatChangesTheRecordReplacesItAndAnotherHostsRecordIsNeverTouched() throws Exception {
        try (TestBind bind = TestBind.start();
             TestHost other = TestHost.start(publishing(bind, bind.keyFile(), "dns-priority", "10"))) {
            int otherPort = other.address().getPort();
            try (TestHost host = TestHost.start(publishing(bind, bind.keyFile()))) {
                int port = host.address().getPort();
                assertThat(bind.awaitRecords(r -> r.size() == 2, PATIENCE)).containsExactlyInAnyOrder(
                        new SrvRecord(10, 0, otherPort, "127.0.0.1"), new SrvRecord(0, 0, port, "127.0.0.1"));

                host.host.reload(TestHost.config(publishing(bind, bind.keyFile(), "dns-priority", "3", "listen",
                        "127.0.0.1:" + port)), host.host.catalog());
                assertThat(bind.awaitRecords(r -> r.contains(new SrvRecord(3, 0, port, "127.0.0.1")) && r.size() == 2,
                        PATIENCE)).containsExactlyInAnyOrder(new SrvRecord(10, 0, otherPort, "127.0.0.1"),
                        new SrvRecord(3, 0, port, "127.0.0.1"));

                host.host.reload(TestHost.config("listen", "127.0.0.1:" + port), host.host.catalog());
                assertThat(bind.awaitRecords(r -> r.size() == 1, PATIENCE)).as("publishing turned off by a reload")
                        .containsExactly(new SrvRecord(10, 0, otherPort, "127.0.0.1"));
                assertThat(await(host.host::dnsStatus, s -> !s.enabled())).isEqualTo(DnsPublishStatus.OFF);
                host.host.reload(TestHost.config(publishing(bind, bind.keyFile(), "listen", "127.0.0.1:" + port)),
                        host.host.catalog());
                assertThat(bind.awaitRecords(r -> r.size() == 2, PATIENCE)).as("and on again")
                        .contains(new SrvRecord(0, 0, port, "127.0.0.1"));
            }
            assertThat(bind.records()).as("only the stopped host's record is gone")
                    .containsExactly(new SrvRecord(10, 0, otherPort, "127.0.0.1"));
        }
    }

    /** {@code /api/health} of a host started with a dashboard on loopback. */
    static JsonNode health(TestHost host) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + host.host.web().orElseThrow().address().getPort() + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    /** Polls a status until it satisfies {@code condition}, failing after {@link #PATIENCE}. */
    static <T> T await(Supplier<T> value, Predicate<T> condition) {
        long end = System.nanoTime() + PATIENCE.toNanos();
        T seen = value.get();
        while (!condition.test(seen)) {
            assertThat(System.nanoTime()).as("waiting for a condition; last seen: %s", seen).isLessThan(end);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            seen = value.get();
        }
        return seen;
    }
}
