package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.FakeKmsPeer.Behaviour;
import io.jkms.protocol.ProtocolVersion;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Host selection over loopback hosts that refuse, stall or work, and SRV discovery against a DNS server. */
@Tag("network")
class HostSelectorTest {
    static final ActivationPlan WINDOWS_10_PRO = new ActivationPlan(RequestTemplate.of(ProtocolVersion.V6,
            UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f"), UUID.fromString("2de67392-b7a7-462a-b1ca-108dd189f588"),
            UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148"), 25), Optional.empty(), 1, false, false);
    static final Duration SHORT = Duration.ofMillis(300);

    static HostSelector selector(int tries, long seed) {
        return new HostSelector(ClientOptions.defaults().withTimeout(SHORT), SHORT, tries, new SplittableRandom(seed),
                Clock.systemUTC());
    }

    static HostAddress refusedHost() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new HostAddress("127.0.0.1", s.getLocalPort());
        }
    }

    @Test
    void findsTheWorkingHostAmongRefusingAndStallingOnesAndSaysWhatHappenedToEach() throws Exception {
        for (long seed = 0; seed < 4; seed++) {
            try (FakeKmsPeer stalls = FakeKmsPeer.start(Behaviour.STALL);
                 FakeKmsPeer closes = FakeKmsPeer.start(Behaviour.CLOSE_AT_ONCE);
                 FakeKmsPeer works = FakeKmsPeer.start(Behaviour.GOOD)) {
                HostAddress refuses = refusedHost();
                List<HostAddress> hosts = List.of(refuses, stalls.host(), closes.host(), works.host());
                SelectionReport report = selector(4, seed).activate(hosts, true, WINDOWS_10_PRO);

                assertThat(report.outcome()).isEqualTo(Outcome.ACTIVATED);
                assertThat(report.success().orElseThrow().host()).isEqualTo(works.host());
                List<HostAttempt> attempts = report.attempts();
                assertThat(attempts.get(attempts.size() - 1).host()).isEqualTo(works.host());
                for (HostAttempt a : attempts.subList(0, attempts.size() - 1)) {
                    if (a.host().equals(refuses)) {
                        assertThat(a.outcome()).isEqualTo(Outcome.UNREACHABLE);
                        assertThat(a.detail()).contains("Connection refused");
                    } else if (a.host().equals(stalls.host())) {
                        assertThat(a.outcome()).isEqualTo(Outcome.RPC);
                        assertThat(a.detail()).contains("host stalled", "BIND");
                    } else {
                        assertThat(a.outcome()).isEqualTo(Outcome.RPC);
                        assertThat(a.detail()).contains("host closed the connection");
                    }
                }
                assertThat(attempts.stream().map(HostAttempt::host).distinct().count()).isEqualTo(attempts.size());
            }
        }
    }

    @Test
    void triesStopAtTheLimitGoRoundAShortListAndReportTheFurthestFailure() throws Exception {
        try (FakeKmsPeer refusesProduct = FakeKmsPeer.refusing(0xC004F042)) {
            HostAddress dead = refusedHost();
            SelectionReport report = selector(3, 1).activate(List.of(dead, refusesProduct.host()), false,
                    WINDOWS_10_PRO);
            assertThat(report.attempts()).extracting(HostAttempt::host)
                    .containsExactly(dead, refusesProduct.host(), dead);
            assertThat(report.outcome()).as("refused got further than unreachable").isEqualTo(Outcome.REFUSED);
        }
    }

    @Test
    void discoversHostsFromSrvRecordsInPriorityOrderAndUsesTheWorkingOne() throws Exception {
        try (FakeKmsPeer stalls = FakeKmsPeer.start(Behaviour.STALL);
             FakeKmsPeer works = FakeKmsPeer.start(Behaviour.GOOD)) {
            HostAddress dead = refusedHost();
            List<SrvRecord> records = List.of(
                    new SrvRecord(20, 0, works.host().port(), "127.0.0.1."),
                    new SrvRecord(0, 60, dead.port(), "127.0.0.1."),
                    new SrvRecord(0, 40, stalls.host().port(), "127.0.0.1."),
                    new SrvRecord(10, 5, dead.port(), "127.0.0.1."));
            try (TestDnsServer dns = new TestDnsServer(Map.of("_vlmcs._tcp.corp.example", records))) {
                DnsSrvResolver resolver = new DnsSrvResolver(Optional.of(dns.address()), Duration.ofSeconds(2));
                List<SrvRecord> found = resolver.lookup("_vlmcs._tcp.corp.example");
                assertThat(found).containsExactlyInAnyOrderElementsOf(records);
                assertThat(resolver.lookup("_vlmcs._tcp.nothing.example")).isEmpty();
                HostAddress silent = refusedHost();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DnsSrvResolver(Optional.of(silent),
                        Duration.ofMillis(300)).lookup("_vlmcs._tcp.corp.example"))
                        .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.kind())
                                .isEqualTo(ClientException.Kind.UNREACHABLE))
                        .hasMessageContaining("DNS SRV lookup of _vlmcs._tcp.corp.example failed (server " + silent);

                List<SrvRecord> ordered = SrvOrder.order(found, new SplittableRandom(3));
                assertThat(ordered).extracting(SrvRecord::priority).containsExactly(0, 0, 10, 20);
                SelectionReport report = selector(4, 0).activate(ordered.stream().map(SrvRecord::address).toList(),
                        false, WINDOWS_10_PRO);
                assertThat(report.attempts()).hasSize(4);
                assertThat(report.success().orElseThrow().host()).isEqualTo(works.host());
            }
        }
    }
}
