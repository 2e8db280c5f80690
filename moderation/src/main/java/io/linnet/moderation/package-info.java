/**
 * Moderation, each app's own: rules on the send path (keyword lists and regular expressions that
 * block, mask or flag), an optional pre-send hook, mutes and bans, the review queue of flagged and
 * reported messages with the moderators' decisions, and per-day counts. It plugs into messaging
 * through messaging's ports: {@link io.linnet.messaging.SendScreen} (every send),
 * {@link io.linnet.messaging.SignInBans} (every token check) and {@link io.linnet.messaging.MessageReports}
 * (users' reports). The root package is the module's API, the services and values the console
 * uses; the feature packages are internal: the matcher ({@code rule}), the hook's protocol
 * ({@code hook}), the send path and each node's compiled copy of an app's moderation
 * ({@code screening}), restrictions, review and counts.
 */
package io.linnet.moderation;
