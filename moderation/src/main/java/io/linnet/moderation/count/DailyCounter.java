package io.linnet.moderation.count;

import io.linnet.moderation.MessageModerated;
import org.springframework.context.ApplicationEventPublisher;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.database.TenantDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts what moderation does in an app as it happens, one more in today's (UTC) row of
 * {@code moderation_daily_counts}; {@link io.linnet.moderation.ModerationCounts} reads them back.
 * Counting never fails what it counts: a failure is logged.
 */
@Component
public class DailyCounter {

    /** What is counted; each is a column of {@code moderation_daily_counts}. */
    public enum Counted {
        BLOCKED("blocked"), MASKED("masked"), FLAGGED("flagged"), REPORTED("reported");

        private final String column;

        Counted(String column) {
            this.column = column;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DailyCounter.class);

    private final TenantDatabase database;

    private final ApplicationEventPublisher events;

    DailyCounter(TenantDatabase database, ApplicationEventPublisher events) {
        this.database = database;
        this.events = events;
    }

    /** Counts one more; a failure to count is logged, never passed on to the send it counts. */
    public void bump(AppRef app, Counted counted) {
        events.publishEvent(new MessageModerated(app, MessageModerated.Outcome.valueOf(counted.name())));
        try {
            database.runInTenant(app.tenantId(), () -> database.jdbc().sql("""
                            insert into moderation_daily_counts (tenant_id, app_id, day, %1$s)
                            values (?, ?, (now() at time zone 'utc')::date, 1)
                            on conflict (tenant_id, app_id, day) do update set %1$s = moderation_daily_counts.%1$s + 1"""
                            .formatted(counted.column))
                    .params(app.tenantId().value(), app.appId().value())
                    .update());
        } catch (RuntimeException failed) {
            log.warn("Could not count a {} message of app {}: {}", counted.column, app.appId(), failed.toString());
        }
    }
}
