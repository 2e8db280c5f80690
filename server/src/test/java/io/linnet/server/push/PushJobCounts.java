package io.linnet.server.push;

import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/**
 * A push job's counters as {@code GET /v1/push/{id}} answers them, in the shape the push tests compare:
 * {@code containsExactly(targeted, queued, sent, delivered, failed)}.
 */
public final class PushJobCounts {

    private PushJobCounts() {
    }

    /** targeted, queued, sent, delivered, failed */
    public static int[] of(JsonNode job) {
        JsonNode counts = job.get("counts");
        return new int[]{counts.get("targeted").asInt(), counts.get("queued").asInt(), counts.get("sent").asInt(),
                counts.get("delivered").asInt(), counts.get("failed").asInt()};
    }

    /** The failed deliveries by the provider's (or Linnet's) reason. */
    public static Map<String, Integer> failedByReason(JsonNode job) {
        Map<String, Integer> failures = new HashMap<>();
        job.get("counts").get("failedByReason").properties().forEach(e -> failures.put(e.getKey(), e.getValue().asInt()));
        return failures;
    }
}
