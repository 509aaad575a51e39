package io.jkms.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jkms.protocol.Hresult;
import io.jkms.registry.ActivationRecord;
import io.jkms.registry.RegistryReader;
import io.jkms.registry.RegistryReader.RegistryStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code /} and {@code /api/overview}: activations today, 7 and 30 days, clients by family, chart, errors, latest. */
final class OverviewView {
    static final int DAYS = 30;
    static final int LATEST = 15;

    private final RegistryReader registry;
    private final Views views;
    private final Clock clock;

    OverviewView(RegistryReader registry, Views views, Clock clock) {
        this.registry = registry;
        this.views = views;
        this.clock = clock;
    }

    /** Everything the page shows, computed once per request. */
    record Overview(long today, long week, long month, long refusals, List<SvgChart.Bar> perDay,
                    Map<String, Long> clientsByFamily, Map<Integer, Long> errors, List<ActivationRecord> latest) {
    }

    Overview compute() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1L);
        RegistryStats stats = registry.stats(first.atStartOfDay(ZoneOffset.UTC).toInstant());
        List<SvgChart.Bar> perDay = new ArrayList<>();
        long week = 0;
        long month = 0;
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = first.plusDays(i);
            long n = stats.perDay().getOrDefault(day.toString(), 0L);
            perDay.add(new SvgChart.Bar(day.toString(), n));
            month += n;
            week += i >= DAYS - 7 ? n : 0;
        }
        Map<String, Long> byFamily = new TreeMap<>();
        stats.clientsByKmsId().forEach((kmsId, n) -> byFamily.merge(views.family(kmsId), n, Long::sum));
        long refusals = stats.byHresult().values().stream().mapToLong(Long::longValue).sum();
        List<ActivationRecord> latest = registry.activations(now.minus(Duration.ofDays(DAYS)),
                now.plusSeconds(1), LATEST);
        return new Overview(perDay.get(DAYS - 1).value(), week, month, refusals, perDay, byFamily,
                new TreeMap<>(stats.byHresult()), latest);
    }

    String json() {
        Overview o = compute();
        ObjectNode n = Views.JSON.createObjectNode();
        n.put("today", o.today()).put("last7Days", o.week()).put("last30Days", o.month())
                .put("refusals30Days", o.refusals());
        ObjectNode families = n.putObject("clientsByFamily");
        o.clientsByFamily().forEach(families::put);
        ArrayNode days = n.putArray("perDay");
        o.perDay().forEach(b -> days.addObject().put("date", b.label()).put("activations", b.value()));
        ArrayNode errors = n.putArray("errors");
        o.errors().forEach((h, c) -> errors.addObject().put("hresult", Hresult.hex(h)).put("name", Hresult.name(h))
                .put("meaning", Hresult.meaning(h)).put("count", c));
        ArrayNode latest = n.putArray("latest");
        o.latest().forEach(r -> latest.add(views.json(r)));
        return Views.write(n);
    }

    String html() {
        Overview o = compute();
        StringBuilder b = new StringBuilder(8192);
        b.append("<h1>Overview</h1><section class=\"cards\">")
                .append(card("Today", o.today())).append(card("Last 7 days", o.week()))
                .append(card("Last 30 days", o.month())).append(card("Refused (30 days)", o.refusals()))
                .append("</section><section><h2>Activations per day (UTC, last 30 days)</h2>")
                .append(SvgChart.bars(o.perDay(), "Successful activations per day")).append("</section>")
                .append("<div class=\"columns\"><section><h2>Clients by product family</h2>");
        if (o.clientsByFamily().isEmpty()) {
            b.append("<p class=\"muted\">No clients yet.</p>");
        } else {
            b.append("<table id=\"families\"><thead><tr><th>Family</th><th>Clients</th></tr></thead><tbody>");
            o.clientsByFamily().forEach((f, n) -> b.append("<tr><td>").append(Html.esc(f)).append("</td><td>")
                    .append(n).append("</td></tr>"));
            b.append("</tbody></table>");
        }
        b.append("</section><section><h2>Errors by kind</h2>");
        if (o.errors().isEmpty()) {
            b.append("<p class=\"muted\">No refusals in 30 days.</p>");
        } else {
            b.append("<table id=\"errors\"><thead><tr><th>HRESULT</th><th>Meaning</th><th>Count</th></tr></thead>")
                    .append("<tbody>");
            o.errors().forEach((h, n) -> b.append("<tr><td><code>").append(Hresult.hex(h)).append("</code> ")
                    .append(Html.esc(Hresult.name(h))).append("</td><td>").append(Html.esc(Hresult.meaning(h)))
                    .append("</td><td>").append(n).append("</td></tr>"));
            b.append("</tbody></table>");
        }
        b.append("</section></div><section><h2>Latest activations</h2>");
        if (o.latest().isEmpty()) {
            b.append("<p class=\"muted\">No activation requests yet.</p>");
        } else {
            b.append("<table id=\"latest\">").append(Views.ACTIVATIONS_HEAD).append("<tbody>");
            o.latest().forEach(r -> b.append(views.row(r)));
            b.append("</tbody></table>");
        }
        b.append("<p><a href=\"/api/overview\">JSON</a></p></section>");
        return Html.page("Overview", "/", b.toString());
    }

    private static String card(String label, long value) {
        return "<div class=\"card\"><div class=\"value\">" + value + "</div><div class=\"label\">" + label
                + "</div></div>";
    }
}
