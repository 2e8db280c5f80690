package io.linnet.push;

import io.linnet.messaging.UserId;
import io.linnet.tenancy.DomainException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whom a job goes to: the valid devices of some users, some devices, the users with any or all of some tags,
 * or every valid device of the app. Expanded when the job is due, so devices registered until then count.
 *
 * @param ids user ids, device ids or tags, as {@code kind} says; empty for {@link Kind#ALL}
 */
public record PushTarget(Kind kind, List<String> ids) {

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_.:@/-]{1,64}");
    static final int MAX_TAGS = 20;

    public enum Kind { USERS, DEVICES, TAGS_ANY, TAGS_ALL, ALL }

    public PushTarget {
        ids = List.copyOf(ids);
    }

    public static PushTarget users(List<String> users) {
        return new PushTarget(Kind.USERS, users);
    }

    public static PushTarget devices(List<String> devices) {
        return new PushTarget(Kind.DEVICES, devices);
    }

    public static PushTarget all() {
        return new PushTarget(Kind.ALL, List.of());
    }

    /**
     * Checks a client's {@code target}: exactly one of {@code users}, {@code devices}, {@code tags} ({@code any} or
     * {@code all}) or {@code all: true}.
     */
    public static PushTarget check(List<String> users, List<String> devices, List<String> anyTags, List<String> allTags,
                                   boolean tagsGiven, Boolean all, int maxIds) {
        int given = (users != null ? 1 : 0) + (devices != null ? 1 : 0) + (tagsGiven ? 1 : 0) + (all != null ? 1 : 0);
        if (given != 1) {
            throw DomainException.invalid("target must have exactly one of users, devices, tags or all");
        }
        if (users != null) {
            return new PushTarget(Kind.USERS, distinct(users, "target.users", maxIds, raw -> {
                if (!UserId.isValid(raw)) {
                    throw DomainException.invalid("target.users has an invalid user id: " + quoted(raw));
                }
                return raw;
            }));
        }
        if (devices != null) {
            return new PushTarget(Kind.DEVICES, distinct(devices, "target.devices", maxIds, raw -> {
                try {
                    return java.util.UUID.fromString(raw).toString();
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw DomainException.invalid("target.devices has something that is not a device id: " + quoted(raw));
                }
            }));
        }
        if (tagsGiven) {
            if ((anyTags == null) == (allTags == null)) {
                throw DomainException.invalid("target.tags must have exactly one of any or all");
            }
            boolean any = anyTags != null;
            return new PushTarget(any ? Kind.TAGS_ANY : Kind.TAGS_ALL,
                    distinct(any ? anyTags : allTags, "target.tags." + (any ? "any" : "all"), MAX_TAGS, raw -> {
                        if (raw == null || !TAG.matcher(raw).matches()) {
                            throw DomainException.invalid("target.tags has an invalid tag: " + quoted(raw));
                        }
                        return raw;
                    }));
        }
        if (!all) {
            throw DomainException.invalid("target.all must be true to send to every device of the app");
        }
        return all();
    }

    /** The target as the API shows it, e.g. {@code {"tags": {"any": ["vip"]}}}. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (kind) {
            case USERS -> json.put("users", ids);
            case DEVICES -> json.put("devices", ids);
            case TAGS_ANY -> json.put("tags", Map.of("any", ids));
            case TAGS_ALL -> json.put("tags", Map.of("all", ids));
            case ALL -> json.put("all", true);
        }
        return json;
    }

    /** Reads what {@link #json()} wrote. */
    @SuppressWarnings("unchecked")
    public static PushTarget fromJson(Map<String, Object> json) {
        if (json.containsKey("users")) {
            return new PushTarget(Kind.USERS, (List<String>) json.get("users"));
        }
        if (json.containsKey("devices")) {
            return new PushTarget(Kind.DEVICES, (List<String>) json.get("devices"));
        }
        if (json.get("tags") instanceof Map<?, ?> tags) {
            return tags.containsKey("any") ? new PushTarget(Kind.TAGS_ANY, (List<String>) tags.get("any"))
                    : new PushTarget(Kind.TAGS_ALL, (List<String>) tags.get("all"));
        }
        return all();
    }

    /** One line for people, e.g. "users alice, bob" or "all devices". */
    public String describe() {
        String listed = ids.size() <= 3 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 3)) + " and "
                + (ids.size() - 3) + " more";
        return switch (kind) {
            case USERS -> (ids.size() == 1 ? "user " : "users ") + listed;
            case DEVICES -> (ids.size() == 1 ? "device " : "devices ") + listed;
            case TAGS_ANY -> "users tagged any of " + listed;
            case TAGS_ALL -> "users tagged all of " + listed;
            case ALL -> "every device";
        };
    }

    private static List<String> distinct(List<String> raw, String field, int max, java.util.function.UnaryOperator<String> check) {
        if (raw.isEmpty()) {
            throw DomainException.invalid(field + " must not be empty");
        }
        if (raw.size() > max) {
            throw DomainException.invalid(field + " lists more than " + max + "; target tags or all for larger audiences");
        }
        LinkedHashSet<String> checked = new LinkedHashSet<>();
        raw.forEach(value -> checked.add(check.apply(value)));
        return List.copyOf(checked);
    }

    private static String quoted(String raw) {
        if (raw == null) {
            return "null";
        }
        return "'" + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw) + "'";
    }
}
