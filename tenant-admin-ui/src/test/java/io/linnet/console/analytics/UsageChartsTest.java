package io.linnet.console.analytics;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.dom.Element;
import io.linnet.analytics.Metric;
import io.linnet.analytics.UsageReport;
import io.linnet.console.component.ChartCard;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UsageChartsTest {

    private static Optional<Element> byId(Element root, String id) {
        if (id.equals(root.getAttribute("id"))) {
            return Optional.of(root);
        }
        return root.getChildren().map(child -> byId(child, id)).flatMap(Optional::stream).findFirst();
    }

    private static String text(ChartCard card, String id) {
        return byId(card.getElement(), id).orElseThrow().getText();
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(ChartCard card, String id) {
        Grid<List<String>> table = (Grid<List<String>>) byId(card.getElement(), id).orElseThrow().getComponent().orElseThrow();
        return table.getListDataView().getItems().toList();
    }

    @Test
    void the_messages_chart_has_a_legend_with_totals_the_svg_the_numbers_and_a_csv() {
        UsageReport report = Reports.report(3, Reports.series(Metric.MESSAGES_DIRECT, 4, 0, 5),
                Reports.series(Metric.MESSAGES_GROUP, 1_200, 0, 0));

        ChartCard card = UsageCharts.card(UsageCharts.MESSAGES, report, "Mar 1 to Mar 3", "chat-messages.csv");

        assertThat(text(card, "chart-messages-total-0")).isEqualTo("9");
        assertThat(text(card, "chart-messages-total-1")).isEqualTo("1,200");
        String svg = byId(card.getElement(), "chart-messages-chart").orElseThrow().getProperty("innerHTML");
        assertThat(svg).contains("aria-label=\"Messages per day, Mar 1 to Mar 3: Direct 9, Group 1,200\"",
                "<title>Mar 1: 4 direct, 1,200 group</title>");
        assertThat(byId(card.getElement(), "chart-messages-empty")).isEmpty();
        assertThat(rows(card, "chart-messages-table")).containsExactly(List.of("2026-03-01", "4", "1,200"),
                List.of("2026-03-02", "0", "0"), List.of("2026-03-03", "5", "0"));
        Anchor csv = (Anchor) byId(card.getElement(), "chart-messages-csv").orElseThrow().getComponent().orElseThrow();
        assertThat(csv.getTitle().orElseThrow()).contains("chat-messages.csv");
    }

    @Test
    void a_chart_with_nothing_in_it_is_an_empty_state_that_says_what_would_be_counted() {
        ChartCard card = UsageCharts.card(UsageCharts.API, Reports.report(7), "the last 7 days", "api.csv");

        assertThat(byId(card.getElement(), "chart-api-chart")).isEmpty();
        assertThat(byId(card.getElement(), "chart-api-empty").orElseThrow().getChild(0).getText())
                .isEqualTo("No API calls in this range");
        assertThat(rows(card, "chart-api-table")).hasSize(7);
        assertThat(byId(card.getElement(), "chart-api-csv")).as("zeros are numbers too").isPresent();
    }

    @Test
    void legends_say_peaks_as_the_highest_and_active_users_as_distinct() {
        UsageReport report = Reports.report(2, Reports.series(Metric.PEAK_CONNECTIONS, 3, 8));
        assertThat(text(UsageCharts.card(UsageCharts.PEAK_CONNECTIONS, report, "r", "f.csv"), "chart-peak-connections-total-0"))
                .isEqualTo("highest 8");
        UsageReport.Series active = new UsageReport.Series(Metric.ACTIVE_USERS, 4,
                Reports.series(Metric.ACTIVE_USERS, 3, 2).points(), Map.of());
        assertThat(UsageCharts.total(active)).as("the range counts each user once, not the sum of days").isEqualTo("4 distinct");
    }

    @Test
    void the_push_funnel_shows_each_stage_by_provider_and_failures_by_reason() {
        UsageReport report = Reports.report(1,
                Reports.series(Metric.PUSH_TARGETED, Map.of("apns", 10L), 10),
                Reports.series(Metric.PUSH_SENT, Map.of("apns", 10L), 10),
                Reports.series(Metric.PUSH_DELIVERED, Map.of("apns", 9L), 9),
                Reports.series(Metric.PUSH_FAILED, Map.of("apns/Unregistered", 1L), 1));
        PushFunnel funnel = PushFunnel.of(report);

        ChartCard card = UsageCharts.funnel(funnel, report, "today", "push.csv");
        assertThat(byId(card.getElement(), "chart-push-chart").orElseThrow().getProperty("innerHTML"))
                .contains("<title>Delivered: 9, 90% of sent</title>");
        assertThat(rows(card, "chart-push-table")).containsExactly(List.of("APNs", "10", "10", "9", "0", "1"));

        ChartCard failures = UsageCharts.failures(funnel, report, "today", "failures.csv");
        assertThat(rows(failures, "chart-push-failures-table")).containsExactly(List.of("APNs", "Unregistered", "1"));
        assertThat(text(failures, "chart-push-failures-total-0")).isEqualTo("1");
    }

    @Test
    void every_chart_of_the_page_is_made_and_active_users_are_never_asked_per_hour() {
        List<ChartCard> cards = UsageCharts.all(Reports.report(2), Reports.report(2), "r", "app", "2026-03-01_2026-03-02");

        assertThat(cards).extracting(card -> card.getElement().getAttribute("id")).containsExactly("chart-messages",
                "chart-active-users", "chart-peak-connections", "chart-deliveries", "chart-push", "chart-push-failures",
                "chart-api", "chart-moderation");
        assertThat(UsageCharts.metrics()).doesNotContain(Metric.ACTIVE_USERS).contains(Metric.PUSH_OPENED, Metric.MODERATION_REPORTED);
    }
}
