package io.linnet.messaging.gateway;

import io.linnet.tenancy.AppRef;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageRecalled;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.messaging.UserConnected;
import io.linnet.messaging.UserDisconnected;
import io.linnet.messaging.UserSignedOut;
import io.linnet.messaging.ConnectionAllowance;
import io.linnet.messaging.Inbox;
import io.linnet.messaging.HistoryPage;
import io.linnet.messaging.Message;
import io.linnet.messaging.MessageHistory;
import io.linnet.messaging.MessageRecall;
import io.linnet.messaging.MessageReports;
import io.linnet.messaging.message.MessageSender;
import io.linnet.messaging.SubmittedMessage;
import io.linnet.messaging.message.SendReceipt;
import io.linnet.messaging.user.UserPrincipal;
import io.linnet.messaging.user.UserTokens;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.LimitExceeded;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.TenantStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a connection does from the moment it is open: authenticate with a user token, then have
 * each frame of docs/realtime.md handled (one at a time, in order) by the messaging services on
 * the user's behalf, and finally leave. Every frame is paid for from the connection's budget
 * ({@link FrameCosts}) and answered; refused frames get an {@code error} frame and change
 * nothing; a connection that keeps sending refused frames, or far over its budget, is closed as abusive.
 */
@Component
class Gateway implements Connection.Handler {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    /** How many of a user's conversations a {@code synced} frame lists (the most recently active). */
    static final int SYNCED_CONVERSATIONS = 500;
    /** How long a client should wait before sending a frame again that failed for an outage. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final GatewaySettings settings;
    private final MessagingSettings messaging;
    private final JsonMapper json;
    private final UserTokens tokens;
    private final MessageSender sender;
    private final MessageHistory history;
    private final MessageRecall recall;
    private final MessageReports reports;
    private final Inbox inbox;
    private final LocalConnections local;
    private final Presence presence;
    private final Fanout fanout;
    private final ServerFrames frames;
    private final ApplicationEventPublisher events;
    private final ConnectionAllowance allowance;

    Gateway(GatewaySettings settings, MessagingSettings messaging, JsonMapper json, UserTokens tokens, MessageSender sender,
            MessageHistory history, MessageRecall recall, ObjectProvider<MessageReports> reports, Inbox inbox,
            LocalConnections local, Presence presence, Fanout fanout, ServerFrames frames, ApplicationEventPublisher events,
            ObjectProvider<ConnectionAllowance> allowance) {
        this.allowance = allowance.getIfAvailable(() -> ConnectionAllowance.NONE);
        this.settings = settings;
        this.messaging = messaging;
        this.json = json;
        this.tokens = tokens;
        this.sender = sender;
        this.history = history;
        this.recall = recall;
        this.reports = reports.getIfAvailable(() -> MessageReports.NONE);
        this.inbox = inbox;
        this.local = local;
        this.presence = presence;
        this.fanout = fanout;
        this.frames = frames;
        this.events = events;
    }

    /** The token the client put in the URL, checked before any of its frames. */
    @Override
    public void authenticate(Connection connection, String token) {
        try {
            letIn(connection, token);
        } catch (Throwable failed) {
            failed(connection, null, "auth", null, failed);
        }
    }

    /**
     * Checks a token and, if it is good and the user has room for another connection, lets the
     * connection in, for as long as the token lives.
     */
    private void letIn(Connection connection, String token) {
        if (connection.user() != null) {
            throw DomainException.invalid("This connection is authenticated already");
        }
        long checkedFrom = System.nanoTime();
        Optional<UserTokens.VerifiedToken> verified;
        try {
            verified = tokens.verifyWithExpiry(token);
        } catch (RuntimeException failed) {
            if (!storeOutOfReach(failed)) {
                throw failed;
            }
            // the token cannot be checked (the database is out of reach): refused, never let in unchecked
            log.warn("Could not check a user token: {}", failed.getClass().getSimpleName());
            connection.close(Connection.CloseCodes.TRY_AGAIN_LATER, "The service is briefly unavailable; reconnect in a moment");
            return;
        }
        if (verified.isEmpty()) {
            connection.close(Connection.CloseCodes.UNAUTHENTICATED, "Invalid, expired or revoked user token, or a suspended tenant");
            return;
        }
        UserPrincipal user = verified.get().principal();
        int maxPerApp;
        try {
            allowance.admitConnection(user.app(), user.userId());
            maxPerApp = allowance.maxConnections(user.app());
        } catch (LimitExceeded refused) {
            connection.send(frames.limited(null, refused));
            connection.close(Connection.CloseCodes.QUOTA_EXCEEDED, "The app's plan allows no more monthly active users this period");
            return;
        }
        Presence.Registration registration;
        try {
            registration = presence.register(user, connection.id(), settings.maxConnectionsPerUser(), maxPerApp);
        } catch (RuntimeException redisAway) {
            // presence is soft: without Redis the connection is let in unclaimed (its claim is made at the
            // next renewal once Redis is back) and the per-user connection limit waits until then
            log.debug("Could not claim a connection in app {}: {}", user.appId(), redisAway.getClass().getSimpleName());
            registration = Presence.Registration.ANOTHER_DEVICE;
        }
        if (registration == Presence.Registration.TOO_MANY) {
            connection.close(Connection.CloseCodes.TOO_MANY_CONNECTIONS,
                    "Too many connections: at most " + settings.maxConnectionsPerUser() + " per user");
            return;
        }
        if (registration == Presence.Registration.APP_FULL) {
            connection.close(Connection.CloseCodes.APP_CONNECTIONS_FULL,
                    "The app's plan allows at most " + maxPerApp + " connections at once");
            return;
        }
        if (!connection.authenticated(user)) {
            // cannot happen while a connection's items are handled one at a time; if it ever did, the first user stays
            presence.unregister(user, connection.id());
            throw DomainException.invalid("This connection is authenticated already");
        }
        local.add(connection);
        if (!connection.isOpen()) {
            // it closed while we checked the token: leave as if it had been in
            left(connection);
            return;
        }
        if (fanout.stoppedSince(user.tenantId(), checkedFrom)) {
            // the tenant was suspended or deleted while the token was being checked, too late for that check to see it
            connection.close(Connection.CloseCodes.SIGNED_OUT, "The tenant was suspended or deleted");
            return;
        }
        connection.expiresAt(verified.get().expiresAt());
        connection.send(frames.ready(user.userId(), connection.id(), verified.get().expiresAt(), settings));
        boolean cameOnline = registration == Presence.Registration.CAME_ONLINE;
        if (cameOnline) {
            fanout.presenceChanged(user, true, Optional.empty());
        }
        if (connection.announceConnected()) {
            events.publishEvent(new UserConnected(user.app(), user.userId(), cameOnline, Instant.now()));
        }
    }

    /** The socket closed (for whatever reason): forget it, and tell contacts if the user is now offline everywhere. */
    void left(Connection connection) {
        UserPrincipal user = connection.user();
        if (user == null) {
            return;
        }
        local.remove(connection);
        if (connection.announceDisconnected()) {
            events.publishEvent(new UserDisconnected(user.app(), user.userId(), Instant.now()));
        }
        try {
            presence.unregister(user, connection.id())
                    .ifPresent(lastSeen -> fanout.presenceChanged(user, false, Optional.of(lastSeen)));
        } catch (RuntimeException failed) {
            log.debug("Could not record that a connection of {} left: {}", user.userId(), failed.toString());
        }
    }

    /**
     * Handles one text frame of a connection. Every frame is answered, whatever happens: with its
     * answer, or an {@code error} frame (an unexpected failure is {@code internal_error}, with an id to
     * find it in the log), and the connection lives on.
     */
    @Override
    public void handle(Connection connection, String text) {
        ClientFrame frame = null;
        try {
            frame = ClientFrame.parse(text, json);
            handle(connection, frame);
        } catch (ClientFrame.Refused refused) {
            if (afford(connection, refused.ref(), FrameCosts.UNREADABLE)) {
                refuse(connection, refused.ref(), refused.code(), refused.getMessage());
            }
        } catch (LimitExceeded limited) {
            connection.send(frames.limited(frame == null ? null : frame.ref(), limited));
        } catch (DomainException refused) {
            refuse(connection, frame == null ? null : frame.ref(), refused.code().wireName(), refused.getMessage());
        } catch (Throwable failed) {
            String frameType = frame == null ? "unparsed" : frame.getClass().getSimpleName();
            String ref = frame == null ? null : frame.ref();
            if (storeOutOfReach(failed)) {
                log.warn("Frame {} failed while the database or Redis was out of reach: {}", frameType,
                        failed.getClass().getSimpleName());
                connection.send(frames.unavailable(ref, RETRY_AFTER));
                return;
            }
            failed(connection, ref, frameType, connection.user(), failed);
        }
    }

    private void handle(Connection connection, ClientFrame frame) {
        UserPrincipal user = connection.user();
        if (user == null) {
            switch (frame) {
                case ClientFrame.Auth auth -> letIn(connection, auth.token());
                case ClientFrame.Ping ping -> {
                    if (afford(connection, ping.ref(), FrameCosts.upFront(ping))) {
                        connection.send(frames.pong(ping.ref()));
                    }
                }
                default -> connection.close(Connection.CloseCodes.UNAUTHENTICATED, "Authenticate first: send an auth frame");
            }
            return;
        }
        if (!afford(connection, frame.ref(), FrameCosts.upFront(frame))) {
            return;
        }
        if (FrameCosts.isWrite(frame) && !connection.takeSendToken()) {
            rateLimited(connection, frame.ref(), connection.sendRetryAfterMillis(),
                    "More than " + settings.sendsPerSecond() + " sends per second; this one was not stored");
            return;
        }
        dispatch(connection, user, frame);
        connection.accepted();
    }

    /** Takes a frame's cost from the connection's budget, or answers {@code rate_limited}: false when it cannot pay. */
    private boolean afford(Connection connection, String ref, double cost) {
        if (connection.takeFromBudget(cost)) {
            return true;
        }
        rateLimited(connection, ref, connection.budgetRetryAfterMillis(cost), "Over this connection's frame budget; nothing was done");
        return false;
    }

    private void rateLimited(Connection connection, String ref, long retryAfterMillis, String detail) {
        connection.send(frames.rateLimited(ref, detail, retryAfterMillis));
        if (connection.overLimit(settings.sendsPerSecond() * 5)) {
            connection.close(Connection.CloseCodes.POLICY_VIOLATION, "Sending far over the rate limit");
        }
    }

    /** An unexpected failure: logged with an id and no content, answered with that id. */
    private void failed(Connection connection, String ref, String frameType, UserPrincipal user, Throwable failure) {
        String errorId = Long.toHexString(ThreadLocalRandom.current().nextLong());
        log.warn("Frame {} of a user in app {} failed (error {}): {}", frameType, user == null ? "-" : user.appId(), errorId,
                Failures.summary(failure));
        connection.send(frames.internalError(ref, errorId));
    }

    private void dispatch(Connection connection, UserPrincipal user, ClientFrame frame) {
        AppRef app = user.app();
        switch (frame) {
            case ClientFrame.Send send -> {
                SubmittedMessage message = SubmittedMessage.of(user.userId().value(), send.clientMsgId(), send.body(), messaging);
                SendReceipt sent = sender.send(app, send.conversationId(), message);
                connection.send(frames.ack(send.ref(), send.clientMsgId(), send.conversationId(), sent));
            }
            case ClientFrame.Sync sync -> sync(connection, user, sync);
            case ClientFrame.Read read -> inbox.markRead(app, user.userId(), read.conversationId(), read.seq())
                    .ifPresent(marked -> fanout.readMarked(app, marked, settings.liveEventMemberLimit()));
            case ClientFrame.ReadCount count ->
                    connection.send(frames.readCount(count.ref(), inbox.readCount(app, user.userId(), count.conversationId(), count.seq())));
            case ClientFrame.Typing typing -> inbox.membersIfAtMost(app, user.userId(), typing.conversationId(), settings.liveEventMemberLimit())
                    .ifPresent(members -> fanout.typing(app, typing.conversationId(), user.userId(), members));
            case ClientFrame.Presence query -> {
                // two round trips to Redis however many users are asked about
                var located = presence.locate(app, query.userIds());
                var lastSeen = presence.lastSeen(app, query.userIds().stream().filter(other -> !located.containsKey(other)).toList());
                for (UserId other : query.userIds()) {
                    boolean online = located.containsKey(other);
                    connection.send(frames.presence(other, online, Optional.ofNullable(lastSeen.get(other))));
                }
            }
            case ClientFrame.Recall recallFrame -> recall.recall(app, recallFrame.messageId(), Optional.of(user.userId()));
            case ClientFrame.Report report -> {
                reports.report(app, user.userId(), report.messageId(), report.reason());
                connection.send(frames.reported(report.ref(), report.messageId()));
            }
            case ClientFrame.Ping ping -> connection.send(frames.pong(ping.ref()));
            case ClientFrame.Auth auth -> throw DomainException.invalid("This connection is authenticated already");
        }
    }

    /** The gap of each listed conversation, in seq order, then every conversation of the user with unread counts. */
    private void sync(Connection connection, UserPrincipal user, ClientFrame.Sync sync) {
        List<ConversationId> unfinished = new ArrayList<>();
        int returned = 0;
        try {
            for (ClientFrame.Sync.Cursor cursor : sync.conversations()) {
                HistoryPage gap = history.readAsMember(user.app(), user.userId(), cursor.id(), cursor.afterSeq(), sync.limit());
                for (Message message : gap.items()) {
                    connection.send(frames.message(message));
                }
                returned += gap.items().size();
                if (gap.hasMore()) {
                    unfinished.add(cursor.id());
                }
            }
        } finally {
            // what a sync returned is known only now: the budget pays for it, below zero if need be
            connection.chargeBudget(returned * FrameCosts.SYNC_PER_MESSAGE);
        }
        Page<Inbox.Entry> listing = inbox.conversations(user.app(), user.userId(), Page.Request.first(SYNCED_CONVERSATIONS));
        connection.send(frames.synced(sync.ref(), listing.items(), unfinished, listing.nextCursor().isPresent()));
    }

    /**
     * Whether a failure means the database or Redis is out of reach (stopped, restarting): the frame
     * will work once it is back, so the client is told {@code unavailable} and when to retry. The
     * REST side answers the same failures 503 (the server's {@code Outages}).
     */
    static boolean storeOutOfReach(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && storeOutOfReach(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private void refuse(Connection connection, String ref, String code, String detail) {
        // the code only: a refusal's detail may quote what the client sent
        log.debug("Refused a frame: {}", code);
        connection.send(frames.error(ref, code, detail));
        if (connection.refused(settings.maxRefusedInARow())) {
            connection.close(Connection.CloseCodes.POLICY_VIOLATION, "Too many refused frames in a row");
        }
    }

    @EventListener
    void on(MessageRecalled recalled) {
        fanout.messageRecalled(recalled);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserSignedOut signedOut) {
        fanout.signedOut(signedOut);
    }

    /** A suspended or deleted tenant's connections close on every node, once that is committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(TenantStatusChanged changed) {
        if (changed.change().stopsTraffic()) {
            fanout.tenantStopped(changed.tenantId());
        }
    }
}
