package io.linnet.analytics.report;

import io.linnet.analytics.Analytics;
import io.linnet.analytics.AppOverview;
import io.linnet.analytics.TenantUsage;
import io.linnet.analytics.UsageQuery;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The analytics API: {@code GET /v1/analytics} (an app key with the {@code analytics} scope, its own
 * app), {@code GET /manage/v1/apps/{appId}/analytics} and {@code GET /manage/v1/analytics} (a member
 * of the tenant: one app, or all of them), each in JSON or, asked with {@code Accept: text/csv}, as a
 * CSV download; {@code .../analytics/overview}: an app's headline numbers today; and
 * {@code GET /ops/v1/analytics/tenants}: the operator's ranking of tenants.
 * Query: {@code from}, {@code to} (instants or UTC days), {@code granularity} (hour or day),
 * {@code metrics} (comma-separated names); see {@link UsageQuery#parse}.
 */
@RestController
class AnalyticsController {

    private static final String CSV = "text/csv";

    private final Analytics analytics;
    private final Clock clock = Clock.systemUTC();

    AnalyticsController(Analytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping(path = "/v1/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
    ReportBody app(AppCaller caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String granularity, @RequestParam(required = false) String metrics) {
        return ReportBody.of(analytics.report(caller, UsageQuery.parse(from, to, granularity, metrics, clock)));
    }

    @GetMapping(path = "/v1/analytics", produces = CSV)
    ResponseEntity<String> appCsv(AppCaller caller, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
                                  @RequestParam(required = false) String metrics) {
        return UsageCsv.download("analytics", analytics.report(caller, UsageQuery.parse(from, to, granularity, metrics, clock)));
    }

    @GetMapping("/v1/analytics/overview")
    AppOverview overview(AppCaller caller) {
        return analytics.overview(caller);
    }

    @GetMapping(path = "/manage/v1/apps/{appId}/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
    ReportBody ofApp(Actor.Member actor, @PathVariable String appId, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
                     @RequestParam(required = false) String metrics) {
        return ReportBody.of(analytics.report(actor, AppId.of(appId), UsageQuery.parse(from, to, granularity, metrics, clock)));
    }

    @GetMapping(path = "/manage/v1/apps/{appId}/analytics", produces = CSV)
    ResponseEntity<String> ofAppCsv(Actor.Member actor, @PathVariable String appId, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
                                    @RequestParam(required = false) String metrics) {
        return UsageCsv.download("analytics-" + appId, analytics.report(actor, AppId.of(appId),
                UsageQuery.parse(from, to, granularity, metrics, clock)));
    }

    @GetMapping("/manage/v1/apps/{appId}/analytics/overview")
    AppOverview ofAppOverview(Actor.Member actor, @PathVariable String appId) {
        return analytics.overview(actor, AppId.of(appId));
    }

    /**
     * The operator's ranking of tenants by what they did from {@code from} to {@code to} (UTC days, both
     * included; by default the last 30 days).
     */
    @GetMapping("/ops/v1/analytics/tenants")
    List<TenantUsage> ranking(Actor.Operator operator, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to) {
        UsageQuery days = UsageQuery.parse(from == null && to == null ? LocalDate.now(clock).minusDays(29).toString() : from,
                to, "day", null, clock);
        return analytics.platform(operator, LocalDate.ofInstant(days.from(), ZoneOffset.UTC),
                LocalDate.ofInstant(days.to(), ZoneOffset.UTC));
    }

    @GetMapping(path = "/manage/v1/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
    ReportBody ofTenant(Actor.Member actor, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
                        @RequestParam(required = false) String metrics) {
        return ReportBody.of(analytics.report(actor, UsageQuery.parse(from, to, granularity, metrics, clock)));
    }

    @GetMapping(path = "/manage/v1/analytics", produces = CSV)
    ResponseEntity<String> ofTenantCsv(Actor.Member actor, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
                                       @RequestParam(required = false) String metrics) {
        return UsageCsv.download("analytics-tenant", analytics.report(actor, UsageQuery.parse(from, to, granularity, metrics, clock)));
    }
}
