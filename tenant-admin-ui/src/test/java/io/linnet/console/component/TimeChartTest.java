package io.linnet.console.component;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeChartTest {

    private static final List<Instant> THREE_DAYS = List.of(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"));

    private static List<String> all(String svg, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(svg);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
        }
        return found;
    }

    @Test
    void stacked_bars_are_one_image_with_a_label_axes_and_a_tooltip_per_day() {
        String svg = TimeChart.svg("Messages", "Messages per day: Direct 9, Group 3", "messages", THREE_DAYS, false,
                List.of(new TimeChart.Series("Direct", List.of(4L, 0L, 5L)), new TimeChart.Series("Group", List.of(3L, 0L, 0L))),
                TimeChart.Style.BARS);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .contains("role=\"img\"", "aria-label=\"Messages per day: Direct 9, Group 3\"", "<title>Messages</title>");
        assertThat(all(svg, "<g class=\"point\"><title>([^<]*)</title>"))
                .containsExactly("Mar 1: 4 direct, 3 group", "Mar 2: 0 direct, 0 group", "Mar 3: 5 direct, 0 group");
        // the highest stack is 7: the axis goes to 8 in steps of 2, and says what it counts and when
        assertThat(all(svg, "<text class=\"tick\"[^>]*text-anchor=\"end\">([^<]*)</text>"))
                .containsExactly("0", "2", "4", "6", "8");
        assertThat(svg).contains(">messages</text>", ">Day (UTC)</text>", ">Mar 1</text>", ">Mar 3</text>");
        // three rectangles of data: two on the first day, one on the third, none for the empty day
        assertThat(all(svg, "<rect class=\"(bar s\\d)\"")).containsExactly("bar s0", "bar s1", "bar s0");
    }

    @Test
    void bars_are_as_tall_as_their_share_of_the_axis() {
        String svg = TimeChart.svg("Deliveries", "label", "deliveries", THREE_DAYS.subList(0, 2), false,
                List.of(new TimeChart.Series("Deliveries", List.of(8L, 2L))), TimeChart.Style.BARS);
        double plot = TimeChart.HEIGHT - TimeChart.TOP - TimeChart.BOTTOM;
        assertThat(all(svg, "<rect class=\"bar s0\"[^>]*height=\"([^\"]*)\""))
                .containsExactly(Svg.number(plot), Svg.number(plot * 2 / 8));
    }

    @Test
    void lines_are_drawn_per_series_through_every_point_and_hours_are_labelled_as_hours() {
        List<Instant> hours = List.of(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T11:00:00Z"));
        String svg = TimeChart.svg("API calls", "label", "calls", hours, true,
                List.of(new TimeChart.Series("Calls", List.of(10L, 20L)), new TimeChart.Series("Client errors", List.of(1L, 0L))),
                TimeChart.Style.LINES);
        assertThat(all(svg, "<polyline class=\"(line s\\d)\"")).containsExactly("line s0", "line s1");
        assertThat(all(svg, "<circle ")).hasSize(4);
        assertThat(svg).contains(">Hour (UTC)</text>", ">10:00</text>", ">11:00</text>",
                "<title>Mar 1 10:00: 10 calls, 1 client errors</title>");
    }

    @Test
    void labels_are_escaped_and_a_long_range_labels_only_every_few_points() {
        List<Instant> days = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> Instant.parse("2026-03-01T00:00:00Z").plusSeconds(86_400L * i)).toList();
        String svg = TimeChart.svg("<Messages> & \"more\"", "a < b", "msgs", days, false,
                List.of(new TimeChart.Series("Direct", java.util.Collections.nCopies(30, 1L))), TimeChart.Style.BARS);
        assertThat(svg).contains("<title>&lt;Messages&gt; &amp; &quot;more&quot;</title>", "aria-label=\"a &lt; b\"")
                .doesNotContain("<Messages>");
        // 30 days, at most 7 labels: every 5th day counted back from the last
        assertThat(all(svg, "text-anchor=\"middle\">(Mar \\d+)</text>"))
                .containsExactly("Mar 5", "Mar 10", "Mar 15", "Mar 20", "Mar 25", "Mar 30");
        assertThatThrownBy(() -> TimeChart.svg("x", "x", "x", days, false,
                List.of(new TimeChart.Series("Short", List.of(1L))), TimeChart.Style.BARS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void horizontal_bars_say_their_total_and_note_and_split_into_parts() {
        String svg = BarsChart.svg("Push funnel", "Push funnel: 10 targeted", List.of("APNs", "FCM"), List.of(
                new BarsChart.Bar("Targeted", List.of(6L, 4L), ""),
                new BarsChart.Bar("Delivered", List.of(5L, 0L), "50% of targeted")));
        assertThat(all(svg, "<g class=\"point\"><title>([^<]*)</title>"))
                .containsExactly("Targeted: 10 (APNs 6, FCM 4)", "Delivered: 5 (APNs 5, FCM 0), 50% of targeted");
        assertThat(svg).contains(">10</text>", ">5 · 50% of targeted</text>", "role=\"img\"");
        double room = BarsChart.WIDTH - BarsChart.LABELS - BarsChart.NUMBERS;
        assertThat(all(svg, "<rect class=\"bar s\\d\"[^>]*width=\"([^\"]*)\""))
                .containsExactly(Svg.number(room * 0.6), Svg.number(room * 0.4), Svg.number(room * 0.5));
    }
}
