package io.linnet.messaging;

import io.linnet.tenancy.AppRef;

/**
 * What every send passes before it is stored, whether it came over the WebSocket or the REST API:
 * the app's moderation (mutes and bans, rules, the pre-send hook). It may refuse the send (a
 * {@link io.linnet.tenancy.DomainException}), let it through, or let a rewritten copy through (masked
 * text, a hook's replacement); and it may ask to hear about the message once it is committed (to
 * queue a flagged message for review).
 */
public interface SendScreen {

    /** Lets every message through unchanged: for an app without moderation, and for tests of the store alone. */
    SendScreen NONE = (app, conversation, message) -> Screening.unchanged(message);

    Screening screen(AppRef app, ConversationId conversation, SubmittedMessage message);

    /** A screened send: what is to be stored, and what to do once it has been (newly) stored. */
    interface Screening {

        SubmittedMessage message();

        /** Called after the commit of a message stored by this send (not for a retry answered by the original). */
        default void stored(Message message) {
        }

        static Screening unchanged(SubmittedMessage message) {
            return () -> message;
        }
    }
}
