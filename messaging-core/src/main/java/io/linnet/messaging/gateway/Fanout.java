package io.linnet.messaging.gateway;

import io.linnet.messaging.AppRef;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageRecalled;
import io.linnet.messaging.MessageSent;
import io.linnet.messaging.UserId;
import io.linnet.messaging.UserSignedOut;
import io.linnet.messaging.conversation.Inbox;
import io.linnet.messaging.message.HistoryPage;
import io.linnet.messaging.message.Message;
import io.linnet.messaging.message.MessageHistory;
import io.linnet.messaging.message.MessageStored;
import io.linnet.messaging.user.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers what happens in conversations to the devices of the people in them: on this node
 * straight to their connections, elsewhere through {@link ClusterRelay} to the nodes that hold
 * them, one publish per node. After a message is delivered it announces {@link MessageSent}, naming
 * the recipients who were connected nowhere (offline push picks them up).
 */
final class Fanout implements ConversationStreams.Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Fanout.class);
    /** The most members a recall or a gap-fill reads, and the most contacts a presence change reaches. */
    static final int MEMBER_READ_LIMIT = 100_000;
    static final int CONTACT_LIMIT = 1_000;
    /** How old a message must be to be sure no send of it is still between its commit and its delivery. */
    static final Duration SETTLED_AFTER = Duration.ofSeconds(5);

    private final LocalConnections local;
    private final Presence presence;
    private final ClusterRelay relay;
    private final ServerFrames frames;
    private final Inbox inbox;
    private final MessageHistory history;
    private final ApplicationEventPublisher events;
    private ConversationStreams streams;

    Fanout(LocalConnections local, Presence presence, ClusterRelay relay, ServerFrames frames, Inbox inbox,
           MessageHistory history, ApplicationEventPublisher events) {
        this.local = local;
        this.presence = presence;
        this.relay = relay;
        this.frames = frames;
        this.inbox = inbox;
        this.history = history;
        this.events = events;
    }

    void orderWith(ConversationStreams streams) {
        this.streams = streams;
    }

    /** A message was committed: to every device of every member, the sender's included; then {@link MessageSent}. */
    void messageStored(MessageStored stored) {
        Message message = stored.message();
        List<UserId> offline = stored.recipientIds();
        try {
            List<UserId> audience = new ArrayList<>(stored.recipientIds().size() + 1);
            audience.add(message.senderId());
            audience.addAll(stored.recipientIds());
            Set<UserId> unreachable = route(stored.app(), audience, ClusterRelay.Envelope.Kind.MESSAGE,
                    message.conversationId(), message.seq(), frames.message(message));
            offline = stored.recipientIds().stream().filter(unreachable::contains).toList();
        } catch (RuntimeException failed) {
            log.warn("Delivering message {} failed", message.messageId(), failed);
        } finally {
            events.publishEvent(new MessageSent(stored.app().tenantId(), stored.app().appId(), message.conversationId(),
                    message.messageId(), message.seq(), message.senderId(), stored.recipientIds(), offline,
                    message.body(), message.createdAt()));
        }
    }

    void messageRecalled(MessageRecalled recalled) {
        AppRef app = new AppRef(recalled.tenantId(), recalled.appId());
        List<UserId> members = inbox.members(app, recalled.conversationId(), MEMBER_READ_LIMIT);
        route(app, members, ClusterRelay.Envelope.Kind.FRAME, null, 0, frames.recalled(recalled));
    }

    /** A read marker moved: to the reader's other devices, and to the other members of a small enough conversation. */
    void readMarked(AppRef app, Inbox.ReadMarked marked, int memberLimit) {
        List<UserId> audience = marked.memberCount() <= memberLimit
                ? inbox.members(app, marked.conversationId(), memberLimit)
                : List.of(marked.reader());
        route(app, audience, ClusterRelay.Envelope.Kind.FRAME, null, 0, frames.receipt(marked));
    }

    void typing(AppRef app, ConversationId conversation, UserId typist, List<UserId> members) {
        List<UserId> others = members.stream().filter(member -> !member.equals(typist)).toList();
        route(app, others, ClusterRelay.Envelope.Kind.FRAME, null, 0, frames.typing(conversation, typist));
    }

    /** A user came online (first device anywhere) or went offline (last one): to the people they talk to directly. */
    void presenceChanged(UserPrincipal user, boolean online, Optional<Instant> lastSeen) {
        List<UserId> contacts = inbox.directContacts(user.app(), user.userId(), CONTACT_LIMIT);
        route(user.app(), contacts, ClusterRelay.Envelope.Kind.FRAME, null, 0, frames.presence(user.userId(), online, lastSeen));
    }

    /** A user's tokens stopped working: close their connections here and on every other node. */
    void signedOut(UserSignedOut signedOut) {
        closeLocally(signedOut.app(), List.of(signedOut.userId()));
        if (!relay.alone()) {
            relay.sendToEveryNode(new ClusterRelay.Envelope(ClusterRelay.Envelope.Kind.SIGN_OUT, signedOut.app(),
                    List.of(signedOut.userId()), null, 0, null));
        }
    }

    /** Something another node sent this one. */
    void received(ClusterRelay.Envelope envelope) {
        switch (envelope.kind()) {
            case MESSAGE -> streams.accept(envelope.app(), envelope.conversation(),
                    new ConversationStreams.Delivery(envelope.seq(), envelope.users(), envelope.frame()));
            case FRAME -> deliverLocally(envelope.app(), envelope.users(), envelope.frame());
            case SIGN_OUT -> closeLocally(envelope.app(), envelope.users());
            case JOINED -> {
                // handled by the relay itself
            }
        }
    }

    /**
     * Sends a frame to every device of {@code users}: those on this node directly (a message through
     * its conversation's stream, so it keeps seq order), the others through one envelope per node
     * that holds any of them. Answers the users connected nowhere.
     */
    private Set<UserId> route(AppRef app, List<UserId> users, ClusterRelay.Envelope.Kind kind, ConversationId conversation,
                              long seq, byte[] frame) {
        List<UserId> here = new ArrayList<>();
        Set<UserId> unreachable = new LinkedHashSet<>();
        for (UserId user : users) {
            (local.has(app, user) ? here : unreachable).add(user);
        }
        if (kind == ClusterRelay.Envelope.Kind.MESSAGE) {
            // every message passes through its stream here, even with no one to deliver to, so the stream's seq keeps up
            streams.accept(app, conversation, new ConversationStreams.Delivery(seq, here, frame));
        } else {
            deliverLocally(app, here, frame);
        }
        if (relay.alone() || users.isEmpty()) {
            return unreachable;
        }
        Map<String, List<UserId>> byNode = new HashMap<>();
        presence.locate(app, users).forEach((user, nodes) -> {
            for (String node : nodes) {
                if (!node.equals(relay.nodeId())) {
                    byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(user);
                    unreachable.remove(user);
                }
            }
        });
        byNode.forEach((node, nodeUsers) -> relay.send(node, new ClusterRelay.Envelope(kind, app, nodeUsers, conversation, seq, frame)));
        return unreachable;
    }

    private void deliverLocally(AppRef app, List<UserId> users, byte[] frame) {
        for (UserId user : users) {
            for (Connection connection : local.of(app, user)) {
                connection.send(frame);
            }
        }
    }

    private void closeLocally(AppRef app, List<UserId> users) {
        for (UserId user : users) {
            for (Connection connection : local.of(app, user)) {
                connection.close(Connection.CloseCodes.SIGNED_OUT, "Signed out: the user's tokens were revoked");
            }
        }
    }

    @Override
    public void deliver(AppRef app, ConversationStreams.Delivery delivery) {
        deliverLocally(app, delivery.users(), delivery.frame());
    }

    @Override
    public long settledBefore(AppRef app, ConversationId conversation, long seq) {
        return history.lastSettledSeq(app, conversation, seq, SETTLED_AFTER);
    }

    @Override
    public List<ConversationStreams.Delivery> missing(AppRef app, ConversationId conversation, long afterSeq, long beforeSeq) {
        List<UserId> here = inbox.members(app, conversation, MEMBER_READ_LIMIT).stream()
                .filter(member -> local.has(app, member))
                .toList();
        List<ConversationStreams.Delivery> missing = new ArrayList<>();
        long after = afterSeq;
        while (after < beforeSeq - 1) {
            HistoryPage page = history.read(app, conversation, Optional.of(after), Optional.of(beforeSeq), 100);
            for (Message message : page.items()) {
                missing.add(new ConversationStreams.Delivery(message.seq(), here, frames.message(message)));
                after = message.seq();
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                break;
            }
        }
        return missing;
    }
}
