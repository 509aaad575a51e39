package io.jkms.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jkms.dns.DnsPublishStatus;
import io.jkms.activation.CsvlkIdentity;
import io.jkms.registry.RegistryHealth;
import java.time.Clock;
import java.time.Duration;
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

    String json() {
        ReadinessProbe.Result ready = readiness.get();
        // Read once: the status and the reason it gives must be the same reading.
        Optional<String> problem = registry.problem();
        DnsPublishStatus dns = host.dns().get();
        ObjectNode n = Views.JSON.createObjectNode();
        n.put("status", ready.ready() && problem.isEmpty() && dns.problem().isEmpty() ? "ok" : "degraded");
        n.putObject("readiness").put("ready", ready.ready()).put("detail", ready.detail())
                .put("at", ready.at().toString());
        ArrayNode listen = n.putArray("kmsListeners");
        host.kmsAddresses().forEach(a -> listen.add(ReadinessProbe.hostPort(a)));
        if (host.publicName().isPresent()) {
            n.put("publicName", host.publicName().get().toString());
        } else {
            n.putNull("publicName");
        }
        n.put("openConnections", host.openConnections().getAsInt());
        n.put("uptimeSeconds", Duration.between(host.started(), clock.instant()).toSeconds());
        ObjectNode reg = n.putObject("registry");
        reg.put("kind", registry.kind()).put("queueDepth", registry.queueDepth())
                .put("queueCapacity", registry.queueCapacity()).put("lagSeconds", registry.lag().toMillis() / 1000.0)
                .put("dropped", registry.dropped()).put("stored", registry.stored()).put("flushes", registry.flushes())
                .put("writeFailures", registry.writeFailures()).put("writerRestarts", registry.writerRestarts());
        problem.ifPresent(p -> reg.put("problem", p));
        if (dns.enabled()) {
            ObjectNode d = n.putObject("dns");
            d.put("published", dns.published()).put("failures", dns.failures());
            dns.record().ifPresent(r -> d.put("record", r));
            dns.publishedAt().ifPresent(t -> d.put("publishedAt", t.toString()));
            dns.problem().ifPresent(p -> d.put("problem", p));
        }
        n.put("hostBuild", host.identity().build().build()).put("lcid", host.identity().lcid())
                .put("ndr64", host.identity().ndr64());
        ArrayNode epids = n.putArray("epids");
        for (CsvlkIdentity c : host.identity().all()) {
            epids.addObject().put("csvlk", c.csvlk().id()).put("epid", c.epid()).put("source", c.source());
        }
        return Views.write(n);
    }

    private static String dnsHtml(DnsPublishStatus dns) {
        if (!dns.enabled()) {
            return "";
        }
        return "</dd><dt>DNS record</dt><dd>" + (dns.published() ? "published" : "not published")
                + dns.record().map(r -> " <code>" + Html.esc(r) + "</code>").orElse("")
                + dns.problem().map(p -> " <span class=\"bad\">" + Html.esc(p) + "</span>").orElse("");
    }

    String html() {
        ReadinessProbe.Result ready = readiness.get();
        StringBuilder b = new StringBuilder(4096);
        b.append("<h1>Health</h1><dl class=\"facts\" id=\"health\"><dt>Ready</dt><dd class=\"")
                .append(ready.ready() ? "ok\">yes" : "bad\">no").append(" <span class=\"muted\">")
                .append(Html.esc(ready.detail())).append(" (").append(Views.time(ready.at())).append(")</span></dd>")
                .append("<dt>KMS listeners</dt><dd>");
        host.kmsAddresses().forEach(a -> b.append("<code>").append(Html.esc(ReadinessProbe.hostPort(a)))
                .append("</code> "));
        b.append("</dd><dt>Public name</dt><dd id=\"public-name\">").append(host.publicName()
                .map(p -> "<code>" + Html.esc(p.toString()) + "</code>")
                .orElse("<span class=\"muted\">not set: the dashboard offers no scripts (--public-name)</span>"))
                .append("</dd><dt>Open connections</dt><dd>").append(host.openConnections().getAsInt())
                .append("</dd><dt>Uptime</dt><dd>").append(uptime()).append("</dd><dt>Registry</dt><dd>")
                .append(Html.esc(registry.kind())).append(", ").append(registry.queueDepth()).append(" queued, ")
                .append(registry.dropped()).append(" dropped, oldest waiting ")
                .append(registry.lag().toMillis() / 1000.0).append(" s")
                .append(registry.problem().map(p -> " <span class=\"bad\">" + Html.esc(p) + "</span>").orElse(""))
                .append(dnsHtml(host.dns().get()))
                .append("</dd><dt>Host build</dt><dd>").append(host.identity().build().build()).append(" (")
                .append(Html.esc(host.identity().build().name())).append("), LCID ").append(host.identity().lcid())
                .append(", NDR64 ").append(host.identity().ndr64() ? "on" : "off").append("</dd></dl>")
                .append("<h2>ePIDs</h2><table id=\"epids\"><thead><tr><th>CSVLK</th><th>ePID</th><th>Source</th>")
                .append("</tr></thead><tbody>");
        for (CsvlkIdentity c : host.identity().all()) {
            b.append("<tr><td>").append(Html.esc(c.csvlk().id())).append("</td><td><code>").append(Html.esc(c.epid()))
                    .append("</code></td><td>").append(Html.esc(c.source())).append("</td></tr>");
        }
        b.append("</tbody></table><p><a href=\"/api/health\">JSON</a> · <a href=\"/healthz\">/healthz</a> · ")
                .append("<a href=\"/readyz\">/readyz</a> · <a href=\"/metrics\">/metrics</a></p>");
        return Html.page("Health", "/health", b.toString());
    }
}
