package io.linnet.console.moderation;

import com.vaadin.flow.dom.Element;
import io.linnet.moderation.ModerationCounts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DailyCountsChartTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-30");

    private static List<ModerationCounts.Day> thirtyDays(ModerationCounts.Day... counted) {
        List<ModerationCounts.Day> days = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            LocalDate day = TODAY.minusDays(i);
            days.add(Stream.of(counted).filter(c -> c.day().equals(day)).findFirst()
                    .orElse(new ModerationCounts.Day(day, 0, 0, 0, 0)));
        }
        return days;
    }

    private static Optional<Element> byId(Element root, String id) {
        if (id.equals(root.getAttribute("id"))) {
            return Optional.of(root);
        }
        return root.getChildren().map(child -> byId(child, id)).flatMap(Optional::stream).findFirst();
    }

    private static Stream<Element> all(Element root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(DailyCountsChartTest::all));
    }

    @Test
    void each_day_is_a_bar_labelled_with_its_numbers_and_the_legend_gives_the_totals() {
        DailyCountsChart chart = new DailyCountsChart(thirtyDays(new ModerationCounts.Day(TODAY, 1, 0, 2, 1),
                new ModerationCounts.Day(TODAY.minusDays(3), 3, 1, 0, 0)));
        Element root = chart.getElement();

        assertThat(all(root).filter(e -> e.getClassList().contains("counts-day")).count()).isEqualTo(30);
        Element today = byId(root, "day-2026-03-30").orElseThrow();
        assertThat(today.getAttribute("aria-label")).isEqualTo("2026-03-30: 1 blocked, 0 masked, 2 flagged, 1 reported");
        assertThat(today.getAttribute("title")).isEqualTo(today.getAttribute("aria-label"));
        assertThat(today.getAttribute("role")).isEqualTo("img");
        // the busiest day (4 in all) is full height; today has 4 too, each kind its share of the bar
        Element stack = today.getChild(0);
        assertThat(stack.getStyle().get("height")).isEqualTo("100.00%");
        assertThat(stack.getChildren().map(segment -> segment.getStyle().get("height")))
                .containsExactly("25.00%", "50.00%", "25.00%");
        assertThat(stack.getChild(1).getAttribute("title")).isEqualTo("2 flagged on 2026-03-30");
        assertThat(byId(root, "day-2026-03-29").orElseThrow().getChild(0).getStyle().get("height")).isEqualTo("0.00%");

        assertThat(byId(root, "total-blocked").orElseThrow().getText()).isEqualTo("4");
        assertThat(byId(root, "total-masked").orElseThrow().getText()).isEqualTo("1");
        assertThat(byId(root, "total-flagged").orElseThrow().getText()).isEqualTo("2");
        assertThat(byId(root, "total-reported").orElseThrow().getText()).isEqualTo("1");
        assertThat(byId(root, "daily-counts-empty")).isEmpty();
    }

    @Test
    void a_period_without_anything_shows_an_empty_state_instead_of_bars() {
        Element root = new DailyCountsChart(thirtyDays()).getElement();

        assertThat(byId(root, "daily-counts-empty")).isPresent();
        assertThat(all(root).filter(e -> e.getClassList().contains("counts-day")).count()).isZero();
        assertThat(byId(root, "total-flagged").orElseThrow().getText()).isEqualTo("0");
    }
}
