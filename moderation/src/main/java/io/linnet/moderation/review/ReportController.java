package io.linnet.moderation.review;

import io.linnet.moderation.ReviewQueue;
import io.linnet.tenancy.AppRef;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/messages/{messageId}/reports}: the developer's backend reports a message on
 * behalf of a member of its conversation (scope {@code messages}); clients report over the
 * WebSocket with a {@code report} frame.
 */
@RestController
class ReportController {

    record ReportRequest(String userId, String reason) {
    }

    record Reported(MessageId messageId, UserId reporterId, String reason) {
    }

    private final ReviewQueue queue;

    ReportController(ReviewQueue queue) {
        this.queue = queue;
    }

    @PostMapping("/v1/messages/{messageId}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    Reported report(AppCaller caller, @PathVariable String messageId, @RequestBody(required = false) ReportRequest request) {
        caller.require("messages");
        if (request == null || request.userId() == null) {
            throw DomainException.invalid("userId (who reports) is required: send {userId, reason}");
        }
        MessageId id = MessageId.of(messageId);
        UserId reporter = UserId.of(request.userId());
        queue.report(AppRef.of(caller), reporter, id, request.reason());
        return new Reported(id, reporter, request.reason().strip());
    }
}
