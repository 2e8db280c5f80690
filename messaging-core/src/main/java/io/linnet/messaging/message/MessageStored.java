package io.linnet.messaging.message;

import io.linnet.messaging.AppRef;
import io.linnet.messaging.UserId;

import java.util.List;

/**
 * A message was committed: published by {@link MessageSender} after the commit, for the real-time
 * gateway, which delivers it to the members' devices and then announces the module-wide
 * {@link io.linnet.messaging.MessageSent} with the recipients it could not reach.
 *
 * @param recipientIds the conversation's members other than the sender, at the time of sending
 */
public record MessageStored(AppRef app, Message message, List<UserId> recipientIds) {

    public MessageStored {
        recipientIds = List.copyOf(recipientIds);
    }
}
