package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jkms.catalog.Catalog;
import io.jkms.client.FakeKmsPeer;
import io.jkms.client.FakeKmsPeer.Behaviour;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code jkms bench}, bounded in count and time, against the real host and against misbehaving peers. */
@Tag("network")
class BenchCommandTest {
    static final Catalog CATALOG = Catalog.loadDefault();

    record Run(int code, JsonNode json, String err) {
    }

    static Run bench(String host, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(host, "--json", "--warmup", "0s", "--timeout", "300ms"));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand(() -> CATALOG));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        return new Run(code, out.toString().isEmpty() ? null : new ObjectMapper().readTree(out.toString()),
                err.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"connection, blocking", "connection, nio", "keepalive, blocking", "keepalive, nio"})
    void drivesTheHostWithAProductMixAndVerifiesEveryAnswer(String mode, String io) throws Exception {
        try (TestHost host = TestHost.start()) {
            Run r = bench("127.0.0.1:" + host.address().getPort(), "--mode", mode, "--io", io, "--threads", "2",
                    "--per-connection", "10", "--concurrency", "4", "--requests", "120", "--duration", "60s",
                    "--verify", "all", "--clients", "50", "-p", "Windows 11 Pro", "-p", "Office Professional Plus 2010",
                    "-p", "Windows 8.1 Professional");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.json().get("activations").asLong()).isEqualTo(120);
            assertThat(r.json().get("verified").asLong()).isEqualTo(120);
            long connections = r.json().get("connections").asLong();
            if (mode.equals("connection")) {
                assertThat(connections).isEqualTo(120);
            } else {
                assertThat(connections).as("10 per connection, fewer where the shared budget ran out").isBetween(12L, 20L);
            }
            r.json().get("errors").forEach(e -> assertThat(e.asLong()).isZero());
            assertThat(r.json().get("latencyMicros").get("p99").asLong()).isPositive();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"REFUSE, kms_error, blocking", "REFUSE, kms_error, nio", "FAULT, fault, blocking",
        "WRONG_HMAC, verification, blocking", "WRONG_HMAC, verification, nio", "BIND_NAK, setup, nio",
        "CLOSE_AT_ONCE, closed, blocking", "STALL, timeout, blocking", "STALL, timeout, nio"})
    void countsErrorsByKind(Behaviour behaviour, String kind, String io) throws Exception {
        try (FakeKmsPeer peer = behaviour == Behaviour.REFUSE ? FakeKmsPeer.refusing(0xC004F042)
                : FakeKmsPeer.start(behaviour)) {
            Run r = bench(peer.host().toString(), "--io", io, "--concurrency", "2", "--requests", "6", "--duration",
                    "2s", "--verify", "all");
            assertThat(r.code()).as(r.err()).isEqualTo(3);
            assertThat(r.json().get("activations").asLong()).isZero();
            assertThat(r.json().get("errors").get(kind).asLong()).as(r.json().toString()).isPositive();
            assertThat(r.err()).contains("no activation succeeded").doesNotContain("Exception");
        }
    }
}
