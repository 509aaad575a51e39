package io.jkms.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jkms.catalog.Catalog;
import io.jkms.client.ActivationPlan;
import io.jkms.client.HostAddress;
import io.jkms.client.LoadError;
import io.jkms.client.LoadGenerator;
import io.jkms.client.LoadReport;
import io.jkms.client.LoadSettings;
import io.jkms.client.RequestPool;
import io.jkms.client.RequestTemplate;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jkms bench}: a load generator on the client's codecs, cheap enough to measure the host, not itself. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load-test a KMS host: many concurrent activations with distinct CMIDs and workstation names "
                + "(encoded once, then replayed), one per TCP connection (as Windows does) or many on one.",
            "Every answer gets a cheap check (PDU type, length, HRESULT); --verify says how many also get the full "
                    + "client verification. Reports activations/s, latency percentiles and errors by kind."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run completed without errors", "1:the run completed with errors",
            "2:invalid options", "3:no activation succeeded"})
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "HOST[:PORT]", description = "the host under test")
    String host;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "64", description = "connections in flight "
            + "(default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = {"-d", "--duration"}, defaultValue = "10s", converter = io.jkms.config.DurationConverter.Seconds.class,
            description = "measured time; at most this long also with --requests (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = {"-n", "--requests"}, defaultValue = "0", description = "stop after this many measured "
            + "activations (default: no limit)")
    long requests;

    @Option(names = "--mode", defaultValue = "connection", description = "connection: one activation per TCP "
            + "connection; keepalive: --per-connection activations on one (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--per-connection", defaultValue = "100", description = "activations per connection in "
            + "keepalive mode (default: ${DEFAULT-VALUE})")
    int perConnection;

    @Option(names = "--warmup", defaultValue = "1s", converter = io.jkms.config.DurationConverter.Seconds.class,
            description = "unmeasured run first (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = {"-p", "--product"}, paramLabel = "X", description = "product mix, repeatable, used in turn "
            + "(default: " + RequestOptions.DEFAULT_PRODUCT + ")")
    List<String> products = new ArrayList<>();

    @Option(names = "--clients", defaultValue = "4096", description = "distinct clients (CMID + workstation) "
            + "encoded up front and replayed (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--verify", defaultValue = "sample", description = "full verification of all answers, one "
            + "in " + LoadSettings.SAMPLE_EVERY + " (sample) or none (default: ${DEFAULT-VALUE})")
    String verify;

    @Option(names = "--io", defaultValue = "blocking", description = "blocking: a thread per connection, as "
            + "kmsload; nio: --threads selector threads multiplex the connections (default: ${DEFAULT-VALUE})")
    String io;

    @Option(names = "--threads", defaultValue = "1", description = "selector threads with --io nio "
            + "(default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--timeout", defaultValue = "5s", converter = io.jkms.config.DurationConverter.Seconds.class,
            description = "longest wait for a connect or an answer (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    private final Supplier<Catalog> catalog;

    public BenchCommand() {
        this(Catalog::loadDefault);
    }

    BenchCommand(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        LoadSettings settings;
        RequestPool pool;
        try {
            settings = settings();
            pool = RequestPool.build(mix(), clients, new SecureRandom(), Clock.systemUTC());
        } catch (ActivateCommand.UsageException | IllegalArgumentException e) {
            err.println("jkms bench: " + e.getMessage());
            return ActivateCommand.EXIT_USAGE;
        }
        LoadReport report = new LoadGenerator(settings, pool, BenchCommand::processCpuNanos).run();
        print(spec.commandLine().getOut(), report, settings);
        if (report.activations() == 0) {
            err.println("jkms bench: no activation succeeded" + (report.errors().isEmpty() ? ""
                    : ": " + report.errors()));
            return 3;
        }
        return report.errorCount() == 0 ? 0 : 1;
    }

    private LoadSettings settings() throws ActivateCommand.UsageException {
        HostAddress address;
        try {
            address = HostAddress.parse(host);
        } catch (IllegalArgumentException e) {
            throw new ActivateCommand.UsageException(e.getMessage());
        }
        InetSocketAddress target = new InetSocketAddress(address.host(), address.port());
        if (target.isUnresolved()) {
            throw new ActivateCommand.UsageException("cannot resolve host name '" + address.host() + "'");
        }
        int per = switch (mode.toLowerCase(Locale.ROOT)) {
            case "connection" -> 1;
            case "keepalive" -> perConnection;
            default -> throw new ActivateCommand.UsageException("--mode must be connection or keepalive");
        };
        LoadSettings.Verify v;
        try {
            v = LoadSettings.Verify.valueOf(verify.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ActivateCommand.UsageException("--verify must be all, sample or none");
        }
        Duration limit = requests > 0 && !spec.commandLine().getParseResult().hasMatchedOption("--duration")
                ? Duration.ofMinutes(10) : duration;
        LoadSettings.Io ioMode = switch (io.toLowerCase(Locale.ROOT)) {
            case "blocking" -> LoadSettings.Io.BLOCKING;
            case "nio" -> LoadSettings.Io.NIO;
            default -> throw new ActivateCommand.UsageException("--io must be blocking or nio");
        };
        return new LoadSettings(target, concurrency, Math.min(threads, Math.max(1, concurrency)), per, limit,
                requests, warmup, v, timeout, ioMode);
    }

    private List<RequestTemplate> mix() throws ActivateCommand.UsageException {
        RequestOptions options = new RequestOptions();
        options.products = products.isEmpty() ? List.of(RequestOptions.DEFAULT_PRODUCT) : products;
        List<RequestTemplate> mix = new ArrayList<>();
        for (ActivationTarget t : options.targets(catalog.get(), 1, false, false)) {
            ActivationPlan plan = t.plan();
            mix.add(plan.template());
        }
        return mix;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private void print(PrintWriter out, LoadReport r, LoadSettings s) throws Exception {
        String modeText = s.perConnection() == 1 ? "connection" : "keepalive";
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("host", host).put("mode", modeText).put("perConnection", s.perConnection())
                    .put("concurrency", s.concurrency()).put("io", s.io().name().toLowerCase(Locale.ROOT))
                    .put("threads", s.io() == LoadSettings.Io.BLOCKING ? s.concurrency() : s.threads())
                    .put("seconds", r.elapsed().toNanos() / 1e9).put("activations", r.activations())
                    .put("activationsPerSecond", Math.round(r.activationsPerSecond()))
                    .put("connections", r.connections()).put("verified", r.verified());
            o.putObject("latencyMicros").put("p50", r.percentile(50)).put("p90", r.percentile(90))
                    .put("p99", r.percentile(99)).put("max", r.max());
            ObjectNode errors = o.putObject("errors");
            for (LoadError e : LoadError.values()) {
                errors.put(e.name().toLowerCase(Locale.ROOT), r.errors().getOrDefault(e, 0L));
            }
            o.put("clientCpuMicrosPerActivation", Math.round(r.cpuMicrosPerActivation() * 10) / 10.0);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "%s, mode %s%s, concurrency %d, %s, %.2f s measured%n", host,
                    modeText, s.perConnection() == 1 ? "" : " (" + s.perConnection() + " per connection)",
                    s.concurrency(), s.io() == LoadSettings.Io.BLOCKING ? "blocking I/O" : "NIO on " + s.threads()
                            + " thread(s)", r.elapsed().toNanos() / 1e9);
            out.printf(Locale.ROOT, "activations:  %d (%.0f/s), %d connections, %d fully verified%n",
                    r.activations(), r.activationsPerSecond(), r.connections(), r.verified());
            out.printf(Locale.ROOT, "latency (µs): p50 %d, p90 %d, p99 %d, max %d%n", r.percentile(50),
                    r.percentile(90), r.percentile(99), r.max());
            out.println("errors:       " + (r.errors().isEmpty() ? "none" : r.errors().entrySet().stream()
                    .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", "))));
            if (r.cpuMicrosPerActivation() >= 0) {
                out.printf(Locale.ROOT, "client CPU:   %.1f µs per activation%n", r.cpuMicrosPerActivation());
            }
        }
        out.flush();
    }
}
