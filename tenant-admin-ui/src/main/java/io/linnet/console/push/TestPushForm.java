package io.linnet.console.push;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.console.component.FieldErrors;
import io.linnet.messaging.UserId;
import io.linnet.push.PushRequest;

import java.util.List;
import java.util.function.Consumer;

/**
 * "Send a test push": a title and a text to one user's devices or to one device. It gathers the fields and hands a
 * {@link PushRequest} to whoever sends it; the services check it (a user the app does not have is refused, rather
 * than queued to reach nobody), and their reasons show beside the fields, never as pop-ups.
 */
class TestPushForm extends Composite<VerticalLayout> {

    static final String TO_USER = "A user's devices";
    static final String TO_DEVICE = "One device";

    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>("Send to");
    private final TextField target = new TextField("User id");
    private final TextField title = new TextField("Title");
    private final TextArea body = new TextArea("Text");
    private final FieldErrors errors = new FieldErrors("test-push-error").on("userId", target)
            .on("Target.devices", target).on("title", title).on("body", body);

    /** {@code send} queues the push, or throws the services' refusal. */
    TestPushForm(Consumer<PushRequest> send) {
        kind.setId("test-push-kind");
        kind.setItems(TO_USER, TO_DEVICE);
        kind.setValue(TO_USER);
        kind.addValueChangeListener(event -> target.setLabel(TO_DEVICE.equals(event.getValue()) ? "Device id" : "User id"));
        target.setId("test-push-target");
        target.setRequiredIndicatorVisible(true);
        target.setHelperText("A user id of this app, or a device id from the device look-up");
        title.setId("test-push-title");
        title.setValue("Test from the Linnet console");
        title.setMaxLength(256);
        body.setId("test-push-body");
        body.setValue("If you can read this, push works for this app.");
        body.setMaxLength(2048);
        Button sendButton = new Button("Send test push", VaadinIcon.PAPERPLANE.create(), event -> send(send));
        sendButton.setId("send-test-push");
        sendButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(kind, target, title, body);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(body, 2);
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.add(new Paragraph("Sends now, through the app's live credentials, exactly like POST /v1/push. "
                + "Its progress shows in the list of pushes."), form, errors.general(), sendButton);
    }

    private void send(Consumer<PushRequest> send) {
        boolean toDevice = TO_DEVICE.equals(kind.getValue());
        String id = target.getValue().strip();
        if (id.isEmpty()) {
            errors.reject(target, toDevice ? "Enter a device id" : "Enter a user id");
            return;
        }
        if (!toDevice && !UserId.isValid(id)) {
            errors.reject(target, DeviceLookup.USER_ID_RULE);
            return;
        }
        errors.attempt(() -> {
            send.accept(request());
            return true;
        });
    }

    PushRequest request() {
        String id = target.getValue().strip();
        return TO_DEVICE.equals(kind.getValue())
                ? PushRequest.toDevices(List.of(id), title.getValue(), body.getValue())
                : PushRequest.toUsers(List.of(id), title.getValue(), body.getValue());
    }
}
