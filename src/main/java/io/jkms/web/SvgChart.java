package io.jkms.web;

import java.util.List;

/** A bar chart of activations per day as inline SVG, drawn on the server (no script, no external images). */
final class SvgChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 180;
    private static final int BOTTOM = 20;
    private static final int LEFT = 36;

    private SvgChart() {
    }

    record Bar(String label, long value) {
    }

    static String bars(List<Bar> bars, String title) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        double slot = (WIDTH - LEFT) / (double) Math.max(1, bars.size());
        int plot = HEIGHT - BOTTOM - 10;
        StringBuilder b = new StringBuilder(4096);
        b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">")
                .append("<title>").append(Html.esc(title)).append("</title>")
                .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
                .append(WIDTH).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" class=\"axis\"/>")
                .append("<text x=\"").append(LEFT - 4).append("\" y=\"16\" text-anchor=\"end\">").append(max)
                .append("</text><text x=\"").append(LEFT - 4).append("\" y=\"").append(HEIGHT - BOTTOM)
                .append("\" text-anchor=\"end\">0</text>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            long h = Math.round(plot * (bar.value() / (double) max));
            double x = LEFT + i * slot + slot * 0.15;
            b.append("<rect x=\"").append(String.format(java.util.Locale.ROOT, "%.1f", x)).append("\" y=\"")
                    .append(HEIGHT - BOTTOM - h).append("\" width=\"")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", slot * 0.7)).append("\" height=\"").append(h)
                    .append("\"><title>").append(Html.esc(bar.label())).append(": ").append(bar.value())
                    .append("</title></rect>");
            if (i % 7 == bars.size() % 7 || i == bars.size() - 1) {
                b.append("<text x=\"").append(String.format(java.util.Locale.ROOT, "%.1f", x + slot * 0.35))
                        .append("\" y=\"").append(HEIGHT - 4).append("\" text-anchor=\"middle\">")
                        .append(Html.esc(bar.label().length() > 5 ? bar.label().substring(5) : bar.label()))
                        .append("</text>");
            }
        }
        return b.append("</svg>").toString();
    }
}
