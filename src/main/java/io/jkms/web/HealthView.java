package io.jkms.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jkms.dns.DnsPublishStatus;
import io.jkms.registry.RegistryHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code /health} and {@code /api/health}: readiness, listeners, connections, registry, and the host's ePIDs. */
final class HealthView {
    private final HostStatus host;
    private final RegistryHealth registry;
    private final Supplier<ReadinessProbe.Result> readiness;
    private final Clock clock;

    HealthView(HostStatus host, RegistryHealth registry, Supplier<ReadinessProbe.Result> readiness, Clock clock) {
        this.host = host;
        this.registry = registry;
        this.readiness = readiness;
        this.clock = clock;
    }

    private String uptime() {
        Duration d = Duration.between(host.started(), clock.instant());
        return String.format(Locale.ROOT, "%dd %02dh %02dm %02ds", d.toDays(), d.toHoursPart(), d.toMinutesPart(),
                d.toSecondsPart());
    }

    /** {@code /api/health}: {@code dns} only when publishing is on; {@code publicName} null when not set. */
    record HealthJson(String status, Readiness readiness, List<String> kmsListeners, String publicName,
                      int openConnections, long uptimeSeconds, RegistryJson registry,
                      @JsonInclude(JsonInclude.Include.NON_NULL) DnsJson dns, int hostBuild, int lcid,
                      boolean ndr64, List<EpidJson> epids) {
    }

    record Readiness(boolean ready, String detail, String at) {
    }

    record RegistryJson(String kind, long queueDepth, long queueCapacity, double lagSeconds, long dropped,
                        long stored, long flushes, long writeFailures, long writerRestarts,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {
    }

    record DnsJson(boolean published, long failures, @JsonInclude(JsonInclude.Include.NON_NULL) String record,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String publishedAt,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {
    }

    record EpidJson(String csvlk, String epid, String source) {
    }

    /** The page: one reading of readiness, the registry and DNS, as the JSON API gives it, and the uptime. */
    record HealthPage(HealthJson health, String readyAt, Optional<String> registryProblem, String uptime,
                      String buildName) implements Pages.Page {
        @Override
        public String title() {
            return "Health";
        }

        @Override
        public String nav() {
            return "/health";
        }

        @Override
        public String template() {
            return "health.jte";
        }
    }

    private HealthJson health() {
        ReadinessProbe.Result ready = readiness.get();
        // Read once: the status and the reason it gives must be the same reading.
        Optional<String> problem = registry.problem();
        DnsPublishStatus dns = host.dns().get();
        return new HealthJson(ready.ready() && problem.isEmpty() && dns.problem().isEmpty() ? "ok" : "degraded",
                new Readiness(ready.ready(), ready.detail(), ready.at().toString()),
                host.kmsAddresses().stream().map(ReadinessProbe::hostPort).toList(),
                host.publicName().map(Object::toString).orElse(null), host.openConnections().getAsInt(),
                Duration.between(host.started(), clock.instant()).toSeconds(),
                new RegistryJson(registry.kind(), registry.queueDepth(), registry.queueCapacity(),
                        registry.lag().toMillis() / 1000.0, registry.dropped(), registry.stored(), registry.flushes(),
                        registry.writeFailures(), registry.writerRestarts(), problem.orElse(null)),
                dns.enabled() ? new DnsJson(dns.published(), dns.failures(), dns.record().orElse(null),
                        dns.publishedAt().map(Object::toString).orElse(null), dns.problem().orElse(null)) : null,
                host.identity().build().build(), host.identity().lcid(), host.identity().ndr64(),
                host.identity().all().stream().map(c -> new EpidJson(c.csvlk().id(), c.epid(), c.source())).toList());
    }

    String json() {
        return Views.write(health());
    }

    HealthPage page() {
        HealthJson h = health();
        return new HealthPage(h, Views.time(java.time.Instant.parse(h.readiness().at())), Optional.ofNullable(h.registry().problem()),
                uptime(), host.identity().build().name());
    }
}
