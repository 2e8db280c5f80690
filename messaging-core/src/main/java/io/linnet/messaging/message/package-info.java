/**
 * Messages: sending with a gap-free per-conversation seq and exactly-once storage of retried
 * sends (group commit under load), history by seq in both directions, and recall. After each
 * commit a new message goes to the connected devices through the {@link io.linnet.messaging.message.LiveDelivery}
 * port (the gateway), then {@link io.linnet.messaging.MessageSent} is announced at least once from the
 * {@link io.linnet.messaging.message.MessageSentOutbox}; {@link io.linnet.messaging.MessageRecall}
 * publishes {@link io.linnet.messaging.MessageRecalled}.
 */
package io.linnet.messaging.message;
