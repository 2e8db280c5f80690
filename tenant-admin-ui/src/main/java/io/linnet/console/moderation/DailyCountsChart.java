package io.linnet.console.moderation;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.linnet.console.component.EmptyState;
import io.linnet.moderation.ModerationCounts;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * What moderation did per day (UTC), as stacked bars of plain elements: the console has no chart
 * library (Vaadin Charts is not free), and a few dozen divs sized in percent need none. Each day
 * carries its numbers as a tooltip and an accessible label, the legend gives each kind's total,
 * and a period with nothing in it shows an empty state instead of a flat line.
 */
class DailyCountsChart extends Composite<Div> {

    /** The kinds counted, bottom to top in each bar. */
    enum Counted {
        BLOCKED("Blocked", ModerationCounts.Day::blocked),
        MASKED("Masked", ModerationCounts.Day::masked),
        FLAGGED("Flagged", ModerationCounts.Day::flagged),
        REPORTED("Reported", ModerationCounts.Day::reported);

        private final String label;
        private final ToLongFunction<ModerationCounts.Day> count;

        Counted(String label, ToLongFunction<ModerationCounts.Day> count) {
            this.label = label;
            this.count = count;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        long of(ModerationCounts.Day day) {
            return count.applyAsLong(day);
        }
    }

    private static final DateTimeFormatter AXIS = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final int LABEL_EVERY = 5;

    DailyCountsChart(List<ModerationCounts.Day> days) {
        Div card = getContent();
        card.setId("daily-counts");
        card.addClassName("counts-chart");
        Div heading = new Div(new H3("Last " + days.size() + " days"), legend(days));
        heading.addClassName("counts-chart-heading");
        card.add(heading);
        long highest = days.stream().mapToLong(DailyCountsChart::total).max().orElse(0);
        if (highest == 0) {
            EmptyState empty = new EmptyState("Nothing moderated in the last " + days.size() + " days",
                    "Messages the rules block, mask or flag, and the reports users send, are counted here per day (UTC).");
            empty.setId("daily-counts-empty");
            card.add(empty);
            return;
        }
        card.add(plot(days, highest), axis(days));
    }

    /** Each kind with its colour and its total over the period. */
    private static Div legend(List<ModerationCounts.Day> days) {
        Div legend = new Div();
        legend.addClassName("counts-legend");
        legend.getElement().setAttribute("role", "list");
        for (Counted counted : Counted.values()) {
            Span swatch = new Span();
            swatch.addClassNames("counts-swatch", "counts-" + counted.key());
            swatch.getElement().setAttribute("aria-hidden", "true");
            Span total = new Span(String.valueOf(days.stream().mapToLong(counted::of).sum()));
            total.setId("total-" + counted.key());
            total.addClassName("counts-total");
            Span item = new Span(swatch, new Span(counted.label), total);
            item.addClassName("counts-legend-item");
            item.getElement().setAttribute("role", "listitem");
            legend.add(item);
        }
        return legend;
    }

    private static Div plot(List<ModerationCounts.Day> days, long highest) {
        Div scale = new Div(new Span(String.valueOf(highest)), new Span("0"));
        scale.addClassName("counts-scale");
        scale.getElement().setAttribute("aria-hidden", "true");
        Div bars = new Div();
        bars.addClassName("counts-bars");
        for (ModerationCounts.Day day : days) {
            bars.add(bar(day, highest));
        }
        Div plot = new Div(scale, bars);
        plot.addClassName("counts-plot");
        return plot;
    }

    private static Div bar(ModerationCounts.Day day, long highest) {
        long total = total(day);
        Div stack = new Div();
        stack.addClassName("counts-stack");
        stack.getStyle().set("height", percent(total, highest));
        for (Counted counted : Counted.values()) {
            long count = counted.of(day);
            if (count > 0) {
                Div segment = new Div();
                segment.addClassNames("counts-segment", "counts-" + counted.key());
                segment.getStyle().set("height", percent(count, total));
                segment.setTitle(count + " " + counted.key() + " on " + day.day());
                stack.add(segment);
            }
        }
        Div column = new Div(stack);
        column.setId("day-" + day.day());
        column.addClassName("counts-day");
        column.setTitle(describe(day));
        column.getElement().setAttribute("role", "img");
        column.getElement().setAttribute("aria-label", describe(day));
        return column;
    }

    /** A date under every few bars, and under the last (today). */
    private static Div axis(List<ModerationCounts.Day> days) {
        Div axis = new Div();
        axis.addClassName("counts-axis");
        axis.getElement().setAttribute("aria-hidden", "true");
        for (int i = 0; i < days.size(); i++) {
            boolean labelled = (days.size() - 1 - i) % LABEL_EVERY == 0;
            axis.add(new Span(labelled ? AXIS.format(days.get(i).day()) : ""));
        }
        return axis;
    }

    /** One day's numbers in words, e.g. "2026-03-01: 1 blocked, 0 masked, 2 flagged, 0 reported". */
    static String describe(ModerationCounts.Day day) {
        StringBuilder text = new StringBuilder(day.day().toString()).append(':');
        for (Counted counted : Counted.values()) {
            text.append(counted == Counted.BLOCKED ? " " : ", ").append(counted.of(day)).append(' ').append(counted.key());
        }
        return text.toString();
    }

    private static long total(ModerationCounts.Day day) {
        long total = 0;
        for (Counted counted : Counted.values()) {
            total += counted.of(day);
        }
        return total;
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.2f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
