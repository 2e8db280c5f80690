package io.linnet.messaging.gateway;

import io.linnet.tenancy.AppRef;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.DeliveryMeter;
import io.linnet.messaging.MessageRecalled;
import io.linnet.messaging.UserId;
import io.linnet.messaging.UserSignedOut;
import io.linnet.messaging.Inbox;
import io.linnet.messaging.HistoryPage;
import io.linnet.messaging.Message;
import io.linnet.messaging.MessageHistory;
import io.linnet.messaging.message.LiveDelivery;
import io.linnet.messaging.user.UserPrincipal;
import io.linnet.tenancy.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers what happens in conversations to the devices of the people in them: on this node
 * straight to their connections, elsewhere through {@link ClusterRelay} to the nodes that hold
 * them, one publish per node. New messages come from the message feature through {@link LiveDelivery},
 * which learns in the same step who was connected nowhere (and announces them as offline).
 */
final class Fanout implements ConversationStreams.Deliverer, LiveDelivery {

    /** The most members a recall or a gap-fill reads, and the most contacts a presence change reaches. */
    static final int MEMBER_READ_LIMIT = 100_000;
    static final int CONTACT_LIMIT = 1_000;
    /** How old a message must be to be sure no send of it is still between its commit and its delivery. */
    static final Duration SETTLED_AFTER = Duration.ofSeconds(5);
    /** How long a node remembers that a tenant was stopped: far longer than checking a token can take. */
    static final Duration STOPS_REMEMBERED = Duration.ofMinutes(5);

    private final LocalConnections local;
    private final Presence presence;
    private final ClusterRelay relay;
    private final ServerFrames frames;
    private final Inbox inbox;
    private final MessageHistory history;
    private final DeliveryMeter meter;
    private final Map<TenantId, Long> tenantsStopped = new ConcurrentHashMap<>();
    private ConversationStreams streams;

    Fanout(LocalConnections local, Presence presence, ClusterRelay relay, ServerFrames frames, Inbox inbox,
           MessageHistory history, DeliveryMeter meter) {
        this.local = local;
        this.presence = presence;
        this.relay = relay;
        this.frames = frames;
        this.inbox = inbox;
        this.history = history;
        this.meter = meter;
    }

    void orderWith(ConversationStreams streams) {
        this.streams = streams;
    }

    /** A message was committed: to every device of every member, the sender's included. */
    @Override
    public Set<UserId> deliver(AppRef app, Message message, List<UserId> recipients) {
        List<UserId> audience = new ArrayList<>(recipients.size() + 1);
        audience.add(message.senderId());
        audience.addAll(recipients);
        Set<UserId> unreachable = route(app, audience, ClusterRelay.Envelope.Kind.MESSAGE, message.conversationId(),
                message.seq(), frames.message(message));
        unreachable.remove(message.senderId());
        return unreachable;
    }

    @Override
    public Set<UserId> unreachable(AppRef app, List<UserId> users) {
        List<UserId> elsewhere = users.stream().filter(user -> !local.has(app, user)).toList();
        return relay.alone() ? new LinkedHashSet<>(elsewhere) : new LinkedHashSet<>(presence.offline(app, elsewhere));
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
            relay.sendToEveryNode(ClusterRelay.Envelope.toUsers(ClusterRelay.Envelope.Kind.SIGN_OUT, signedOut.app(),
                    List.of(signedOut.userId()), null, 0, null));
        }
    }

    /**
     * A tenant was suspended or deleted: close its connections here and on every other node (4003).
     * Each node remembers when, so that a connection whose token was checked just before and that
     * joins just after is closed too.
     */
    void tenantStopped(TenantId tenant) {
        closeTenantLocally(tenant);
        if (!relay.alone()) {
            relay.sendToEveryNode(ClusterRelay.Envelope.tenantStopped(tenant));
        }
    }

    /** Whether {@code tenant} was stopped on this node at or after {@code since} (System.nanoTime()). */
    boolean stoppedSince(TenantId tenant, long since) {
        Long stopped = tenantsStopped.get(tenant);
        return stopped != null && stopped - since >= 0;
    }

    private void closeTenantLocally(TenantId tenant) {
        long now = System.nanoTime();
        tenantsStopped.values().removeIf(stopped -> now - stopped > STOPS_REMEMBERED.toNanos());
        // remembered before the connections are looked at: one that joins meanwhile sees it (see Gateway.authenticate)
        tenantsStopped.put(tenant, now);
        for (Connection connection : local.ofTenant(tenant)) {
            connection.close(Connection.CloseCodes.SIGNED_OUT, "The tenant was suspended or deleted");
        }
    }

    /** Something another node sent this one. */
    void received(ClusterRelay.Envelope envelope) {
        switch (envelope.kind()) {
            case MESSAGE -> streams.accept(envelope.app(), envelope.conversation(),
                    new ConversationStreams.Delivery(envelope.seq(), envelope.users(), envelope.frame()));
            case FRAME -> deliverLocally(envelope.app(), envelope.users(), envelope.frame());
            case SIGN_OUT -> closeLocally(envelope.app(), envelope.users());
            case TENANT_STOPPED -> closeTenantLocally(envelope.tenant());
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
        byNode.forEach((node, nodeUsers) -> relay.send(node, ClusterRelay.Envelope.toUsers(kind, app, nodeUsers, conversation, seq, frame)));
        return unreachable;
    }

    /** Sends {@code frame} to every device of {@code users} this node holds; answers how many. */
    private int deliverLocally(AppRef app, List<UserId> users, byte[] frame) {
        int devices = 0;
        for (UserId user : users) {
            for (Connection connection : local.of(app, user)) {
                connection.send(frame);
                devices++;
            }
        }
        return devices;
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
        int devices = deliverLocally(app, delivery.users(), delivery.frame());
        if (devices > 0) {
            meter.delivered(app, devices);
        }
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
