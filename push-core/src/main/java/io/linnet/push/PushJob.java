package io.linnet.push;

import java.time.Instant;
import java.util.Map;

/**
 * A push job as the API and the console show it: what, to whom, when, and how its deliveries stand.
 *
 * @param target       whom, as the request said it: {@code {"users": [...]}}, {@code {"devices": [...]}},
 *                     {@code {"tags": {"any"|"all": [...]}}} or {@code {"all": true}}
 * @param notification the content as it is sent (a template already rendered)
 * @param templateId   the template it was made from; null when the request gave the notification itself
 * @param counts       maintained as deliveries change, so they are exact at every moment
 */
public record PushJob(
        PushJobId id,
        JobState state,
        Origin origin,
        Map<String, Object> target,
        PushContent notification,
        TemplateId templateId,
        String collapseKey,
        String priority,
        Instant sendAt,
        Instant expiresAt,
        Instant createdAt,
        Instant completedAt,
        Instant cancelledAt,
        Counts counts) {

    /**
     * @param targeted       deliveries the job's targets expanded into (one per valid device)
     * @param queued         deliveries not yet final (waiting, in flight, or waiting to be retried)
     * @param sent           deliveries handed to their provider at least once
     * @param delivered      deliveries the provider accepted
     * @param failed         deliveries that ended otherwise; {@code failedByReason} says why, in the provider's words
     * @param opened         devices that reported opening the notification
     */
    public record Counts(int targeted, int queued, int sent, int delivered, int failed, int opened,
                         Map<String, Integer> failedByReason) {
    }

    public boolean finished() {
        return state.finished();
    }
}
