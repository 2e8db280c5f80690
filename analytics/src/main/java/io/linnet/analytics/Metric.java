package io.linnet.analytics;

import io.linnet.tenancy.DomainException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What analytics measures per app, by its name in the API ({@code messages_direct}, ...). */
public enum Metric {
    MESSAGES_DIRECT("messages_direct", Kind.SUM, "Messages sent in direct conversations"),
    MESSAGES_GROUP("messages_group", Kind.SUM, "Messages sent in groups"),
    MESSAGE_BYTES("message_bytes", Kind.SUM, "Bytes of message bodies stored"),
    DELIVERIES("deliveries", Kind.SUM, "Messages written to connected devices (the sender's other devices included)"),
    RECALLS("recalls", Kind.SUM, "Messages recalled"),
    NEW_USERS("new_users", Kind.SUM, "End users created"),
    ACTIVE_USERS("active_users", Kind.DISTINCT, "End users who connected or sent a message (distinct, per day)"),
    PEAK_CONNECTIONS("peak_connections", Kind.PEAK, "Most WebSocket connections open at once, over all nodes"),
    API_CALLS("api_calls", Kind.SUM, "Developer API calls made with the app's keys"),
    API_CLIENT_ERRORS("api_client_errors", Kind.SUM, "Developer API calls answered 4xx"),
    API_SERVER_ERRORS("api_server_errors", Kind.SUM, "Developer API calls answered 5xx"),
    PUSH_TARGETED("push_targeted", Kind.SUM, "Notifications addressed to devices, by provider"),
    PUSH_SENT("push_sent", Kind.SUM, "Notifications handed to a provider, by provider"),
    PUSH_DELIVERED("push_delivered", Kind.SUM, "Notifications a provider accepted, by provider"),
    PUSH_FAILED("push_failed", Kind.SUM, "Notifications that failed for good, by provider and reason"),
    PUSH_OPENED("push_opened", Kind.SUM, "Notifications opened, as clients reported"),
    PUSH_DEAD_TOKENS("push_dead_tokens", Kind.SUM, "Devices removed because their provider said the token is dead"),
    MODERATION_BLOCKED("moderation_blocked", Kind.SUM, "Messages moderation refused"),
    MODERATION_MASKED("moderation_masked", Kind.SUM, "Messages moderation masked"),
    MODERATION_FLAGGED("moderation_flagged", Kind.SUM, "Messages moderation flagged for review"),
    MODERATION_REPORTED("moderation_reported", Kind.SUM, "Messages users reported");

    /** How a metric's values combine over time and nodes. */
    public enum Kind {
        /** Counted: hours add up to days, nodes add up. */
        SUM,
        /** The highest value seen (nodes add up within a minute, then the highest minute). */
        PEAK,
        /** Distinct end users: per day only, and a range's total counts each user once. */
        DISTINCT
    }

    private final String key;
    private final Kind kind;
    private final String description;

    Metric(String key, Kind kind, String description) {
        this.key = key;
        this.kind = kind;
        this.description = description;
    }

    /** The metric's name in the API, the CSV and the database. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** Whether it can be reported per hour (distinct users are counted per day only). */
    public boolean hourly() {
        return kind != Kind.DISTINCT;
    }

    /** The metric called {@code key}; an unknown name is bad input that lists the known ones. */
    public static Metric of(String key) {
        for (Metric metric : values()) {
            if (metric.key.equalsIgnoreCase(key.trim())) {
                return metric;
            }
        }
        throw DomainException.invalid("metrics names an unknown metric; the metrics are " + known());
    }

    /** Every metric's name, comma-separated. */
    public static String known() {
        return Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", "));
    }

    /** Those that can be reported at {@code granularity}, in their order. */
    public static List<Metric> at(Granularity granularity) {
        return Arrays.stream(values()).filter(metric -> granularity == Granularity.DAY || metric.hourly()).toList();
    }
}
