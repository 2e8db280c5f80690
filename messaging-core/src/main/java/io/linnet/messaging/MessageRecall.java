package io.linnet.messaging;

import io.linnet.messaging.message.MessageRows;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Recall: a message's content is erased for everyone; it keeps its seq and says when it was
 * recalled. Its sender may recall it within the configured window; the app (an admin) at any
 * time. Recalling it again changes nothing. {@link MessageRecalled} is published after the commit,
 * outside the transaction.
 */
@Service
public class MessageRecall {

    /** What a recalled message's body becomes. */
    static final String RECALLED_BODY = "{\"type\":\"recalled\"}";

    private final TenantDatabase database;
    private final MessagingSettings settings;
    private final ApplicationEventPublisher events;

    public MessageRecall(TenantDatabase database, MessagingSettings settings, ApplicationEventPublisher events) {
        this.database = database;
        this.settings = settings;
        this.events = events;
    }

    /**
     * @param by the sender recalling their own message, or empty for the app's own (admin) recall
     */
    public Message recall(AppRef app, MessageId id, Optional<UserId> by) {
        record Recalled(Message message, boolean now) {
        }
        Recalled outcome = database.inTenant(app.tenantId(), () -> {
            record Locked(Message message, boolean withinWindow) {
            }
            Locked locked = database.jdbc().sql("""
                            select %s, created_at >= now() - :window * interval '1 millisecond' as within_window
                              from messages
                             where tenant_id = :tenant and app_id = :app and id = :id
                               for update""".formatted(MessageRows.COLUMNS))
                    .param("window", settings.recallWindow().toMillis())
                    .param("tenant", app.tenantId().value())
                    .param("app", app.appId().value())
                    .param("id", id.value())
                    .query((rs, row) -> new Locked(MessageRows.message(rs, row), rs.getBoolean("within_window")))
                    .optional()
                    .orElseThrow(() -> DomainException.notFound("Message"));
            if (by.isPresent()) {
                if (!by.get().equals(locked.message().senderId())) {
                    throw DomainException.forbidden("Only the sender of a message may recall it (or the app, without userId)");
                }
                if (!locked.withinWindow() && locked.message().recalledAt() == null) {
                    throw DomainException.forbidden("A sender may recall a message only within "
                            + settings.recallWindow().toSeconds() + " seconds of sending it");
                }
            }
            if (locked.message().recalledAt() != null) {
                return new Recalled(locked.message(), false);
            }
            Message recalled = database.jdbc().sql("""
                            update messages set body = cast(:body as jsonb), recalled_at = now()
                             where tenant_id = :tenant and app_id = :app and id = :id
                            returning %s""".formatted(MessageRows.COLUMNS))
                    .param("body", RECALLED_BODY)
                    .param("tenant", app.tenantId().value())
                    .param("app", app.appId().value())
                    .param("id", id.value())
                    .query(MessageRows::message)
                    .single();
            return new Recalled(recalled, true);
        });
        Message message = outcome.message();
        if (outcome.now()) {
            // published once the transaction is over, so what listeners do runs in transactions of their own
            events.publishEvent(new MessageRecalled(app.tenantId(), app.appId(), message.conversationId(),
                    message.messageId(), message.seq(), by, message.recalledAt()));
        }
        return message;
    }
}
