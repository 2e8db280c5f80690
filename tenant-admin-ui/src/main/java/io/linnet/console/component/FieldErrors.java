package io.linnet.console.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import io.linnet.tenancy.DomainException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Shows the services' refusals where they belong: a message that starts with a field's API name
 * ("keyId must be ...", "subject must be ...", or "monthlyPrice: zero or more ..." as billing words
 * them) or names it ("The .p12 password is wrong") marks that field invalid with the message;
 * anything else (a broken file, a limit) shows in one block below the form.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Div general = new Div();

    public FieldErrors(String id) {
        general.setId(id);
        general.addClassName("form-error");
        general.getElement().setAttribute("role", "alert");
        general.setVisible(false);
    }

    /** Routes messages about {@code name} (as the API calls it) to {@code field}. */
    public FieldErrors on(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    public Div general() {
        return general;
    }

    /**
     * Runs {@code action} with the previous errors cleared and answers its result; when the services refuse it,
     * shows why beside the field concerned (or below the form) and answers empty.
     */
    public <T> Optional<T> attempt(Supplier<T> action) {
        clear();
        try {
            return Optional.of(action.get());
        } catch (DomainException refused) {
            show(refused.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Marks {@code field} invalid with {@code message}, e.g. a check the console makes before asking the services;
     * the field must be one routed with {@link #on}, so that the next attempt clears it.
     */
    public void reject(HasValidation field, String message) {
        clear();
        mark(field, message);
    }

    public void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        general.setText("");
        general.setVisible(false);
    }

    public void show(String message) {
        clear();
        String text = message == null || message.isBlank() ? "Something went wrong" : message;
        for (Map.Entry<String, HasValidation> entry : fields.entrySet()) {
            HasValidation field = entry.getValue();
            if (!isVisible(field)) {
                continue;
            }
            String name = entry.getKey();
            String rest = text.startsWith(name + ": ") ? text.substring(name.length() + 2).strip() : "";
            if (!rest.isEmpty()) {
                // "monthlyPrice: zero or more ..." reads "Zero or more ..." under the field labelled "Monthly price"
                mark(field, Character.toUpperCase(rest.charAt(0)) + rest.substring(1));
                return;
            }
            if (text.startsWith(name + " ")) {
                // "keyId must be ..." reads "Key id must be ..." under the field labelled "Key id"
                String label = field instanceof HasLabel labelled && labelled.getLabel() != null ? labelled.getLabel() : name;
                mark(field, label + text.substring(name.length()));
                return;
            }
            if (text.contains(" " + name + " is wrong")) {
                mark(field, text);
                return;
            }
        }
        general.setText(Character.toUpperCase(text.charAt(0)) + text.substring(1));
        general.setVisible(true);
        general.scrollIntoView();
    }

    private static void mark(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        if (field instanceof Component component) {
            component.scrollIntoView();
        }
    }

    private static boolean isVisible(HasValidation field) {
        return !(field instanceof Component component) || component.isVisible();
    }
}
