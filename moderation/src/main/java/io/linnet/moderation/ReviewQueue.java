package io.linnet.moderation;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.UserId;
import io.linnet.messaging.Inbox;
import io.linnet.messaging.HistoryPage;
import io.linnet.messaging.Message;
import io.linnet.messaging.MessageHistory;
import io.linnet.messaging.MessageRecall;
import io.linnet.messaging.StorableText;
import io.linnet.moderation.count.DailyCounter;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The review queue: messages a FLAG rule hit and messages users reported, one item per message,
 * and the moderators' decisions on them (approve: leave it; recall: erase it for everyone). A
 * report on a message that was approved opens it again; a user reports a message once (reporting
 * again changes the reason). Decisions are recorded in the audit log with their reason.
 */
@Service
public class ReviewQueue {

    /** Which messages a moderator wants to see. Null fields do not filter. */
    public record Filter(ReviewStatus status, Source source, UserId senderId, ConversationId conversationId) {

        public static final Filter OPEN = new Filter(ReviewStatus.OPEN, null, null, null);
    }

    /** Why a message is in the queue. */
    public enum Source {
        FLAG, REPORT;

        public static Source of(String raw) {
            return switch (raw == null ? "" : raw.toLowerCase(Locale.ROOT)) {
                case "flag" -> FLAG;
                case "report" -> REPORT;
                default -> throw DomainException.invalid("source must be 'flag' or 'report'");
            };
        }
    }

    /** What a moderator decides about a queued message. */
    public enum Decision {
        APPROVE, RECALL;

        public static Decision of(String raw) {
            return switch (raw == null ? "" : raw.toLowerCase(Locale.ROOT)) {
                case "approve" -> APPROVE;
                case "recall" -> RECALL;
                default -> throw DomainException.invalid("decision must be 'approve' or 'recall'");
            };
        }
    }

    /** A queued message with the messages around it in its conversation (itself included), in seq order. */
    public record InContext(ReviewItem item, List<Message> context) {
    }

    public static final int MAX_REASON = 500;
    public static final int MAX_DECISIONS = 100;
    private static final String COLUMNS = """
            message_id, conversation_id, seq, sender_id, flagged_by, matched, report_count, status,
            created_at, updated_at, decided_at, decided_by, decision_reason""";

    private final TenantDatabase database;
    private final AppManagement apps;
    private final AuditLog audit;
    private final MessageHistory history;
    private final MessageRecall recall;
    private final Inbox inbox;
    private final DailyCounter counter;
    private final ModerationSettings settings;

    ReviewQueue(TenantDatabase database, AppManagement apps, AuditLog audit, MessageHistory history, MessageRecall recall,
                Inbox inbox, DailyCounter counter, ModerationSettings settings) {
        this.database = database;
        this.apps = apps;
        this.audit = audit;
        this.history = history;
        this.recall = recall;
        this.inbox = inbox;
        this.counter = counter;
        this.settings = settings;
    }

    /**
     * A user reports a message of a conversation they are a member of (to anyone else it is not
     * found). Returns the queue item.
     */
    public ReviewItem report(AppRef app, UserId reporter, MessageId messageId, String reason) {
        String why = reason(reason);
        Message message = history.find(app, messageId).orElseThrow(() -> DomainException.notFound("Message"));
        try {
            inbox.requireMember(app, reporter, message.conversationId());
        } catch (DomainException notMember) {
            // to anyone outside the conversation the message does not exist
            throw DomainException.notFound("Message");
        }
        boolean counted = database.inTenant(app.tenantId(), () -> {
            if (message.senderId().equals(reporter)) {
                throw DomainException.invalid("A user cannot report their own message");
            }
            database.jdbc().sql("""
                            insert into moderation_reviews (tenant_id, app_id, message_id, conversation_id, seq, sender_id)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (tenant_id, app_id, message_id) do nothing""")
                    .params(app.tenantId().value(), app.appId().value(), messageId.value(),
                            message.conversationId().value(), message.seq(), message.senderId().value())
                    .update();
            boolean first = database.jdbc().sql("""
                            insert into moderation_reports (tenant_id, app_id, message_id, reporter_id, reason)
                            values (?, ?, ?, ?, ?)
                            on conflict (tenant_id, app_id, message_id, reporter_id) do update set reason = excluded.reason
                            returning xmax = 0""")
                    .params(app.tenantId().value(), app.appId().value(), messageId.value(), reporter.value(), why)
                    .query(Boolean.class)
                    .single();
            if (first) {
                database.jdbc().sql("""
                                update moderation_reviews
                                   set report_count = report_count + 1, updated_at = now(),
                                       status = case when status = 'approved' then 'open' else status end
                                 where tenant_id = ? and app_id = ? and message_id = ?""")
                        .params(app.tenantId().value(), app.appId().value(), messageId.value())
                        .update();
            }
            return first;
        });
        if (counted) {
            counter.bump(app, DailyCounter.Counted.REPORTED);
        }
        return database.inTenant(app.tenantId(), () -> find(app, messageId.value()));
    }

    /** The queue, oldest first. */
    public Page<ReviewItem> list(Actor.Member actor, AppId app, Filter filter, Page.Request request) {
        actor.require(Permission.MODERATION);
        AppRef ref = new AppRef(actor.tenantId(), app);
        Filter f = filter == null ? Filter.OPEN : filter;
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            StringBuilder sql = new StringBuilder("select " + COLUMNS
                    + " from moderation_reviews where tenant_id = :tenant and app_id = :app");
            Map<String, Object> params = new HashMap<>();
            params.put("tenant", ref.tenantId().value());
            params.put("app", app.value());
            if (f.status() != null) {
                sql.append(" and status = :status");
                params.put("status", f.status().wireName());
            }
            if (f.source() == Source.FLAG) {
                sql.append(" and cardinality(flagged_by) > 0");
            } else if (f.source() == Source.REPORT) {
                sql.append(" and report_count > 0");
            }
            if (f.senderId() != null) {
                sql.append(" and sender_id = :sender");
                params.put("sender", f.senderId().value());
            }
            if (f.conversationId() != null) {
                sql.append(" and conversation_id = :conversation");
                params.put("conversation", f.conversationId().value());
            }
            request.after().map(TimeCursor::parse).ifPresent(after -> {
                sql.append(" and (created_at, message_id) > (:afterTime, :afterId)");
                params.put("afterTime", after.time());
                params.put("afterId", after.id());
            });
            sql.append(" order by created_at, message_id limit :limit");
            params.put("limit", request.limit() + 1);
            List<ReviewItem> rows = database.jdbc().sql(sql.toString())
                    .params(params)
                    .query((rs, row) -> item(rs))
                    .list();
            Page<ReviewItem> page = Page.of(rows, request.limit(), item -> TimeCursor.key(item.createdAt(), item.messageId()));
            return new Page<>(complete(ref, page.items()), page.nextCursor());
        });
    }

    /** One queued message with the messages around it. */
    public InContext get(Actor.Member actor, AppId app, String messageId) {
        actor.require(Permission.MODERATION);
        UUID id = Ids.parse(messageId, "Message");
        AppRef ref = new AppRef(actor.tenantId(), app);
        ReviewItem item = database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            return find(ref, id);
        });
        int around = settings.contextMessages();
        HistoryPage context = history.read(ref, item.conversationId(), Optional.of(Math.max(0, item.seq() - around - 1)),
                Optional.of(item.seq() + around + 1), 2 * around + 1);
        return new InContext(item, context.items());
    }

    /** Decides about up to {@value #MAX_DECISIONS} queued messages at once, with one reason. */
    public List<ReviewItem> decide(Actor.Member actor, AppId app, List<String> messageIds, String decision, String reason) {
        actor.require(Permission.MODERATION);
        Decision chosen = Decision.of(decision);
        String why = reason(reason);
        if (messageIds == null || messageIds.isEmpty() || messageIds.size() > MAX_DECISIONS) {
            throw DomainException.invalid("messageIds must list 1 to " + MAX_DECISIONS + " messages");
        }
        List<UUID> ids = messageIds.stream().map(raw -> Ids.parse(raw, "Message")).distinct().toList();
        AppRef ref = new AppRef(actor.tenantId(), app);
        // every message must be in this app's queue before anything is decided
        database.runInTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            ids.forEach(id -> find(ref, id));
        });
        List<ReviewItem> decided = new ArrayList<>();
        for (UUID id : ids) {
            if (chosen == Decision.RECALL) {
                recall.recall(ref, new MessageId(id), Optional.empty());
            }
            decided.add(database.inTenant(actor.tenantId(), () -> {
                database.jdbc().sql("""
                                update moderation_reviews
                                   set status = ?, decided_at = now(), decided_by = ?, decision_reason = ?, updated_at = now()
                                 where tenant_id = ? and app_id = ? and message_id = ?""")
                        .params(chosen == Decision.RECALL ? "recalled" : "approved", actor.email(), why,
                                ref.tenantId().value(), app.value(), id)
                        .update();
                audit.record(actor, chosen == Decision.RECALL ? "moderation.message.recalled" : "moderation.message.approved",
                        "message", id.toString(), Map.of("appId", app.toString(), "reason", why));
                return find(ref, id);
            }));
        }
        return decided;
    }

    private ReviewItem find(AppRef app, UUID messageId) {
        ReviewItem item = database.jdbc().sql("select " + COLUMNS
                        + " from moderation_reviews where tenant_id = ? and app_id = ? and message_id = ?")
                .params(app.tenantId().value(), app.appId().value(), messageId)
                .query((rs, row) -> item(rs))
                .optional()
                .orElseThrow(() -> DomainException.notFound("Queued message"));
        return complete(app, List.of(item)).getFirst();
    }

    /**
     * Queue items as read, completed with their reports and with their messages as they are now (a
     * message that is gone leaves the body empty): messaging reads those, in one call for the page.
     */
    private List<ReviewItem> complete(AppRef app, List<ReviewItem> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<MessageId, List<ReviewItem.Report>> reports = new HashMap<>();
        database.jdbc().sql("""
                        select message_id, reporter_id, reason, created_at from moderation_reports
                         where tenant_id = ? and app_id = ? and message_id = any(?)
                         order by created_at""")
                .params(app.tenantId().value(), app.appId().value(),
                        items.stream().map(item -> item.messageId().value()).toArray(UUID[]::new))
                .query(rs -> {
                    reports.computeIfAbsent(new MessageId(rs.getObject("message_id", UUID.class)), id -> new ArrayList<>())
                            .add(new ReviewItem.Report(new UserId(rs.getString("reporter_id")), rs.getString("reason"),
                                    rs.getTimestamp("created_at").toInstant()));
                });
        Map<MessageId, Message> messages = history.find(app, items.stream().map(ReviewItem::messageId).toList());
        return items.stream()
                .map(item -> {
                    Optional<Message> message = Optional.ofNullable(messages.get(item.messageId()));
                    return new ReviewItem(item.messageId(), item.conversationId(), item.seq(), item.senderId(),
                            message.map(Message::body).orElse(null), message.map(Message::createdAt).orElse(null),
                            message.map(Message::recalledAt).orElse(null), item.flaggedBy(), item.matched(),
                            item.reportCount(), List.copyOf(reports.getOrDefault(item.messageId(), List.of())),
                            item.status(), item.createdAt(), item.updatedAt(), item.decidedAt(), item.decidedBy(),
                            item.decisionReason());
                })
                .toList();
    }

    /** A queue item as read, its reports and message still to be added ({@link #complete}). */
    private static ReviewItem item(ResultSet rs) throws SQLException {
        return new ReviewItem(new MessageId(rs.getObject("message_id", UUID.class)),
                new ConversationId(rs.getObject("conversation_id", UUID.class)), rs.getLong("seq"),
                new UserId(rs.getString("sender_id")), null, null, null,
                List.of((String[]) rs.getArray("flagged_by").getArray()), List.of((String[]) rs.getArray("matched").getArray()),
                rs.getInt("report_count"), List.of(), ReviewStatus.of(rs.getString("status")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("decided_at")), rs.getString("decided_by"), rs.getString("decision_reason"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String reason(String raw) {
        String reason = raw == null ? "" : raw.strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw DomainException.invalid("reason must be 1 to " + MAX_REASON + " characters");
        }
        return StorableText.check(reason, "reason");
    }
}
