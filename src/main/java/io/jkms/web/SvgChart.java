package io.jkms.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A bar chart of activations per day as inline SVG, drawn on the server (no script, no external images): this
 * computes the geometry, {@code chart.jte} writes the markup.
 */
final class SvgChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 180;
    private static final int BOTTOM = 20;
    private static final int LEFT = 36;

    private SvgChart() {
    }

    record Bar(String label, long value) {
    }

    /**
     * The drawing: the axis at {@code axis}, the scale's top label {@code max}, one shape per bar.
     *
     * @param labelX where the scale's labels end
     * @param tickY  the baseline of the date labels
     */
    record Chart(String title, int width, int height, int left, int axis, int labelX, int tickY, long max,
                 List<Shape> bars) {
        String viewBox() {
            return "0 0 " + width + " " + height;
        }
    }

    /** One bar; every seventh (and the last) carries its date (without the year) under it. */
    record Shape(String x, long y, String width, long height, String tooltip, Optional<String> tick, String tickX) {
    }

    static Chart bars(List<Bar> bars, String title) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        double slot = (WIDTH - LEFT) / (double) Math.max(1, bars.size());
        int plot = HEIGHT - BOTTOM - 10;
        List<Shape> shapes = new ArrayList<>(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            long h = Math.round(plot * (bar.value() / (double) max));
            double x = LEFT + i * slot + slot * 0.15;
            Optional<String> tick = i % 7 == bars.size() % 7 || i == bars.size() - 1
                    ? Optional.of(bar.label().length() > 5 ? bar.label().substring(5) : bar.label()) : Optional.empty();
            shapes.add(new Shape(decimal(x), HEIGHT - BOTTOM - h, decimal(slot * 0.7), h,
                    bar.label() + ": " + bar.value(), tick, decimal(x + slot * 0.35)));
        }
        return new Chart(title, WIDTH, HEIGHT, LEFT, HEIGHT - BOTTOM, LEFT - 4, HEIGHT - 4, max, shapes);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
