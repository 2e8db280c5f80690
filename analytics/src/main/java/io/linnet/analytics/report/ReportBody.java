package io.linnet.analytics.report;

import io.linnet.analytics.UsageReport;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link UsageReport} as the API answers it in JSON: metric names as the API spells them, times in ISO-8601. */
record ReportBody(String from, String to, String granularity, List<SeriesBody> metrics) {

    record SeriesBody(String metric, String kind, String description, long total, List<PointBody> points,
                      Map<String, Long> parts) {
    }

    record PointBody(String start, long value) {
    }

    static ReportBody of(UsageReport report) {
        return new ReportBody(report.from().toString(), report.to().toString(), report.granularity().key(),
                report.metrics().stream().map(series -> new SeriesBody(series.metric().key(),
                        series.metric().kind().name().toLowerCase(), series.metric().description(), series.total(),
                        series.points().stream().map(point -> new PointBody(point.start().toString(), point.value())).toList(),
                        new TreeMap<>(series.parts())))
                        .toList());
    }
}
