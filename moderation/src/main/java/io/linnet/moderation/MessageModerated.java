package io.linnet.moderation;

import io.linnet.tenancy.AppRef;

/**
 * Moderation acted on a message of an app: blocked, masked or flagged it on the send path, or took a
 * user's report of it. Published once, in process, as it is counted in the app's daily moderation
 * counts; analytics meters moderation outcomes from it.
 */
public record MessageModerated(AppRef app, Outcome outcome) {

    public enum Outcome { BLOCKED, MASKED, FLAGGED, REPORTED }
}
