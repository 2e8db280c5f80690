/**
 * Moderation: each app's rules on the send path (keyword lists and regular expressions, each with
 * an action and a scope, compiled into a {@link io.linnet.messaging.moderation.RuleSet} that checks a
 * message in one pass), its optional pre-send hook, the review queue of flagged and reported
 * messages, the moderators' decisions (approve, recall, mute, ban) and per-day counts. The send
 * path reads only each node's compiled copy of an app's moderation
 * ({@link io.linnet.messaging.moderation.ModerationStates}), which every node drops when it changes.
 */
package io.linnet.messaging.moderation;
