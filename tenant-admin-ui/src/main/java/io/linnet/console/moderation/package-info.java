/**
 * Moderation in the console, one app at a time: the review queue with each message in its context
 * and the last 30 days' counts, the rules editor with its "try a text" box and the pre-send hook,
 * and mutes and bans with their remaining time. Open to owners, admins and moderators.
 */
package io.linnet.console.moderation;
