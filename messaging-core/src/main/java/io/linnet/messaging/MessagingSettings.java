package io.linnet.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of messaging, bound to {@code linnet.messaging.*}.
 *
 * @param userTokenTtl       how long a user token lives when the developer asks for no particular time
 * @param userTokenMinTtl    the shortest a developer may ask a user token to live
 * @param userTokenMaxTtl    the longest a developer may ask a user token to live
 * @param groupMemberLimit   the most members a group may have, and the default limit of a new group
 * @param recallWindow       how long after sending a sender may still recall a message
 * @param maxTextLength      the longest text of a message, in characters
 * @param maxDataBytes       the largest custom {@code data} of a message, as JSON bytes
 * @param maxAttachments     the most attachments of one message
 * @param maxMentions        the most mentions of one message
 * @param maxUserCustomBytes the largest custom JSON of an end user, as JSON bytes
 * @param maxUserTags        the most tags of one end user
 * @param sendWorkers        how many transactions store sends at once (each conversation always uses the same one)
 * @param sendBatchSize      the most sends one transaction stores (group commit)
 * @param announceWorkers    how many threads run the listeners of {@link MessageSent} (each conversation always uses the same one)
 * @param announceQueue      the most {@link MessageSent} events waiting for their listeners; past it they wait in the outbox
 * @param announceRetryAfter how long a {@link MessageSent} may wait for all its listeners before it is announced
 *                           again (its outbox row is left when a listener failed or the node stopped)
 */
@ConfigurationProperties("linnet.messaging")
public record MessagingSettings(
        @DefaultValue("PT24H") Duration userTokenTtl,
        @DefaultValue("PT1M") Duration userTokenMinTtl,
        @DefaultValue("P30D") Duration userTokenMaxTtl,
        @DefaultValue("10000") int groupMemberLimit,
        @DefaultValue("PT2M") Duration recallWindow,
        @DefaultValue("4000") int maxTextLength,
        @DefaultValue("8192") int maxDataBytes,
        @DefaultValue("10") int maxAttachments,
        @DefaultValue("100") int maxMentions,
        @DefaultValue("8192") int maxUserCustomBytes,
        @DefaultValue("50") int maxUserTags,
        @DefaultValue("8") int sendWorkers,
        @DefaultValue("64") int sendBatchSize,
        @DefaultValue("2") int announceWorkers,
        @DefaultValue("10000") int announceQueue,
        @DefaultValue("PT1M") Duration announceRetryAfter) {

    /** The defaults above, for code that runs without Spring (tests). */
    public static MessagingSettings defaults() {
        return new MessagingSettings(Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofDays(30), 10_000, Duration.ofMinutes(2),
                4000, 8192, 10, 100, 8192, 50, 8, 64, 2, 10_000, Duration.ofMinutes(1));
    }
}
