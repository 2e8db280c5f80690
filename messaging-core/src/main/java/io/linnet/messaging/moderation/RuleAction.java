package io.linnet.messaging.moderation;

/**
 * What happens to a message a rule hits: {@code BLOCK} refuses the send and stores nothing;
 * {@code MASK} replaces the matched text with {@code *} before it is stored and delivered;
 * {@code FLAG} delivers the message unchanged and queues it for review.
 */
public enum RuleAction {
    BLOCK, MASK, FLAG
}
