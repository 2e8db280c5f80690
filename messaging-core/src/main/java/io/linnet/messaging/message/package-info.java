/**
 * Messages: sending with a gap-free per-conversation seq and exactly-once storage of retried
 * sends, history by seq in both directions, and recall. Publishes {@link MessageStored} (for the
 * gateway, which announces {@link io.linnet.messaging.MessageSent}) and
 * {@link io.linnet.messaging.MessageRecalled} after each commit.
 */
package io.linnet.messaging.message;
