package io.linnet.console.component;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.linnet.tenancy.DomainException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells the user how an action went. A {@link DomainException} carries a sentence meant for people,
 * so it is shown as it is; anything else is a bug and is left to Vaadin's error handling.
 */
public final class Feedback {

    private static final int SUCCESS_MILLIS = 3_000;
    private static final int ERROR_MILLIS = 6_000;

    private Feedback() {
    }

    public static void success(String message) {
        Notification notification = Notification.show(message, SUCCESS_MILLIS, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification notification = Notification.show(sentence(message), ERROR_MILLIS, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("error-notification");
    }

    /** Runs {@code action}; when the services refuse it, shows why and answers false. */
    public static boolean succeeded(Runnable action) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Runs {@code action} and answers its result; when the services refuse it, shows why and answers empty. */
    public static <T> Optional<T> attempt(Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (DomainException refused) {
            error(refused.getMessage());
            return Optional.empty();
        }
    }

    /** The services' messages start in lower case ("name is required"), which reads oddly on its own. */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "Something went wrong";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
