package io.linnet.console.moderation;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.FieldErrors;
import io.linnet.console.component.SecretDialog;
import io.linnet.console.component.Times;
import io.linnet.console.session.SignedInAccount;
import io.linnet.moderation.PreSendHookConfig;
import io.linnet.moderation.PreSendHookSettings;
import io.linnet.moderation.PreSendHooks;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;

import java.util.List;
import java.util.Optional;

/**
 * The app's pre-send hook: the tenant's URL that rules on every message before it is stored, how
 * long a send waits for it, and what happens when it does not answer in time. Saving a new hook (or
 * asking for a new secret) shows the signing secret once.
 */
class HookForm extends Composite<Div> {

    private final PreSendHookConfig hooks;
    private final SignedInAccount signedIn;
    private final AppId app;
    private final TextField url = new TextField("URL");
    private final IntegerField timeout = new IntegerField("Wait at most");
    private final RadioButtonGroup<PreSendHookSettings.FailurePolicy> onFailure =
            new RadioButtonGroup<>("When it does not answer in time");
    private final Span status = new Span();
    private final Button save = new Button("Save hook");
    private final Button newSecret = new Button("New secret");
    private final Button remove = new Button("Remove hook");
    private final FieldErrors errors = new FieldErrors("hook-error");

    HookForm(PreSendHookConfig hooks, SignedInAccount signedIn, AppId app) {
        this.hooks = hooks;
        this.signedIn = signedIn;
        this.app = app;
        url.setId("hook-url");
        url.setWidthFull();
        url.setPlaceholder("https://hooks.example.com/linnet");
        timeout.setId("hook-timeout");
        timeout.setSuffixComponent(new Span("ms"));
        timeout.setMin((int) PreSendHookSettings.MIN_TIMEOUT.toMillis());
        timeout.setMax((int) PreSendHookSettings.MAX_TIMEOUT.toMillis());
        timeout.setStep(100);
        timeout.setStepButtonsVisible(true);
        timeout.setHelperText(PreSendHookSettings.MIN_TIMEOUT.toMillis() + " to " + PreSendHookSettings.MAX_TIMEOUT.toMillis()
                + " ms; every send waits up to this long");
        onFailure.setId("hook-on-failure");
        onFailure.setItems(PreSendHookSettings.FailurePolicy.values());
        onFailure.setItemLabelGenerator(policy -> policy == PreSendHookSettings.FailurePolicy.OPEN
                ? "Deliver unchecked (fail open)" : "Refuse the send (fail closed)");
        status.setId("hook-status");
        status.addClassName("hook-status");
        errors.on("url", url).on("timeoutMillis", timeout).on("onFailure", onFailure);

        save.setId("hook-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save(false));
        newSecret.setId("hook-new-secret");
        newSecret.addClickListener(event -> save(true));
        remove.setId("hook-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.addClickListener(event -> confirmRemove());
        HorizontalLayout buttons = new HorizontalLayout(save, newSecret, remove);
        buttons.addClassName("hook-buttons");

        Div card = getContent();
        card.setId("pre-send-hook");
        card.addClassName("moderation-card");
        card.add(new H3("Pre-send hook"), new Paragraph("Your server gets each message, signed with the hook's secret "
                        + "(header " + PreSendHooks.SIGNATURE_HEADER + "), after the rules pass it, and answers allow, "
                        + "block or replace."), status, url, timeout, onFailure, errors.general(), buttons);
        load();
    }

    private void load() {
        errors.clear();
        Feedback.attempt(() -> hooks.get(signedIn.member(), app)).ifPresent(this::show);
    }

    private void show(Optional<PreSendHookConfig.Hook> hook) {
        url.setValue(hook.map(PreSendHookConfig.Hook::url).orElse(""));
        timeout.setValue(hook.map(PreSendHookConfig.Hook::timeoutMillis)
                .orElse((int) PreSendHookSettings.DEFAULT_TIMEOUT.toMillis()));
        onFailure.setValue(hook.map(PreSendHookConfig.Hook::onFailure).orElse(PreSendHookSettings.FailurePolicy.OPEN));
        status.setText(hook.map(h -> "Every message goes to this hook. Last changed " + Times.format(h.updatedAt()) + " UTC.")
                .orElse("No hook: only the rules check messages."));
        newSecret.setVisible(hook.isPresent());
        remove.setVisible(hook.isPresent());
    }

    private void save(boolean withNewSecret) {
        errors.clear();
        try {
            PreSendHookConfig.SavedHook saved = hooks.save(signedIn.member(), app, url.getValue().strip(),
                    timeout.getValue(), onFailure.getValue() == null ? null : onFailure.getValue().wireName(), withNewSecret);
            show(Optional.of(saved.hook()));
            saved.secret().ifPresentOrElse(secret -> new SecretDialog("The hook's signing secret",
                    "Copy the secret now and store it with your hook. It will never be shown again: if you lose it, "
                            + "ask for a new one.", "Signing secret", secret, List.of(),
                    new Paragraph("Check the " + PreSendHooks.SIGNATURE_HEADER + " header of each request with it, and "
                            + "sign your answers with it.")).open(),
                    () -> Feedback.success("The hook is saved"));
        } catch (DomainException refused) {
            errors.show(refused.getMessage());
        }
    }

    private void confirmRemove() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-remove-hook");
        confirm.setHeader("Remove the pre-send hook?");
        confirm.setText("Messages are no longer sent to " + url.getValue() + "; only the rules check them. Its secret is "
                + "erased.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Remove hook");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            if (Feedback.succeeded(() -> hooks.remove(signedIn.member(), app))) {
                Feedback.success("The hook is removed");
                show(Optional.empty());
            }
        });
        confirm.open();
    }
}
