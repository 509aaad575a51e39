package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import io.jkms.client.SrvRecord;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.KmsRequest;
import io.jkms.testing.TestBind;
import io.jkms.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * Two hosts, one service: both on one PostgreSQL registry, both publishing into one zone of a real BIND 9, found by
 * {@code jkms activate --discover}, counting as one host would.
 */
@Tag("database")
@Tag("dns")
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TwoHostsOneServiceTest {
    /** Windows Server 2019 Datacenter: N policy 5, so a real count caps at 10. */
    private static final HostEndToEndTest.Product SERVER = HostEndToEndTest.PRODUCTS.get(5);
    private static final int MACHINES = 8;
    /** The registry reloads counts every 5 s; a loaded machine may need several rounds. */
    private static final Duration RELOAD_PATIENCE = Duration.ofSeconds(60);

    @Test
    void aClientAlternatingBetweenTheHostsSeesOneServiceAndStoppingOneRemovesOnlyItsRecord() throws Exception {
        try (TestPostgres postgres = TestPostgres.create();
             TestBind bind = TestBind.start();
             TestHost a = host(bind, postgres, "0")) {
            int portA = a.address().getPort();
            int portB;
            try (TestHost b = host(bind, postgres, "10")) {
                portB = b.address().getPort();
                assertThat(bind.awaitRecords(r -> r.size() == 2, DnsPublishingTest.PATIENCE))
                        .containsExactlyInAnyOrder(new SrvRecord(0, 0, portA, "127.0.0.1"),
                                new SrvRecord(10, 0, portB, "127.0.0.1"));

                List<UUID> machines = new ArrayList<>();
                for (int i = 0; i < MACHINES; i++) {
                    machines.add(UUID.randomUUID());
                    activate(i % 2 == 0 ? a : b, machines.get(i));
                }
                int requests = MACHINES + awaitOneCount(a, b, machines);

                a.host.registry().writer().flush().get(1, TimeUnit.MINUTES);
                b.host.registry().writer().flush().get(1, TimeUnit.MINUTES);
                assertThat(clientsOnDashboard(a)).as("A's dashboard").isEqualTo(MACHINES);
                assertThat(clientsOnDashboard(b)).as("B's dashboard").isEqualTo(MACHINES);
                try (var connection = postgres.connect(); var statement = connection.createStatement();
                     var rows = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT cmid),"
                             + " (SELECT COUNT(*) FROM clients), (SELECT SUM(requests) FROM clients) FROM activations")) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("history rows: each request once").isEqualTo(requests);
                    assertThat(rows.getLong(2)).as("machines").isEqualTo(MACHINES);
                    assertThat(rows.getLong(3)).as("client rows").isEqualTo(MACHINES);
                    assertThat(rows.getLong(4)).as("requests counted").isEqualTo(requests);
                }

                JsonNode discovered = discover(bind);
                assertThat(discovered.at("/exitCode").asInt()).as(discovered.toString()).isZero();
                assertThat(discovered.at("/products/0/attempts/0/host").asText())
                        .as("the lower priority is tried first").isEqualTo("127.0.0.1:" + portA);
                assertThat(discovered.at("/products/0/attempts/0/outcome").asText()).isEqualToIgnoringCase("activated");
            }
            assertThat(bind.records()).as("stopping B removes only B's record")
                    .containsExactly(new SrvRecord(0, 0, portA, "127.0.0.1"));
        }
    }

    private static TestHost host(TestBind bind, TestPostgres postgres, String priority) throws Exception {
        return TestHost.start(DnsPublishingTest.publishing(bind, bind.keyFile(), "dns-priority", priority,
                "database", postgres.url(), "client-count", "real", "web", "127.0.0.1:0"));
    }

    /**
     * Asks each host again for a machine the other one answered, until both report every machine of both (within
     * the registry's reload interval); returns the requests this took.
     */
    private static int awaitOneCount(TestHost a, TestHost b, List<UUID> machines) throws Exception {
        long end = System.nanoTime() + RELOAD_PATIENCE.toNanos();
        int requests = 0;
        while (true) {
            long countA = activate(a, machines.get(1));
            long countB = activate(b, machines.get(0));
            requests += 2;
            if (countA == MACHINES && countB == MACHINES) {
                return requests;
            }
            assertThat(countA).as("never more than the machines seen").isLessThanOrEqualTo(MACHINES);
            assertThat(countB).isLessThanOrEqualTo(MACHINES);
            assertThat(System.nanoTime()).as("counts A %d, B %d: should agree on %d", countA, countB, MACHINES)
                    .isLessThan(end);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    private static long activate(TestHost host, UUID cmid) throws Exception {
        try (KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
            KmsRequest template = SERVER.request("server-" + cmid.toString().substring(0, 8));
            KmsRequest request = new KmsRequest(template.version(), 0, 2, 43200, template.appId(), template.skuId(),
                    template.kmsId(), cmid, template.requiredClientCount(), FileTime.fromInstant(Instant.now()),
                    new UUID(0, 0), template.workstationName());
            return client.activate(request).response().orElseThrow().clientCount();
        }
    }

    private static int clientsOnDashboard(TestHost host) throws Exception {
        InetSocketAddress web = host.host.web().orElseThrow().address();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + web.getPort() + "/api/clients?size=100")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).at("/total").asInt();
    }

    private static JsonNode discover(TestBind bind) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(Map.of());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("activate", "--discover", TestBind.ZONE, "--dns-server", bind.address().toString(),
                "-p", SERVER.name(), "--tries", "1", "--json");
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.at("/exitCode").asInt(-1)).as("exit %d: %s %s", code, out, err).isEqualTo(code);
        return report;
    }
}
