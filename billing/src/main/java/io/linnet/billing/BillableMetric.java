package io.linnet.billing;

import io.linnet.tenancy.DomainException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a plan includes and prices per unit beyond that, by its name in the API. */
public enum BillableMetric {
    /** Distinct end users who connected or sent in the calendar month, each counted once per app. */
    ACTIVE_USERS("mau", "Monthly active users", "users"),
    /** Messages sent (direct and group). */
    MESSAGES("messages", "Messages", "messages"),
    /** Notifications handed to a push provider. */
    PUSHES("pushes", "Pushes", "notifications"),
    /** Gigabytes (10^9 bytes) of message bodies stored in the period. */
    STORAGE_GB("storage_gb", "Stored GB", "GB");

    private final String key;
    private final String label;
    private final String unit;

    BillableMetric(String key, String label, String unit) {
        this.key = key;
        this.label = label;
        this.unit = unit;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public static BillableMetric of(String key) {
        for (BillableMetric metric : values()) {
            if (metric.key.equalsIgnoreCase(key.trim())) {
                return metric;
            }
        }
        throw DomainException.invalid("Unknown billable metric '" + key + "'; they are "
                + Arrays.stream(values()).map(BillableMetric::key).collect(Collectors.joining(", ")));
    }
}
