package io.linnet.messaging.message;

import io.linnet.messaging.MessageId;

import java.time.Instant;

/**
 * What the sender is told once a send is committed (the {@code ack} frame, the REST answer): the
 * message's id and seq. {@code repeated} says that this was a retry of a send already stored, and
 * the id and seq are the original's. What happened, for other modules, is {@link io.linnet.messaging.MessageSent}.
 */
public record SendReceipt(MessageId messageId, long seq, Instant createdAt, boolean repeated) {
}
