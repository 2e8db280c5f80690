package io.linnet.messaging;

import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;

/**
 * Where a user's report of a message goes: the gateway passes on each {@code report} frame (see
 * docs/realtime.md) and answers {@code reported} once this returns. Moderation takes them into its
 * review queue.
 */
public interface MessageReports {

    /** Takes no reports: for a deployment without moderation. */
    MessageReports NONE = (app, reporter, message, reason) -> {
        throw DomainException.invalid("This server takes no reports of messages");
    };

    /**
     * Reports a message of one of the reporter's conversations, with the reporter's reason.
     *
     * @throws DomainException when the report is refused: the message is not found (or is in a
     *                         conversation the reporter is not in), it is the reporter's own, or the
     *                         reason is missing or too long
     */
    void report(AppRef app, UserId reporter, MessageId message, String reason);
}
