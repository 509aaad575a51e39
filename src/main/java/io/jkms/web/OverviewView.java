package io.jkms.web;

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

    /** {@code /api/overview}. */
    record OverviewJson(long today, long last7Days, long last30Days, long refusals30Days,
                        Map<String, Long> clientsByFamily, List<DayJson> perDay, List<ErrorJson> errors,
                        List<Views.ActivationJson> latest) {
    }

    record DayJson(String date, long activations) {
    }

    record ErrorJson(String hresult, String name, String meaning, long count) {
    }

    /** The page: the counts, the chart, the families, the refusals by kind and the latest requests. */
    record OverviewPage(Overview overview, SvgChart.Chart chart, List<ErrorJson> errors,
                        List<Views.ActivationRow> latest) implements Pages.Page {
        @Override
        public String title() {
            return "Overview";
        }

        @Override
        public String nav() {
            return "/";
        }

        @Override
        public String template() {
            return "overview.jte";
        }
    }

    String json() {
        Overview o = compute();
        return Views.write(new OverviewJson(o.today(), o.week(), o.month(), o.refusals(), o.clientsByFamily(),
                o.perDay().stream().map(b -> new DayJson(b.label(), b.value())).toList(), errors(o),
                o.latest().stream().map(views::json).toList()));
    }

    OverviewPage page() {
        Overview o = compute();
        return new OverviewPage(o, SvgChart.bars(o.perDay(), "Successful activations per day"), errors(o),
                o.latest().stream().map(views::row).toList());
    }

    private static List<ErrorJson> errors(Overview o) {
        return o.errors().entrySet().stream().map(e -> new ErrorJson(Hresult.hex(e.getKey()),
                Hresult.name(e.getKey()), Hresult.meaning(e.getKey()), e.getValue())).toList();
    }
}
