package io.linnet.console.component;

import java.util.List;

/**
 * Horizontal bars as an SVG document, one a row, each made of parts stacked left to right (a push
 * funnel's stages split by provider, failures by reason). Each row says its name on the left and its
 * total (and an optional note, such as a share) on the right; hovering a row shows its parts. Series
 * {@code i} has the class {@code s<i>}, as in {@link TimeChart}.
 */
public final class BarsChart {

    /**
     * One row.
     *
     * @param parts a value per series, in the order of the series' labels
     * @param note  said after the total, e.g. "85% of targeted"; empty for none
     */
    public record Bar(String label, List<Long> parts, String note) {

        public Bar {
            parts = List.copyOf(parts);
        }

        public long total() {
            return parts.stream().mapToLong(Long::longValue).sum();
        }
    }

    static final int WIDTH = 600;
    static final int LABELS = 170;
    static final int NUMBERS = 150;
    static final int ROW = 30;
    static final int BAR = 18;
    static final int TOP = 6;
    static final int LABEL_CHARACTERS = 22;

    private BarsChart() {
    }

    public static String svg(String title, String label, List<String> series, List<Bar> bars) {
        long highest = bars.stream().mapToLong(Bar::total).max().orElse(0);
        double room = WIDTH - LABELS - NUMBERS;
        StringBuilder svg = Svg.open(WIDTH, TOP * 2 + ROW * bars.size(), title, label);
        for (int row = 0; row < bars.size(); row++) {
            Bar bar = bars.get(row);
            double y = TOP + ROW * row;
            svg.append("<g class=\"point\"><title>").append(Svg.escape(describe(bar, series))).append("</title>");
            Svg.rect(svg, "hit", 0, y, WIDTH, ROW);
            Svg.text(svg, "bar-label", LABELS - 8, y + ROW / 2.0 + 4, "end", shortened(bar.label()));
            double x = LABELS;
            for (int s = 0; s < bar.parts().size(); s++) {
                long value = bar.parts().get(s);
                if (value > 0) {
                    double width = Math.max(1, room * value / highest);
                    Svg.rect(svg, "bar s" + s, x, y + (ROW - BAR) / 2.0, width, BAR);
                    x += width;
                }
            }
            String total = Svg.count(bar.total()) + (bar.note().isEmpty() ? "" : " · " + bar.note());
            Svg.text(svg, "bar-value", x + 6, y + ROW / 2.0 + 4, "start", total);
            svg.append("</g>");
        }
        Svg.line(svg, "axis", LABELS, TOP, LABELS, TOP + ROW * bars.size());
        return Svg.close(svg);
    }

    /** A row in words, e.g. "Sent: 120 (apns 100, fcm 20), 96% of targeted". */
    static String describe(Bar bar, List<String> series) {
        StringBuilder text = new StringBuilder(bar.label()).append(": ").append(Svg.count(bar.total()));
        if (series.size() > 1) {
            text.append(" (");
            for (int s = 0; s < series.size(); s++) {
                text.append(s == 0 ? "" : ", ").append(series.get(s)).append(' ').append(Svg.count(bar.parts().get(s)));
            }
            text.append(')');
        }
        return bar.note().isEmpty() ? text.toString() : text.append(", ").append(bar.note()).toString();
    }

    private static String shortened(String label) {
        return label.length() <= LABEL_CHARACTERS ? label : label.substring(0, LABEL_CHARACTERS - 1) + "…";
    }
}
