package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jkms.catalog.Catalog;
import io.jkms.client.FakeKmsPeer;
import io.jkms.client.FakeKmsPeer.Behaviour;
import io.jkms.client.HostAddress;
import io.jkms.client.DnsSrvResolver;
import io.jkms.client.SrvRecord;
import io.jkms.client.SrvResolver;
import io.jkms.client.TestDnsServer;
import io.jkms.protocol.Hresult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code jkms activate} as a user runs it, against the real host and against a peer that misbehaves on demand. */
@Tag("network")
class ActivateCommandTest {
    static final Catalog CATALOG = Catalog.loadDefault();

    record Run(int code, String out, String err) {
    }

    static Run activate(Function<Optional<HostAddress>, SrvResolver> resolvers, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ActivateCommand(() -> CATALOG, resolvers, new SplittableRandom(4),
                Clock.systemUTC()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run activate(String... args) {
        return activate(server -> name -> List.of(), args);
    }

    /** Short timeouts: the fake peers stall on purpose, and the tests should not wait long for it. */
    static String[] with(String host, String... more) {
        return withTimeout("500ms", host, more);
    }

    /**
     * Patient timeouts, for a real host that must answer: the first activation in a fresh JVM loads the whole
     * protocol stack on both sides, which took over 500 ms on a loaded machine and failed a test that had nothing
     * to do with timing.
     */
    static String[] withRealHost(String host, String... more) {
        return withTimeout("10s", host, more);
    }

    private static String[] withTimeout(String timeout, String host, String... more) {
        List<String> args = new ArrayList<>(List.of(host, "--timeout", timeout, "--probe-timeout", timeout));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** A loopback port nothing listens on: bound, then closed. */
    static int refusedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void activatesEveryCatalogProductAgainstTheHostWithFullVerification() throws Exception {
        try (TestHost host = TestHost.start()) {
            Run r = activate(withRealHost(host.address().getHostString() + ":" + host.address().getPort(), "-p", "all",
                    "--json"));
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(r.err()).isEmpty();
            assertThat(r.code()).isZero();
            assertThat(json.get("products")).hasSize((int) CATALOG.products().stream()
                    .filter(p -> p.kmsActivatable()).count());
            for (JsonNode p : json.get("products")) {
                assertThat(p.get("outcome").asText()).as(p.get("product").asText()).isEqualTo("activated");
            }
        }
    }

    @Test
    void summaryNamesHostProductProtocolEpidHwidCountIntervalsAndLatency() throws Exception {
        try (TestHost host = TestHost.start()) {
            Run r = activate(withRealHost("127.0.0.1:" + host.address().getPort(), "-p", "Windows Server 2022 Datacenter",
                    "--count", "2"));
            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("Windows Server 2022 Datacenter: activated\n")
                    .contains("host:         127.0.0.1:" + host.address().getPort(), "protocol:     6.0",
                            "ePID:         03612-", "HWID:", "count:        10 (N policy 5)",
                            "intervals:    activation 120 min, renewal 10080 min", "requests:     2, latency min");
        }
    }

    @Test
    void verboseShowsEveryFieldAndTheFixedOnes() throws Exception {
        try (TestHost host = TestHost.start()) {
            Run r = activate(withRealHost("127.0.0.1:" + host.address().getPort(), "-v", "-p", "Office Professional Plus 2010",
                    "--cmid", "12345678-1234-1234-1234-123456789abc", "--workstation", "ws01.example.test", "--vm",
                    "--license-status", "1", "--no-btfn", "--count", "2", "--new-connection"));
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("version 4.0, VMInfo 1, licence status 1",
                    "CMID 12345678-1234-1234-1234-123456789abc", "workstation ws01.example.test",
                    "CMID echo 12345678-1234-1234-1234-123456789abc", "V4 MAC", "BTFN none");
        }
    }

    @Test
    void explicitIdsAndAProtocolOverrideWork() throws Exception {
        try (TestHost host = TestHost.start("ndr64", "false")) {
            Run r = activate(withRealHost("127.0.0.1:" + host.address().getPort(), "--protocol", "5", "--app-id",
                    "55c92734-d682-4d71-983e-d6ec3f16059f", "--sku-id", "2de67392-b7a7-462a-b1ca-108dd189f588",
                    "--kms-id", "58e2134f-8e11-4d17-9cb2-91069c151148", "--count", "2"));
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("protocol:     5.0", "NDR64 not accepted");
        }
    }

    @Test
    void ipv6LiteralInBrackets() throws Exception {
        try (TestHost host = TestHost.start("listen", "[::1]:0")) {
            Run r = activate(withRealHost("[::1]:" + host.address().getPort()));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("host:         [::1]:" + host.address().getPort());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CLOSE_AT_ONCE      | 4 | host closed the connection while waiting for the answer to BIND",
        "STALL              | 4 | host stalled: no complete answer while waiting for the answer to BIND",
        "BIND_NAK           | 4 | host refused the bind (BIND_NAK, reason 2)",
        "FAULT              | 4 | host answered with an RPC FAULT: host answered with RPC fault 0x1C010002",
        "TRUNCATED_RESPONSE | 4 | host closed the connection while waiting for the response to call 2 after",
        "WRONG_CALL_ID      | 4 | call_id: expected 2, got 9",
        "WRONG_HMAC         | 5 | KMS response rejected: HMAC expected",
        "WRONG_CMID         | 5 | KMS response rejected: CMID expected",
        "BAD_EPID           | 5 | ePID format: expected PPPPP-GGGGG-KKK-KKKKKK-03-LLLL-BBBB.0000-DDDYYYY but was",
        "LOW_COUNT          | 7 | the host counts 3 clients, fewer than the N policy of 25: Windows would fail with "
                + "0xC004F038 SL_E_VL_NOT_ENOUGH_COUNT"})
    void aMisbehavingPeerFailsWithTheRightExitCodeAndNamesTheProblem(Behaviour behaviour, int exit, String message)
            throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(behaviour)) {
            Run r = activate(with(peer.host().toString()));
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(exit);
            assertThat(r.err()).contains(message).doesNotContain("Exception", "\tat ");
            assertThat(r.out()).doesNotContain("Exception", "\tat ");
        }
    }

    @ParameterizedTest(name = "0x{0}")
    @CsvSource({"C004F042, SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH", "C004F06C, SL_E_VL_INVALID_TIMESTAMP",
        "8007000D, HRESULT_FROM_WIN32(ERROR_INVALID_DATA)", "C004D104, SL_REMAPPING_SP_STATUS_INVALIDARG"})
    void aRefusalPrintsTheHresultWithItsNameAndMeaning(String hex, String name) throws Exception {
        int hresult = Integer.parseUnsignedInt(hex, 16);
        try (FakeKmsPeer peer = FakeKmsPeer.refusing(hresult)) {
            Run r = activate(with(peer.host().toString()));
            assertThat(r.code()).isEqualTo(6);
            assertThat(r.out()).contains("refused:      " + Hresult.describe(hresult));
            assertThat(r.err()).contains("activation refused: host refused the activation with 0x" + hex + " " + name
                    + ": " + Hresult.meaning(hresult));
        }
    }

    @Test
    void theOldLenientEpidFlagIsStillAcceptedAndAGroupMismatchIsAWarning() throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.WRONG_EPID_GROUP)) {
            Run r = activate(with(peer.host().toString(), "--lenient-epid"));
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("warning [epid-group]: ePID group: expected 00206 (CSVLK Windows) but was 00096");
        }
    }

    @Test
    void aHostThatClosesAfterEachResponseIsReconnectedToWithAWarning() throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.CLOSE_AFTER_RESPONSE)) {
            Run r = activate(with(peer.host().toString(), "--count", "3"));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("non-multitasked KMS emulator", "requests:     3");
            assertThat(peer.connections()).isEqualTo(3);
        }
    }

    @Test
    void anUnreachableHostAndAnUnknownProductHaveTheirOwnExitCodes() throws Exception {
        Run refused = activate(with("127.0.0.1:" + refusedPort()));
        assertThat(refused.code()).isEqualTo(3);
        assertThat(refused.out()).as("one host: one try unless --tries says otherwise").doesNotContain("try 1");
        assertThat(refused.err()).contains("host unreachable: cannot connect to 127.0.0.1:", "Connection refused");
        Run unknown = activate(with("127.0.0.1:1688", "-p", "Windows 95 Plus"));
        assertThat(unknown.code()).isEqualTo(ProductChoice.NO_MATCH);
        assertThat(unknown.err()).contains("no product matches 'Windows 95 Plus'");
        Run noName = activate(with("no-such-host.invalid:1688"));
        assertThat(noName.code()).isEqualTo(3);
        assertThat(noName.err()).contains("cannot resolve host name 'no-such-host.invalid'");
    }

    @Test
    void discoverReadsTheSrvRecordsAndReportsEveryTry(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (FakeKmsPeer stalls = FakeKmsPeer.start(Behaviour.STALL);
             FakeKmsPeer works = FakeKmsPeer.start(Behaviour.GOOD);
             TestDnsServer dns = new TestDnsServer(java.util.Map.of("_vlmcs._tcp.corp.example", List.of(
                     new SrvRecord(0, 10, stalls.host().port(), "127.0.0.1."),
                     new SrvRecord(5, 10, works.host().port(), "127.0.0.1."))))) {
            Function<Optional<HostAddress>, SrvResolver> dnsjava = server -> new DnsSrvResolver(server,
                    java.time.Duration.ofSeconds(2));
            Run r = activate(dnsjava, "--discover", "corp.example", "--dns-server", dns.address().toString(),
                    "--probe-timeout", "300ms");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Discovered (in the order tried):",
                    "127.0.0.1:" + stalls.host().port() + "  priority 0, weight 10",
                    "try 1: 127.0.0.1:" + stalls.host().port() + ": RPC/protocol error: host stalled",
                    "try 2: 127.0.0.1:" + works.host().port() + ": activated");
            Run none = activate(dnsjava, "--discover", "nothing.example", "--dns-server", dns.address().toString());
            assertThat(none.code()).isEqualTo(3);
            assertThat(none.err()).contains("_vlmcs._tcp.nothing.example has no SRV records");

            java.nio.file.Path file = dir.resolve("hosts.txt");
            java.nio.file.Files.writeString(file, "# our hosts\n127.0.0.1:" + refusedPort() + "\n"
                    + works.host() + "  # the good one\n");
            Run listed = activate("--hosts-file", file.toString(), "--tries", "2", "--json");
            assertThat(listed.code()).isZero();
            assertThat(new ObjectMapper().readTree(listed.out()).at("/products/0/attempts")).hasSizeBetween(1, 2);
        }
    }

    @Test
    void helpDocumentsTheExitCodes() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ActivateCommand());
        cl.usage(new PrintWriter(out));
        assertThat(out.toString()).contains("Exit codes").containsPattern("\\n +3 +host unreachable")
                .containsPattern("\\n +4 +RPC/protocol error").containsPattern("\\n +5 +verification failed")
                .containsPattern("\\n +6 +activation refused").containsPattern("\\n +7 +answered, but the count");
    }
}
