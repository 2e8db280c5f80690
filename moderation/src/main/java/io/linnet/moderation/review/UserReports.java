package io.linnet.moderation.review;

import io.linnet.messaging.MessageId;
import io.linnet.messaging.MessageReports;
import io.linnet.messaging.UserId;
import io.linnet.moderation.ReviewQueue;
import io.linnet.tenancy.AppRef;
import org.springframework.stereotype.Component;

/** Takes the reports users send over the WebSocket ({@code report} frames) into the review queue. */
@Component
class UserReports implements MessageReports {

    private final ReviewQueue queue;

    UserReports(ReviewQueue queue) {
        this.queue = queue;
    }

    @Override
    public void report(AppRef app, UserId reporter, MessageId message, String reason) {
        queue.report(app, reporter, message, reason);
    }
}
