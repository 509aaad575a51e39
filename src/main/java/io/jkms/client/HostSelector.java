package io.jkms.client;

import io.jkms.protocol.Hresult;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Finds a host that activates a product: tries the hosts in the order given (or shuffled), probing each with a
 * TCP connect and an RPC bind within the probe timeout, then activating on that connection. Stops at the first
 * try that activates, or after {@code tries} tries (going round the list again when it is shorter).
 */
public final class HostSelector {
    private final ClientOptions options;
    private final Duration probeTimeout;
    private final int tries;
    private final RandomGenerator random;
    private final Clock clock;

    /**
     * @param options      RPC options; their timeout bounds each wait for an answer once a host is bound
     * @param probeTimeout bounds the TCP connect and the bind of each try
     * @param tries        tries in all, at least 1
     */
    public HostSelector(ClientOptions options, Duration probeTimeout, int tries, RandomGenerator random, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be positive: " + tries);
        }
        this.tries = tries;
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Tries the hosts, shuffled first when asked (a host list), in the given order otherwise (DNS SRV order). */
    public SelectionReport activate(List<HostAddress> hosts, boolean shuffle, ActivationPlan plan) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no hosts to try");
        }
        List<HostAddress> order = new ArrayList<>(hosts);
        if (shuffle) {
            shuffle(order);
        }
        List<HostAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            HostAttempt attempt = attempt(order.get(i % order.size()), plan);
            attempts.add(attempt);
            if (attempt.outcome() == Outcome.ACTIVATED) {
                break;
            }
        }
        return new SelectionReport(attempts);
    }

    private void shuffle(List<HostAddress> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    /** One try: connect and bind within the probe timeout, then {@code count} verified activations. */
    public HostAttempt attempt(HostAddress host, ActivationPlan plan) {
        List<Exchange> exchanges = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Optional<NegotiatedContexts> contexts = Optional.empty();
        KmsClient client = null;
        try {
            client = connect(host);
            contexts = Optional.of(client.contexts());
            for (int i = 0; i < plan.count(); i++) {
                if (plan.newConnection() && i > 0) {
                    client.close();
                    client = connect(host);
                }
                KmsRequest request = plan.template().next(random, clock);
                ActivationResult result;
                try {
                    result = client.activate(request);
                } catch (ClientException e) {
                    if (i == 0 || !client.closedByHost()) {
                        throw e;
                    }
                    addOnce(findings, Finding.note("closes-after-response", "the host closed the RPC connection "
                            + "after a response (probably a non-multitasked KMS emulator such as py-kms); reconnecting "
                            + "for each request"));
                    client.close();
                    client = connect(host);
                    result = client.activate(request);
                }
                Optional<HostAttempt> stop = check(host, plan, request, result, exchanges, contexts, findings);
                if (stop.isPresent()) {
                    return stop.get();
                }
            }
            return new HostAttempt(host, Outcome.ACTIVATED, "activated", contexts, exchanges, findings);
        } catch (ClientException e) {
            return new HostAttempt(host, Outcome.of(e.kind()), e.getMessage(), contexts, exchanges, findings);
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private Optional<HostAttempt> check(HostAddress host, ActivationPlan plan, KmsRequest request,
                                        ActivationResult result, List<Exchange> exchanges,
                                        Optional<NegotiatedContexts> contexts, List<Finding> findings)
            throws ClientException {
        if (!result.activated()) {
            exchanges.add(new Exchange(request, result, List.of()));
            return Optional.of(new HostAttempt(host, Outcome.REFUSED, "host refused the activation with "
                    + Hresult.describe(result.hresult()), contexts, exchanges, findings));
        }
        KmsResponse response = result.response().orElseThrow();
        List<Finding> answer = new ArrayList<>(result.findings());
        try {
            answer.addAll(EpidCheck.check(response.epid(), plan.expectedCsvlk()));
        } catch (ClientException e) {
            exchanges.add(new Exchange(request, result, answer));
            throw e;
        }
        hwidChange(exchanges, response).ifPresent(answer::add);
        exchanges.add(new Exchange(request, result, answer));
        Optional<Finding> warning = answer.stream().filter(f -> f.level() == Finding.Level.WARNING).findFirst();
        if (plan.strict() && warning.isPresent()) {
            throw new ClientException(ClientException.Kind.VERIFICATION, "[" + warning.get().name() + "] "
                    + warning.get().message() + " (a warning, made a failure by --strict)");
        }
        if (response.clientCount() < request.requiredClientCount()) {
            return Optional.of(new HostAttempt(host, Outcome.NOT_ENOUGH_CLIENTS, "the host counts "
                    + response.clientCount() + " clients, fewer than the N policy of " + request.requiredClientCount()
                    + ": Windows would fail with " + Hresult.describe(Hresult.NOT_ENOUGH_COUNT), contexts, exchanges,
                    findings));
        }
        return Optional.empty();
    }

    /** A genuine host answers with one HWID; one that changes between answers of a try is an oddity. */
    private static Optional<Finding> hwidChange(List<Exchange> earlier, KmsResponse response) {
        return earlier.stream().flatMap(e -> e.result().response().stream()).map(KmsResponse::hwid)
                .filter(h -> h.length() > 0 && !h.equals(response.hwid())).findFirst()
                .map(h -> Finding.warning("hwid", "the HWID changed between answers: " + h.hex() + " then "
                        + response.hwid().hex()));
    }

    private KmsClient connect(HostAddress host) throws ClientException {
        KmsClient client = KmsClient.connect(host.unresolved(), options.withTimeout(probeTimeout), random);
        try {
            client.setTimeout(options.timeout());
        } catch (ClientException e) {
            client.close();
            throw e;
        }
        return client;
    }

    private static void addOnce(List<Finding> list, Finding value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
