package io.linnet.messaging.message;

import io.linnet.messaging.Message;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppRef;

import java.util.List;
import java.util.Set;

/**
 * Where a newly stored message goes to the devices connected now; the real-time gateway implements
 * it. {@link MessageSender} hands each stored message here once, after the commit, and learns in the
 * same step who had no device connected anywhere: it then announces
 * {@link io.linnet.messaging.MessageSent} itself, so the modules that react to it (offline push,
 * billing) never depend on the gateway, and nobody looks up who is online twice.
 */
public interface LiveDelivery {

    /** With no gateway: nobody is ever connected. */
    LiveDelivery NONE = new LiveDelivery() {
        @Override
        public Set<UserId> deliver(AppRef app, Message message, List<UserId> recipients) {
            return Set.copyOf(recipients);
        }

        @Override
        public Set<UserId> unreachable(AppRef app, List<UserId> users) {
            return Set.copyOf(users);
        }
    };

    /**
     * Delivers {@code message} to every connected device of its sender and of {@code recipients}, here
     * and on the other nodes, in seq order per conversation; answers the recipients connected nowhere.
     */
    Set<UserId> deliver(AppRef app, Message message, List<UserId> recipients);

    /**
     * Which of {@code users} are connected nowhere now, delivering nothing: for a message announced
     * again after its first announcement was lost.
     */
    Set<UserId> unreachable(AppRef app, List<UserId> users);
}
