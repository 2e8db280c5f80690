package io.linnet.push.job;

import io.linnet.push.PushContent;
import io.linnet.push.TemplateId;

import java.time.Instant;
import java.util.List;

/**
 * A notification kept for reuse: its texts may hold {@code {{variables}}}, which a job fills in.
 *
 * @param variables the variables the texts use, which a job naming this template must give
 */
public record PushTemplate(TemplateId id, String name, PushContent notification, List<String> variables,
                           Instant createdAt, Instant updatedAt) {
}
