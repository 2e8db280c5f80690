/**
 * The rules' matcher: an app's enabled rules compiled into one {@link io.linnet.moderation.rule.RuleSet}
 * that checks a message in one pass (keywords through case, width and separator tricks; guarded
 * regular expressions), and the rules' REST API.
 */
package io.linnet.moderation.rule;
