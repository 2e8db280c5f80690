package io.linnet.console.component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A chart over time as an SVG document, drawn on the server (the console has no chart library:
 * Vaadin Charts is not free, and a few dozen rectangles need none). Each point (an hour or a day,
 * UTC) is a stacked bar or a dot on a line per series; the value axis has round grid lines and a
 * title, the time axis a date under every few points; hovering a point shows its numbers (an SVG
 * {@code <title>}), and the whole is one image with a label for screen readers. Colours come from the
 * stylesheet: series {@code i} has the class {@code s<i>}, as its legend swatch in {@link ChartCard}.
 */
public final class TimeChart {

    /** How the series are drawn. */
    public enum Style {
        /** One bar per point, the series stacked: for counts that add up (messages of two kinds). */
        BARS,
        /** One line per series: for numbers that do not add up (peaks, calls and their errors). */
        LINES
    }

    /** One series: its name in tooltips and the legend, and a value for each point. */
    public record Series(String label, List<Long> values) {

        public Series {
            values = List.copyOf(values);
        }
    }

    static final int WIDTH = 600;
    static final int HEIGHT = 250;
    static final int LEFT = 60;
    static final int RIGHT = 16;
    static final int TOP = 14;
    static final int BOTTOM = 46;
    static final int MAX_LABELS = 7;
    /** The widest a bar gets, so that a range of one or two points does not fill the plot. */
    static final int MAX_BAR = 40;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private TimeChart() {
    }

    /**
     * The chart of {@code series} over the points that start at {@code starts}.
     *
     * @param title     what it shows, e.g. "Messages"; the image's title
     * @param label     the image's accessible label: what it shows and what it comes to
     * @param valueAxis the value axis' title, e.g. "messages"
     * @param hourly    whether the points are hours (else days)
     */
    public static String svg(String title, String label, String valueAxis, List<Instant> starts, boolean hourly,
                             List<Series> series, Style style) {
        int points = starts.size();
        for (Series one : series) {
            if (one.values().size() != points) {
                throw new IllegalArgumentException(one.label() + " has " + one.values().size() + " values for " + points + " points");
            }
        }
        ChartScale scale = ChartScale.of(highest(series, style, points));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = points == 0 ? plotWidth : plotWidth / points;
        StringBuilder svg = Svg.open(WIDTH, HEIGHT, title, label);

        for (long tick : scale.ticks()) {
            double y = TOP + plotHeight * (1 - scale.fraction(tick));
            Svg.line(svg, tick == 0 ? "axis" : "grid", LEFT, y, WIDTH - RIGHT, y);
            Svg.text(svg, "tick", LEFT - 6, y + 4, "end", Svg.count(tick));
        }
        svg.append("<text class=\"axis-title\" transform=\"translate(14 ").append(Svg.number(TOP + plotHeight / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Svg.escape(valueAxis)).append("</text>");
        Svg.text(svg, "axis-title", LEFT + plotWidth / 2, HEIGHT - 6, "middle", hourly ? "Hour (UTC)" : "Day (UTC)");

        boolean spansDays = points > 0 && hourly
                && !DAY.format(starts.getFirst()).equals(DAY.format(starts.getLast()));
        int every = Math.max(1, (points + MAX_LABELS - 1) / MAX_LABELS);
        for (int i = 0; i < points; i++) {
            double x = LEFT + slot * i;
            if ((points - 1 - i) % every == 0) {
                Svg.text(svg, "tick", x + slot / 2, TOP + plotHeight + 16, "middle", axisLabel(starts.get(i), hourly, spansDays));
            }
            // a column the height of the plot per point, so hovering anywhere above a point shows its numbers
            svg.append("<g class=\"point\"><title>").append(Svg.escape(describe(starts.get(i), hourly, series, i)))
                    .append("</title>");
            Svg.rect(svg, "hit", x, TOP, slot, plotHeight);
            if (style == Style.BARS) {
                double width = Math.max(1, Math.min(MAX_BAR, slot * 0.7));
                bar(svg, series, i, scale, x + (slot - width) / 2, width, plotHeight);
            } else if (points <= 62) {
                dots(svg, series, i, scale, x + slot / 2, plotHeight);
            }
            svg.append("</g>");
        }
        if (style == Style.LINES) {
            for (int s = 0; s < series.size(); s++) {
                svg.append("<polyline class=\"line s").append(s).append("\" points=\"");
                for (int i = 0; i < points; i++) {
                    svg.append(i == 0 ? "" : " ").append(Svg.number(LEFT + slot * i + slot / 2)).append(',')
                            .append(Svg.number(TOP + plotHeight * (1 - scale.fraction(series.get(s).values().get(i)))));
                }
                svg.append("\"/>");
            }
        }
        return Svg.close(svg);
    }

    /** One point's numbers in words, e.g. "Mar 3: 12 direct, 4 group". */
    static String describe(Instant start, boolean hourly, List<Series> series, int point) {
        StringBuilder text = new StringBuilder(hourly ? DAY_HOUR.format(start) : DAY.format(start)).append(':');
        for (int s = 0; s < series.size(); s++) {
            text.append(s == 0 ? " " : ", ").append(Svg.count(series.get(s).values().get(point))).append(' ')
                    .append(series.get(s).label().toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }

    private static String axisLabel(Instant start, boolean hourly, boolean spansDays) {
        if (!hourly) {
            return DAY.format(start);
        }
        return spansDays ? DAY_HOUR.format(start) : HOUR.format(start);
    }

    private static long highest(List<Series> series, Style style, int points) {
        long highest = 0;
        for (int i = 0; i < points; i++) {
            long atPoint = 0;
            for (Series one : series) {
                long value = one.values().get(i);
                atPoint = style == Style.BARS ? atPoint + value : Math.max(atPoint, value);
            }
            highest = Math.max(highest, atPoint);
        }
        return highest;
    }

    private static void bar(StringBuilder svg, List<Series> series, int point, ChartScale scale, double x, double width,
                            double plotHeight) {
        long below = 0;
        for (int s = 0; s < series.size(); s++) {
            long value = series.get(s).values().get(point);
            if (value > 0) {
                double top = TOP + plotHeight * (1 - scale.fraction(below + value));
                double bottom = TOP + plotHeight * (1 - scale.fraction(below));
                Svg.rect(svg, "bar s" + s, x, top, width, Math.max(1, bottom - top));
                below += value;
            }
        }
    }

    private static void dots(StringBuilder svg, List<Series> series, int point, ChartScale scale, double x, double plotHeight) {
        for (int s = 0; s < series.size(); s++) {
            double y = TOP + plotHeight * (1 - scale.fraction(series.get(s).values().get(point)));
            svg.append("<circle class=\"dot s").append(s).append("\" cx=\"").append(Svg.number(x)).append("\" cy=\"")
                    .append(Svg.number(y)).append("\" r=\"3\"/>");
        }
    }
}
