package io.linnet.moderation.review;

import io.linnet.messaging.FailureKind;
import io.linnet.messaging.Message;
import io.linnet.moderation.Verdict;
import io.linnet.moderation.count.DailyCounter;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.database.TenantDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Puts the messages a FLAG rule hit into the review queue ({@link io.linnet.moderation.ReviewQueue}),
 * once the send path has stored them, with the rules that hit and what they matched.
 */
@Component
public class FlaggedMessages {

    private static final Logger log = LoggerFactory.getLogger(FlaggedMessages.class);

    private final TenantDatabase database;
    private final DailyCounter counter;

    FlaggedMessages(TenantDatabase database, DailyCounter counter) {
        this.database = database;
        this.counter = counter;
    }

    /** Queues a message a FLAG rule hit; called once it is stored. Never fails the send: a failure is logged. */
    public void queue(AppRef app, Message message, List<Verdict.Hit> hits) {
        try {
            LinkedHashSet<String> rules = new LinkedHashSet<>();
            LinkedHashSet<String> matched = new LinkedHashSet<>();
            hits.forEach(hit -> {
                rules.add(hit.ruleName());
                matched.add(hit.matched());
            });
            database.runInTenant(app.tenantId(), () -> database.jdbc().sql("""
                            insert into moderation_reviews (tenant_id, app_id, message_id, conversation_id, seq, sender_id,
                                                            flagged_by, matched)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (tenant_id, app_id, message_id) do update
                               set flagged_by = excluded.flagged_by, matched = excluded.matched, updated_at = now()""")
                    .params(app.tenantId().value(), app.appId().value(), message.messageId().value(),
                            message.conversationId().value(), message.seq(), message.senderId().value(),
                            rules.toArray(String[]::new), matched.toArray(String[]::new))
                    .update());
            counter.bump(app, DailyCounter.Counted.FLAGGED);
        } catch (RuntimeException failed) {
            // the failure's message may quote what the rules matched
            log.warn("Could not queue flagged message {} of app {} for review: {}", message.messageId(), app.appId(),
                    FailureKind.of(failed));
        }
    }
}
