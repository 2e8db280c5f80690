package io.linnet.messaging.conversation;

import io.linnet.messaging.Inbox;
import io.linnet.tenancy.AppRef;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's conversations as their client lists them, for the developer's backend (scope {@code messages}). */
@RestController
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Most recently active first, with unread counts: {@code ?limit=&cursor=}. */
    @GetMapping("/v1/users/{userId}/conversations")
    Page<Inbox.Entry> conversations(AppCaller caller, @PathVariable String userId,
                                    @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        caller.require(ConversationController.SCOPE);
        return inbox.conversations(AppRef.of(caller), UserId.of(userId), Page.Request.of(limit, cursor));
    }
}
