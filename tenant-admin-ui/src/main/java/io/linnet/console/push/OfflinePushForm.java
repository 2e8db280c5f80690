package io.linnet.console.push;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.linnet.push.OfflinePushPolicy;

import java.util.Map;
import java.util.function.Consumer;

/**
 * "Offline push": whether a chat message to a member with no device online becomes a notification, and how much of
 * the message a lock screen may show. It only gathers the choice and hands an {@link OfflinePushPolicy} to whoever
 * saves it.
 */
class OfflinePushForm extends Composite<VerticalLayout> {

    /** The previews, as {@code PUT /v1/push/offline} names them, and as the form says them. */
    static final Map<String, String> PREVIEWS = Map.of(
            "full", "Sender and text",
            "sender", "Sender only, not the text",
            "none", "Nothing: only that a message arrived");

    private final Checkbox enabled = new Checkbox("Push chat messages to members who have no device online");
    private final RadioButtonGroup<String> preview = new RadioButtonGroup<>("What the notification shows");

    OfflinePushForm(OfflinePushPolicy current, Consumer<OfflinePushPolicy> save) {
        enabled.setId("offline-push-enabled");
        enabled.setValue(current.enabled());
        preview.setId("offline-push-preview");
        preview.setItems("full", "sender", "none");
        preview.setItemLabelGenerator(PREVIEWS::get);
        preview.setValue(current.preview());
        preview.setHelperText("Lock screens show notifications to whoever holds the phone; choose less for private chats");
        preview.setEnabled(current.enabled());
        enabled.addValueChangeListener(event -> preview.setEnabled(event.getValue()));
        Button saveButton = new Button("Save", event -> save.accept(policy()));
        saveButton.setId("save-offline-push");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.add(new Paragraph("Applies to the notifications Linnet sends for chat messages, as PUT /v1/push/offline "
                + "sets them; pushes your backend sends say what they say."), enabled, preview, saveButton);
    }

    OfflinePushPolicy policy() {
        return OfflinePushPolicy.check(enabled.getValue(), preview.getValue());
    }
}
