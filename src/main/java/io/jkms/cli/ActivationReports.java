package io.jkms.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jkms.client.ActivationResult;
import io.jkms.client.Exchange;
import io.jkms.client.Finding;
import io.jkms.client.HostAttempt;
import io.jkms.client.SelectionReport;
import io.jkms.client.SrvRecord;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.Hresult;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsResponse;
import io.jkms.client.NegotiatedContexts;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Prints what {@code jkms activate} found: a summary, every field with {@code -v}, or JSON. */
final class ActivationReports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One product's run. */
    record Run(ActivationTarget target, SelectionReport report) {
    }

    private ActivationReports() {
    }

    static void text(PrintWriter out, List<Run> runs, HostList hosts, boolean verbose) {
        if (!hosts.discovered().isEmpty()) {
            out.println("Discovered (in the order tried):");
            for (SrvRecord r : hosts.discovered()) {
                out.printf("  %s  priority %d, weight %d%n", r.address(), r.priority(), r.weight());
            }
        }
        for (Run run : runs) {
            SelectionReport report = run.report();
            out.println(run.target().label() + ": " + report.outcome().description());
            run.target().notes().forEach(n -> out.println("  note: " + n));
            List<HostAttempt> attempts = report.attempts();
            if (attempts.size() > 1) {
                for (int i = 0; i < attempts.size(); i++) {
                    HostAttempt a = attempts.get(i);
                    out.printf("  try %d: %s: %s%n", i + 1, a.host(), a.outcome() == io.jkms.client.Outcome.ACTIVATED
                            ? "activated" : a.outcome().description() + ": " + a.detail());
                }
            }
            HostAttempt last = attempts.get(attempts.size() - 1);
            summary(out, last, verbose);
        }
    }

    private static void summary(PrintWriter out, HostAttempt a, boolean verbose) {
        out.println("  host:         " + a.host());
        a.contexts().ifPresent(c -> out.println("  RPC:          " + contexts(c)));
        a.findings().forEach(f -> out.println("  " + line(f)));
        if (a.outcome() != io.jkms.client.Outcome.ACTIVATED && a.exchanges().isEmpty()) {
            out.println("  error:        " + a.detail());
            return;
        }
        if (a.exchanges().isEmpty()) {
            return;
        }
        Exchange first = a.exchanges().get(0);
        KmsRequest q = first.request();
        out.println("  protocol:     " + q.version() + ", app " + q.appId() + ", SKU " + q.skuId() + ", KMS ID "
                + q.kmsId());
        first.result().response().ifPresent(r -> {
            out.println("  ePID:         " + r.epid());
            if (r.hwid().length() > 0) {
                out.println("  HWID:         " + r.hwid().hex().toUpperCase(java.util.Locale.ROOT));
            }
            out.println("  count:        " + r.clientCount() + " (N policy " + q.requiredClientCount() + ")");
            out.println("  intervals:    activation " + r.activationInterval() + " min, renewal "
                    + r.renewalInterval() + " min");
        });
        if (!first.result().activated()) {
            out.println("  refused:      " + Hresult.describe(first.result().hresult()));
        }
        out.println("  requests:     " + a.exchanges().size() + ", latency " + latencies(a.exchanges()));
        a.exchanges().stream().flatMap(e -> e.findings().stream()).distinct()
                .forEach(f -> out.println("  " + line(f)));
        for (int i = 0; verbose && i < a.exchanges().size(); i++) {
            exchange(out, i + 1, a.exchanges().get(i));
        }
        if (a.outcome() != io.jkms.client.Outcome.ACTIVATED && first.result().activated()) {
            out.println("  error:        " + a.detail());
        }
    }

    private static void exchange(PrintWriter out, int n, Exchange e) {
        KmsRequest q = e.request();
        ActivationResult result = e.result();
        out.printf("  request %d (%s, %.3f ms):%n", n, result.syntax(), result.latency().toNanos() / 1e6);
        out.println("    version " + q.version() + ", VMInfo " + q.vmInfo() + ", licence status " + q.licenseStatus()
                + ", binding expiration " + q.bindingExpiration() + " min");
        out.println("    app ID " + q.appId() + ", SKU ID " + q.skuId() + ", KMS ID " + q.kmsId());
        out.println("    CMID " + q.cmid() + ", previous CMID " + q.previousCmid());
        out.println("    N policy " + q.requiredClientCount() + ", client time " + FileTime.toInstant(q.clientTime())
                + " (FILETIME " + Long.toUnsignedString(q.clientTime()) + "), workstation " + q.workstationName());
        if (result.response().isEmpty()) {
            out.println("    answer: " + Hresult.describe(result.hresult()));
            return;
        }
        KmsResponse r = result.response().get();
        out.println("    answer: version " + r.version() + ", ePID " + r.epid() + ", HWID "
                + (r.hwid().length() == 0 ? "(none before V6)" : r.hwid().hex()));
        out.println("    CMID echo " + r.cmid() + ", time echo " + Long.toUnsignedString(r.clientTime()) + ", count "
                + r.clientCount() + ", activation interval " + r.activationInterval() + " min, renewal interval "
                + r.renewalInterval() + " min");
        out.println("    verified: RPC header, call ID, context, NDR sizes, version, "
                + switch (r.version()) {
                    case V4 -> "V4 MAC";
                    case V5 -> "V5 decryption, IV echo, salt hash";
                    case V6 -> "V6 decryption, salt hash, XoredIVs, HMAC";
                } + ", CMID and time echoes, ePID");
    }

    /** "warning [epid-group]: ePID group: expected …". */
    private static String line(Finding f) {
        return f.level().label() + " [" + f.name() + "]: " + f.message();
    }

    /** Every distinct warning of a product's run, on any try. */
    private static List<Finding> warnings(SelectionReport report) {
        return report.attempts().stream().flatMap(a -> java.util.stream.Stream.concat(a.findings().stream(),
                        a.exchanges().stream().flatMap(e -> e.findings().stream())))
                .filter(f -> f.level() == Finding.Level.WARNING).distinct().toList();
    }

    private static void findings(ArrayNode into, List<Finding> findings) {
        findings.forEach(f -> into.addObject().put("level", f.level().label()).put("name", f.name())
                .put("message", f.message()));
    }

    private static String latencies(List<Exchange> exchanges) {
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        for (Exchange e : exchanges) {
            double ms = e.result().latency().toNanos() / 1e6;
            min = Math.min(min, ms);
            max = Math.max(max, ms);
            sum += ms;
        }
        return exchanges.size() == 1 ? String.format("%.3f ms", sum)
                : String.format("min %.3f / avg %.3f / max %.3f ms", min, sum / exchanges.size(), max);
    }

    private static String contexts(NegotiatedContexts c) {
        return "NDR32 " + (c.ndr32Context().isPresent() ? "accepted" : "rejected") + ", NDR64 "
                + (c.ndr64Context().isPresent() ? "accepted" : "not accepted") + ", BTFN "
                + (c.btfnFeatures() == 0 ? "none" : String.format("0x%02X", c.btfnFeatures()));
    }

    static void json(PrintWriter out, List<Run> runs, HostList hosts, int exit) {
        ObjectNode root = JSON.createObjectNode();
        root.put("exitCode", exit);
        root.put("outcome", runs.stream().allMatch(r -> r.report().success().isPresent()) ? "activated" : "failed");
        if (!hosts.discovered().isEmpty()) {
            ArrayNode d = root.putArray("discovered");
            hosts.discovered().forEach(r -> d.addObject().put("host", r.target()).put("port", r.port())
                    .put("priority", r.priority()).put("weight", r.weight()));
        }
        ArrayNode products = root.putArray("products");
        for (Run run : runs) {
            ObjectNode p = products.addObject();
            p.put("product", run.target().label());
            p.put("outcome", run.report().outcome().name().toLowerCase(java.util.Locale.ROOT));
            p.put("exitCode", ActivateCommand.exitCode(run.report().outcome()));
            run.target().notes().forEach(p.withArray("notes")::add);
            findings(p.putArray("warnings"), warnings(run.report()));
            ArrayNode attempts = p.putArray("attempts");
            run.report().attempts().forEach(a -> attempt(attempts.addObject(), a));
        }
        print(out, root);
    }

    static void jsonNoHosts(PrintWriter out, String why, int exit) {
        ObjectNode root = JSON.createObjectNode();
        root.put("exitCode", exit).put("outcome", "unreachable").put("error", why);
        print(out, root);
    }

    private static void attempt(ObjectNode o, HostAttempt a) {
        o.put("host", a.host().toString());
        o.put("outcome", a.outcome().name().toLowerCase(java.util.Locale.ROOT));
        o.put("detail", a.detail());
        a.contexts().ifPresent(c -> o.putObject("rpc").put("ndr32", c.ndr32Context().isPresent())
                .put("ndr64", c.ndr64Context().isPresent()).put("btfnFeatures", c.btfnFeatures()));
        findings(o.putArray("findings"), a.findings());
        ArrayNode exchanges = o.putArray("requests");
        for (Exchange e : a.exchanges()) {
            ObjectNode x = exchanges.addObject();
            KmsRequest q = e.request();
            x.put("syntax", e.result().syntax().name()).put("latencyMs", e.result().latency().toNanos() / 1e6);
            x.putObject("request").put("version", q.version().toString()).put("appId", q.appId().toString())
                    .put("skuId", q.skuId().toString()).put("kmsId", q.kmsId().toString())
                    .put("cmid", q.cmid().toString()).put("previousCmid", q.previousCmid().toString())
                    .put("workstation", q.workstationName()).put("nPolicy", q.requiredClientCount())
                    .put("licenseStatus", q.licenseStatus()).put("vmInfo", q.vmInfo())
                    .put("bindingExpiration", q.bindingExpiration())
                    .put("clientTime", FileTime.toInstant(q.clientTime()).toString());
            x.put("hresult", Hresult.hex(e.result().hresult())).put("hresultName", Hresult.name(e.result().hresult()));
            Optional<KmsResponse> response = e.result().response();
            response.ifPresent(r -> x.putObject("response").put("version", r.version().toString())
                    .put("epid", r.epid()).put("hwid", r.hwid().hex()).put("cmid", r.cmid().toString())
                    .put("clientCount", r.clientCount()).put("activationInterval", r.activationInterval())
                    .put("renewalInterval", r.renewalInterval()));
            findings(x.putArray("warnings"), e.findings().stream().filter(f -> f.level() == Finding.Level.WARNING)
                    .toList());
        }
    }

    private static void print(PrintWriter out, ObjectNode root) {
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
