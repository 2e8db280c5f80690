package io.linnet.moderation.review;

import io.linnet.moderation.ModerationCounts;
import io.linnet.moderation.ReviewItem;
import io.linnet.moderation.ReviewQueue;
import io.linnet.moderation.ReviewStatus;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code /manage/v1/apps/{appId}/moderation/queue}: the review queue, one message in its context,
 * decisions (one or many at once); and {@code /moderation/stats}: per-day counts.
 */
@RestController
@RequestMapping("/manage/v1/apps/{appId}/moderation")
class ReviewController {

    record DecisionRequest(List<String> messageIds, String decision, String reason) {
    }

    private final ReviewQueue queue;
    private final ModerationCounts counts;

    ReviewController(ReviewQueue queue, ModerationCounts counts) {
        this.queue = queue;
        this.counts = counts;
    }

    /** {@code status} is open (the default), approved, recalled or all. */
    @GetMapping("/queue")
    Page<ReviewItem> list(Actor.Member actor, @PathVariable String appId,
                          @RequestParam(required = false) String status, @RequestParam(required = false) String source,
                          @RequestParam(required = false) String senderId,
                          @RequestParam(required = false) String conversationId,
                          @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        ReviewStatus byStatus = status == null ? ReviewStatus.OPEN : status.equals("all") ? null : ReviewStatus.of(status);
        ReviewQueue.Filter filter = new ReviewQueue.Filter(byStatus,
                source == null ? null : ReviewQueue.Source.of(source),
                senderId == null ? null : UserId.of(senderId),
                conversationId == null ? null : ConversationId.of(conversationId));
        return queue.list(actor, AppId.of(appId), filter, Page.Request.of(limit, cursor));
    }

    @GetMapping("/queue/{messageId}")
    ReviewQueue.InContext get(Actor.Member actor, @PathVariable String appId, @PathVariable String messageId) {
        return queue.get(actor, AppId.of(appId), messageId);
    }

    @PostMapping("/queue/decisions")
    Map<String, List<ReviewItem>> decide(Actor.Member actor, @PathVariable String appId,
                                         @RequestBody(required = false) DecisionRequest request) {
        if (request == null) {
            throw DomainException.invalid("The request body is missing: send {messageIds, decision, reason}");
        }
        return Map.of("items", queue.decide(actor, AppId.of(appId), request.messageIds(), request.decision(), request.reason()));
    }

    @GetMapping("/stats")
    Map<String, List<ModerationCounts.Day>> stats(Actor.Member actor, @PathVariable String appId,
                                                  @RequestParam(required = false) Integer days) {
        return Map.of("days", counts.daily(actor, AppId.of(appId), days == null ? 30 : days));
    }
}
