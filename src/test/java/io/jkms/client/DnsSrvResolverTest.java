package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SRV lookups against a DNS server on 127.0.0.1:0; no real DNS name is ever asked for. */
@Tag("network")
class DnsSrvResolverTest {
    static final String NAME = "_vlmcs._tcp.corp.example";
    static final List<SrvRecord> RECORDS = List.of(new SrvRecord(0, 60, 1688, "KMS1.Corp.Example"),
            new SrvRecord(10, 0, 1689, "kms2.corp.example"));

    static DnsSrvResolver resolver(TestDnsServer dns) {
        return new DnsSrvResolver(Optional.of(dns.address()), Duration.ofSeconds(5));
    }

    @Test
    void findsEveryRecordWithTargetsLowerCasedAndWithoutTheTrailingDot() throws Exception {
        try (TestDnsServer dns = new TestDnsServer(Map.of(NAME, RECORDS))) {
            List<SrvRecord> found = resolver(dns).lookup(NAME);

            assertThat(found).containsExactlyInAnyOrder(new SrvRecord(0, 60, 1688, "kms1.corp.example"),
                    new SrvRecord(10, 0, 1689, "kms2.corp.example"));
        }
    }

    @Test
    void theNameMayBeAbsoluteOrInAnyCase() throws Exception {
        try (TestDnsServer dns = new TestDnsServer(Map.of(NAME, RECORDS))) {
            assertThat(resolver(dns).lookup(NAME + ".")).hasSize(2);
            assertThat(resolver(dns).lookup("_VLMCS._TCP.Corp.Example")).hasSize(2);
        }
    }

    @Test
    void anUnknownNameHasNoRecordsAndADotTargetMeansNoService() throws Exception {
        try (TestDnsServer dns = new TestDnsServer(Map.of("_vlmcs._tcp.none.example",
                List.of(new SrvRecord(0, 0, 0, "."))))) {
            assertThat(resolver(dns).lookup("_vlmcs._tcp.nothing.example")).isEmpty();
            assertThat(resolver(dns).lookup("_vlmcs._tcp.none.example")).singleElement()
                    .satisfies(r -> assertThat(r.noService()).isTrue());
        }
    }

    @Test
    void notADnsNameIsATypedErrorBeforeAnyQuery() throws Exception {
        try (TestDnsServer dns = new TestDnsServer(Map.of())) {
            assertThatThrownBy(() -> resolver(dns).lookup("a..b"))
                    .isInstanceOfSatisfying(ClientException.class,
                            e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.UNREACHABLE))
                    .hasMessageContaining("DNS SRV lookup of a..b failed (server " + dns.address() + "): not a DNS name");
        }
    }

    @Test
    void aServerThatNeverAnswersIsUnreachableAfterTheTimeout() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            HostAddress address = new HostAddress("127.0.0.1", silent.getLocalPort());
            assertThatThrownBy(() -> new DnsSrvResolver(Optional.of(address), Duration.ofMillis(300)).lookup(NAME))
                    .isInstanceOfSatisfying(ClientException.class,
                            e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.UNREACHABLE))
                    .hasMessageContaining("DNS SRV lookup of " + NAME + " failed (server " + address + ")");
        }
    }
}
