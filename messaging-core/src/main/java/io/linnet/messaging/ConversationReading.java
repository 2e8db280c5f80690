package io.linnet.messaging;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.Optional;

/**
 * A console member reading the messages of one of an app's conversations. Message content is the
 * end users' and not the tenant team's to browse idly: only a role with
 * {@link Permission#MESSAGES_READ} may open a conversation's history, and each opening is written to
 * the audit log (once per opening; the pages scrolled through after it add nothing).
 */
@Service
public class ConversationReading {

    /** The audit action an opening records, with the conversation as its target. */
    public static final String AUDIT_ACTION = "messages.read";

    private final TenantDatabase database;
    private final AuditLog audit;
    private final MessageHistory history;

    public ConversationReading(TenantDatabase database, AuditLog audit, MessageHistory history) {
        this.database = database;
        this.audit = audit;
        this.history = history;
    }

    /**
     * Opens {@code conversation} of the reader's tenant's app for reading, and records that they did.
     * The answer reads the history; it is the only way to it for a console member.
     */
    public Opened open(Actor.Member reader, AppRef app, ConversationId conversation) {
        reader.require(Permission.MESSAGES_READ);
        if (!reader.tenantId().equals(app.tenantId())) {
            throw DomainException.notFound("Conversation");
        }
        database.runInTenant(app.tenantId(), () -> {
            boolean exists = database.jdbc().sql("select count(*) from conversations where tenant_id = ? and app_id = ? and id = ?")
                    .params(app.tenantId().value(), app.appId().value(), conversation.value())
                    .query(Integer.class)
                    .single() > 0;
            if (!exists) {
                throw DomainException.notFound("Conversation");
            }
            audit.record(reader, AUDIT_ACTION, "conversation", conversation.toString(),
                    Map.of("appId", app.appId().toString()));
        });
        return new Opened(app, conversation);
    }

    /** A conversation opened for reading: its history, newest first a page at a time. */
    public final class Opened {

        private final AppRef app;
        private final ConversationId conversation;

        private Opened(AppRef app, ConversationId conversation) {
            this.app = app;
            this.conversation = conversation;
        }

        public ConversationId conversation() {
            return conversation;
        }

        /** The latest {@code limit} messages before {@code beforeSeq} (from the newest when empty), in ascending seq. */
        public HistoryPage before(Optional<Long> beforeSeq, int limit) {
            return history.read(app, conversation, Optional.empty(), beforeSeq, limit);
        }
    }
}
