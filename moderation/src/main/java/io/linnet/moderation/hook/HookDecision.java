package io.linnet.moderation.hook;

import io.linnet.moderation.PreSendHookSettings;
import tools.jackson.databind.node.ObjectNode;

/** What an app's pre-send hook decided about one message. */
public sealed interface HookDecision {

    /** The message goes out as sent. */
    record Allow() implements HookDecision {
    }

    /** The message is refused; the reason is the hook's, for the sender. */
    record Block(String reason) implements HookDecision {
    }

    /**
     * The message goes out with this body instead (a redacted text, say). Only known to be a JSON object: the caller
     * checks it with the same rules as any message body.
     */
    record Replace(ObjectNode body) implements HookDecision {
    }

    /**
     * The hook could not be asked or answered nonsense; the app's
     * {@link PreSendHookSettings.FailurePolicy#settle(HookDecision) failure policy} decides.
     *
     * @param why what went wrong, for logs; never the secret or the message
     */
    record Failed(String why) implements HookDecision {
    }
}
