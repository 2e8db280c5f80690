package io.linnet.messaging.message;

import io.linnet.messaging.MessageId;

import java.time.Instant;

/**
 * The answer to a send: the message's id and seq. {@code repeated} says that this was a retry of a
 * send already stored, and the id and seq are the original's.
 */
public record SentMessage(MessageId messageId, long seq, Instant createdAt, boolean repeated) {
}
