/**
 * Moderation: each app's rules on the send path (keywords and regular expressions that block, mask
 * or flag), its optional pre-send hook, the review queue of flagged and reported messages, the
 * moderators' decisions (approve, recall, mute, ban) and per-day counts. The send path reads only
 * each node's compiled copy of an app's moderation ({@link io.linnet.messaging.moderation.ModerationStates}),
 * which every node drops when an admin changes it.
 */
package io.linnet.messaging.moderation;
