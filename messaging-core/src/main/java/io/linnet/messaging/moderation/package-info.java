/**
 * Content moderation: an app's rules (keyword lists and regular expressions, each with an action
 * and a scope) compiled into a {@link io.linnet.messaging.moderation.RuleSet} that checks a message
 * in one pass and says, in a {@link io.linnet.messaging.moderation.Verdict}, whether to block it,
 * what to mask and whether to flag it for review. Plain Java: no Spring, no database.
 */
package io.linnet.messaging.moderation;
