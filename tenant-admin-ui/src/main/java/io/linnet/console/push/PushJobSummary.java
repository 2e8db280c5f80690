package io.linnet.console.push;

import com.vaadin.flow.component.html.Span;
import io.linnet.push.PushJob;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How a push job reads in the list: whom it went to, how it stands, and why deliveries failed. */
final class PushJobSummary {

    private PushJobSummary() {
    }

    /** Whom, in a few words: "user mia", "devices a, b and 3 more", "tags any of vip", "every device". */
    @SuppressWarnings("unchecked")
    static String target(PushJob job) {
        Map<String, Object> target = job.target();
        if (target.get("users") instanceof List<?> users) {
            return (users.size() == 1 ? "user " : users.size() + " users: ") + listed((List<Object>) users);
        }
        if (target.get("devices") instanceof List<?> devices) {
            return (devices.size() == 1 ? "device " : devices.size() + " devices: ") + listed((List<Object>) devices);
        }
        if (target.get("tags") instanceof Map<?, ?> tags) {
            boolean any = tags.containsKey("any");
            return "tagged " + (any ? "any" : "all") + " of " + listed((List<Object>) tags.get(any ? "any" : "all"));
        }
        return "every device";
    }

    /** The notification's title, or its body when it has none, shortened. */
    static String title(PushJob job) {
        String title = job.notification().title();
        String text = title == null || title.isBlank() ? job.notification().body() : title;
        if (text == null || text.isBlank()) {
            return "(data only)";
        }
        return text.length() > 60 ? text.substring(0, 59) + "…" : text;
    }

    /** The failures by reason, most frequent first: "Unregistered 3, NoCredential 1". */
    static String failures(PushJob job) {
        if (job.counts().failed() == 0) {
            return "";
        }
        return job.counts().failedByReason().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The state as a badge: green when completed, grey while waiting, blue while sending, red when cancelled. */
    static Span stateBadge(PushJob job) {
        Span badge = new Span(job.state().wireName());
        badge.setId("push-state-" + job.id());
        String theme = switch (job.state()) {
            case COMPLETED -> job.counts().failed() > 0 && job.counts().delivered() == 0 ? "badge error" : "badge success";
            case CANCELLED -> "badge error";
            case SCHEDULED -> "badge contrast";
            case EXPANDING, SENDING -> "badge";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        return badge;
    }

    private static String listed(List<Object> ids) {
        List<String> shown = ids.stream().limit(2).map(String::valueOf).toList();
        return String.join(", ", shown) + (ids.size() > 2 ? " and " + (ids.size() - 2) + " more" : "");
    }
}
