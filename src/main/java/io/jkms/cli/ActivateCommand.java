package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.client.ClientOptions;
import io.jkms.client.HostAddress;
import io.jkms.client.HostSelector;
import io.jkms.client.DnsSrvResolver;
import io.jkms.client.Outcome;
import io.jkms.client.SelectionReport;
import io.jkms.client.SrvResolver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jkms activate}: one real, fully verified activation request (or several) against a KMS host. */
@Command(name = "activate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send real KMS activation requests and verify every answer as Windows does. Failures are what "
                + "Windows rejects (RPC headers, call IDs, contexts, NDR sizes, version, V4 MAC, V5/V6 decryption, "
                + "hashes, V6 HMAC, CMID and time echoes, ePID format, count against the N policy). Warnings, named, "
                + "are what Windows accepts but a genuine host would not send (epid-group, epid-key-range, hwid, "
                + "v6-iv); --strict makes them failures. Notes say the rest.",
            "With several hosts (--hosts, --hosts-file, --discover) each try probes a host (TCP connect and RPC "
                    + "bind within --probe-timeout) and activates; the report says what happened on every try."},
        exitCodeListHeading = "%nExit codes (with several products or tries: the furthest any try got):%n",
        exitCodeList = {"0:activated (every product)", "2:invalid options",
            "3:host unreachable (connect refused/timed out, unknown name, DNS lookup failed)",
            "4:RPC/protocol error (closed, stalled, BIND_NAK, FAULT, malformed PDU)",
            "5:verification failed (an answer Windows would reject; names field, expected and received)",
            "6:activation refused (the host answered with an HRESULT, e.g. 0xC004F042)",
            "7:answered, but the count is below the product's N policy (Windows: 0xC004F038)",
            ProductChoice.EXIT_NO_MATCH, ProductChoice.EXIT_AMBIGUOUS,
            ProductChoice.EXIT_NOT_ACTIVATABLE + "; a catalog product marked so is still asked for)"})
public final class ActivateCommand implements Callable<Integer> {
    static final int EXIT_USAGE = 2;
    static final int DEFAULT_TRIES = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "HOST[:PORT]", description = "the KMS host; port 1688 by default; "
            + "IPv6 as [::1]:1688")
    String host;

    @Option(names = "--hosts", split = ",", paramLabel = "H[:P]", description = "hosts to try in random order")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--hosts-file", paramLabel = "FILE", description = "hosts to try in random order, one a line "
            + "(# comments)")
    Path hostsFile;

    @Option(names = "--discover", paramLabel = "DOMAIN", description = "find hosts in the _vlmcs._tcp.DOMAIN SRV "
            + "records; priority and weight decide the order")
    String discover;

    @Option(names = "--dns-server", paramLabel = "HOST[:PORT]", description = "DNS server for --discover "
            + "(default: the system's)")
    String dnsServer;

    @Option(names = "--tries", description = "tries per product, going round the hosts (default: 3 with "
            + "several hosts, 1 with one)")
    Integer tries;

    @CommandLine.Mixin
    RequestOptions request = new RequestOptions();

    @Option(names = "--ndr64", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "offer NDR64 in the bind; later requests on a connection use it (default: on)")
    boolean ndr64;

    @Option(names = "--btfn", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "offer bind-time feature negotiation (default: on)")
    boolean btfn;

    @Option(names = "--count", defaultValue = "1", description = "requests per try, on one connection unless "
            + "--new-connection (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--new-connection", description = "a new TCP connection for each request")
    boolean newConnection;

    @Option(names = "--timeout", defaultValue = "5s", converter = io.jkms.config.DurationConverter.Seconds.class,
            description = "longest wait for an answer (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--probe-timeout", defaultValue = "2s", converter = io.jkms.config.DurationConverter.Seconds.class,
            description = "longest TCP connect + RPC bind per try (default: ${DEFAULT-VALUE})")
    Duration probeTimeout;

    @Option(names = "--strict", description = "treat warnings (what Windows accepts but a genuine host would not "
            + "send: an ePID group or key range not matching the product, an odd HWID, a V6 answer under the request's "
            + "IV) as failures: exit 5")
    boolean strict;

    /** Kept so that older scripts still run: a group mismatch is now a warning without it. */
    @Option(names = "--lenient-epid", hidden = true)
    boolean lenientEpid;

    @Option(names = {"-v", "--verbose"}, description = "print every field of every request and answer")
    boolean verbose;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    private final Supplier<Catalog> catalog;
    private final Function<Optional<HostAddress>, SrvResolver> resolvers;
    private final RandomGenerator random;
    private final Clock clock;

    public ActivateCommand() {
        this(Catalog::loadDefault, server -> new DnsSrvResolver(server, Duration.ofSeconds(3)), new SecureRandom(),
                Clock.systemUTC());
    }

    ActivateCommand(Supplier<Catalog> catalog, Function<Optional<HostAddress>, SrvResolver> resolvers,
                    RandomGenerator random, Clock clock) {
        this.catalog = catalog;
        this.resolvers = resolvers;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ActivationTarget> targets;
        HostList hostList;
        try {
            if (count < 1 || (tries != null && tries < 1)) {
                throw new UsageException("--count and --tries must be at least 1");
            }
            targets = request.targets(catalog.get(), count, newConnection, strict);
            hostList = HostList.from(host, hosts, hostsFile, discover, dnsServer, resolvers, random);
        } catch (UsageException e) {
            err.println("jkms activate: " + e.getMessage());
            return e.exitCode();
        }
        if (hostList.failure().isPresent()) {
            return noHosts(out, err, hostList.failure().get());
        }
        ClientOptions options = new ClientOptions(ndr64, btfn, timeout);
        int triesPerProduct = tries != null ? tries : hostList.hosts().size() > 1 ? DEFAULT_TRIES : 1;
        HostSelector selector = new HostSelector(options, probeTimeout, triesPerProduct, random, clock);
        List<ActivationReports.Run> runs = new ArrayList<>();
        for (ActivationTarget target : targets) {
            SelectionReport report = selector.activate(hostList.hosts(), hostList.shuffle(), target.plan());
            runs.add(new ActivationReports.Run(target, report));
        }
        int exit = runs.stream().mapToInt(r -> exitCode(r.report().outcome())).max().orElse(0);
        if (json) {
            ActivationReports.json(out, runs, hostList, exit);
        } else {
            ActivationReports.text(out, runs, hostList, verbose);
            runs.stream().filter(r -> r.report().outcome() != Outcome.ACTIVATED).forEach(r -> err.println(
                    "jkms activate: " + r.target().label() + ": " + r.report().outcome().description() + ": "
                            + r.report().attempts().get(r.report().attempts().size() - 1).detail()));
        }
        out.flush();
        return exit;
    }

    private int noHosts(PrintWriter out, PrintWriter err, String why) {
        int exit = exitCode(Outcome.UNREACHABLE);
        if (json) {
            ActivationReports.jsonNoHosts(out, why, exit);
        } else {
            err.println("jkms activate: " + Outcome.UNREACHABLE.description() + ": " + why);
        }
        out.flush();
        return exit;
    }

    static int exitCode(Outcome outcome) {
        return switch (outcome) {
            case ACTIVATED -> 0;
            case UNREACHABLE -> 3;
            case RPC -> 4;
            case VERIFICATION -> 5;
            case REFUSED -> 6;
            case NOT_ENOUGH_CLIENTS -> 7;
        };
    }

    /** Bad options (exit code 2) or a product that cannot be chosen (its {@link ProductChoice} code). */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        UsageException(String message) {
            this(EXIT_USAGE, message);
        }

        UsageException(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    static UUID uuid(String text, String option) throws UsageException {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": '" + text + "' is not a GUID");
        }
    }
}
