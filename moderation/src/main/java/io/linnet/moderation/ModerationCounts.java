package io.linnet.moderation;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per-day counts of what moderation did in an app (UTC days): messages blocked, masked, flagged,
 * and reports received. Bumped as it happens ({@link io.linnet.moderation.count.DailyCounter});
 * read here for the console's chart.
 */
@Service
public class ModerationCounts {

    /** One day's counts. */
    public record Day(LocalDate day, long blocked, long masked, long flagged, long reported) {
    }

    public static final int MAX_DAYS = 90;

    private final TenantDatabase database;
    private final AppManagement apps;

    ModerationCounts(TenantDatabase database, AppManagement apps) {
        this.database = database;
        this.apps = apps;
    }

    /** The last {@code days} days up to today, oldest first, days without anything included as zeros. */
    public List<Day> daily(Actor.Member actor, AppId app, int days) {
        actor.require(Permission.MODERATION);
        if (days < 1 || days > MAX_DAYS) {
            throw DomainException.invalid("days must be between 1 and " + MAX_DAYS);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Day> counted = database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            return database.jdbc().sql("""
                            select day, blocked, masked, flagged, reported from moderation_daily_counts
                             where tenant_id = ? and app_id = ? and day >= ?""")
                    .params(actor.tenantId().value(), app.value(), first)
                    .query((rs, row) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("blocked"),
                            rs.getLong("masked"), rs.getLong("flagged"), rs.getLong("reported")))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Day::day, Function.identity()));
        });
        List<Day> series = new ArrayList<>(days);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            series.add(counted.getOrDefault(day, new Day(day, 0, 0, 0, 0)));
        }
        return series;
    }
}
