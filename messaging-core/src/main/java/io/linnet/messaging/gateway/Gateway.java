package io.linnet.messaging.gateway;

import io.linnet.messaging.AppRef;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageRecalled;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.messaging.UserConnected;
import io.linnet.messaging.UserSignedOut;
import io.linnet.messaging.conversation.Inbox;
import io.linnet.messaging.message.HistoryPage;
import io.linnet.messaging.message.Message;
import io.linnet.messaging.message.MessageHistory;
import io.linnet.messaging.message.MessageRecall;
import io.linnet.messaging.message.MessageSender;
import io.linnet.messaging.message.MessageStored;
import io.linnet.messaging.message.OutgoingMessage;
import io.linnet.messaging.message.SentMessage;
import io.linnet.messaging.moderation.ReviewQueue;
import io.linnet.messaging.user.UserPrincipal;
import io.linnet.messaging.user.UserTokens;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a connection does from the moment it is open: authenticate with a user token, then have
 * each frame of docs/realtime.md handled (one at a time, in order) by the messaging services on
 * the user's behalf, and finally leave. Refused frames get an {@code error} frame and change
 * nothing; a connection that keeps sending refused frames is closed as abusive.
 */
@Component
class Gateway {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    /** How many of a user's conversations a {@code synced} frame lists (the most recently active). */
    static final int SYNCED_CONVERSATIONS = 500;

    private final GatewaySettings settings;
    private final MessagingSettings messaging;
    private final JsonMapper json;
    private final UserTokens tokens;
    private final MessageSender sender;
    private final MessageHistory history;
    private final MessageRecall recall;
    private final ReviewQueue reviews;
    private final Inbox inbox;
    private final LocalConnections local;
    private final Presence presence;
    private final Fanout fanout;
    private final ServerFrames frames;
    private final ApplicationEventPublisher events;

    Gateway(GatewaySettings settings, MessagingSettings messaging, JsonMapper json, UserTokens tokens, MessageSender sender,
            MessageHistory history, MessageRecall recall, ReviewQueue reviews, Inbox inbox, LocalConnections local, Presence presence,
            Fanout fanout, ServerFrames frames, ApplicationEventPublisher events) {
        this.settings = settings;
        this.messaging = messaging;
        this.json = json;
        this.tokens = tokens;
        this.sender = sender;
        this.history = history;
        this.recall = recall;
        this.reviews = reviews;
        this.inbox = inbox;
        this.local = local;
        this.presence = presence;
        this.fanout = fanout;
        this.frames = frames;
        this.events = events;
    }

    /** Checks a token and, if it is good and the user has room for another connection, lets the connection in. */
    void authenticate(Connection connection, String token) {
        Optional<UserPrincipal> verified = tokens.verify(token);
        if (verified.isEmpty()) {
            connection.close(Connection.CloseCodes.UNAUTHENTICATED, "Invalid, expired or revoked user token");
            return;
        }
        UserPrincipal user = verified.get();
        Presence.Registration registration = presence.register(user, connection.id(), settings.maxConnectionsPerUser());
        if (registration == Presence.Registration.TOO_MANY) {
            connection.close(Connection.CloseCodes.TOO_MANY_CONNECTIONS,
                    "Too many connections: at most " + settings.maxConnectionsPerUser() + " per user");
            return;
        }
        connection.authenticated(user);
        local.add(connection);
        if (!connection.isOpen()) {
            // it closed while we checked the token: leave as if it had been in
            left(connection);
            return;
        }
        connection.send(frames.ready(user.userId(), connection.id(), settings));
        boolean cameOnline = registration == Presence.Registration.CAME_ONLINE;
        if (cameOnline) {
            fanout.presenceChanged(user, true, Optional.empty());
        }
        events.publishEvent(new UserConnected(user.app(), user.userId(), cameOnline, Instant.now()));
    }

    /** The socket closed (for whatever reason): forget it, and tell contacts if the user is now offline everywhere. */
    void left(Connection connection) {
        UserPrincipal user = connection.user();
        if (user == null) {
            return;
        }
        local.remove(connection);
        try {
            presence.unregister(user, connection.id())
                    .ifPresent(lastSeen -> fanout.presenceChanged(user, false, Optional.of(lastSeen)));
        } catch (RuntimeException failed) {
            log.debug("Could not record that a connection of {} left: {}", user.userId(), failed.toString());
        }
    }

    /** Handles one text frame of a connection. */
    void handle(Connection connection, String text) {
        ClientFrame frame;
        try {
            frame = ClientFrame.parse(text, json);
        } catch (ClientFrame.Refused refused) {
            refuse(connection, refused.ref(), refused.code(), refused.getMessage());
            return;
        }
        UserPrincipal user = connection.user();
        if (user == null) {
            switch (frame) {
                case ClientFrame.Auth auth -> authenticate(connection, auth.token());
                case ClientFrame.Ping ping -> connection.send(frames.pong(ping.ref()));
                default -> connection.close(Connection.CloseCodes.UNAUTHENTICATED, "Authenticate first: send an auth frame");
            }
            return;
        }
        try {
            if (frame instanceof ClientFrame.Send || frame instanceof ClientFrame.Read || frame instanceof ClientFrame.Typing
                    || frame instanceof ClientFrame.Recall || frame instanceof ClientFrame.Report) {
                if (!connection.takeSendToken()) {
                    connection.send(frames.error(frame.ref(), "rate_limited",
                            "More than " + settings.sendsPerSecond() + " sends per second; this one was not stored"));
                    if (connection.overLimit(settings.sendsPerSecond() * 5)) {
                        connection.close(Connection.CloseCodes.POLICY_VIOLATION, "Sending far over the rate limit");
                    }
                    return;
                }
            }
            dispatch(connection, user, frame);
            connection.accepted();
        } catch (DomainException refused) {
            refuse(connection, frame.ref(), refused.code().wireName(), refused.getMessage());
        } catch (RuntimeException failed) {
            log.warn("Frame {} of {} in app {} failed", frame.getClass().getSimpleName(), user.userId(), user.appId(), failed);
            connection.send(frames.error(frame.ref(), "internal_error", "Something went wrong; try again"));
        }
    }

    private void dispatch(Connection connection, UserPrincipal user, ClientFrame frame) {
        AppRef app = user.app();
        switch (frame) {
            case ClientFrame.Send send -> {
                OutgoingMessage message = OutgoingMessage.of(user.userId().value(), send.clientMsgId(), send.body(), messaging);
                SentMessage sent = sender.send(app, send.conversationId(), message);
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
                var located = presence.locate(app, query.userIds());
                for (UserId other : query.userIds()) {
                    boolean online = located.containsKey(other);
                    connection.send(frames.presence(other, online, online ? Optional.empty() : presence.lastSeen(app, other)));
                }
            }
            case ClientFrame.Recall recallFrame -> recall.recall(app, recallFrame.messageId(), Optional.of(user.userId()));
            case ClientFrame.Report report -> {
                reviews.report(app, user.userId(), report.messageId(), report.reason());
                connection.send(frames.reported(report.ref(), report.messageId()));
            }
            case ClientFrame.Ping ping -> connection.send(frames.pong(ping.ref()));
            case ClientFrame.Auth auth -> throw DomainException.invalid("This connection is authenticated already");
        }
    }

    /** The gap of each listed conversation, in seq order, then every conversation of the user with unread counts. */
    private void sync(Connection connection, UserPrincipal user, ClientFrame.Sync sync) {
        List<ConversationId> unfinished = new ArrayList<>();
        for (ClientFrame.Sync.Cursor cursor : sync.conversations()) {
            HistoryPage gap = history.readAsMember(user.app(), user.userId(), cursor.id(), cursor.afterSeq(), sync.limit());
            for (Message message : gap.items()) {
                connection.send(frames.message(message));
            }
            if (gap.hasMore()) {
                unfinished.add(cursor.id());
            }
        }
        Page<Inbox.Entry> listing = inbox.conversations(user.app(), user.userId(), Page.Request.first(SYNCED_CONVERSATIONS));
        connection.send(frames.synced(sync.ref(), listing.items(), unfinished, listing.nextCursor().isPresent()));
    }

    private void refuse(Connection connection, String ref, String code, String detail) {
        connection.send(frames.error(ref, code, detail));
        if (connection.refused(settings.maxRefusedInARow())) {
            connection.close(Connection.CloseCodes.POLICY_VIOLATION, "Too many refused frames in a row");
        }
    }

    @EventListener
    void on(MessageStored stored) {
        fanout.messageStored(stored);
    }

    @EventListener
    void on(MessageRecalled recalled) {
        fanout.messageRecalled(recalled);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserSignedOut signedOut) {
        fanout.signedOut(signedOut);
    }
}
