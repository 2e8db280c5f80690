package io.linnet.console.push;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.linnet.console.component.FieldErrors;
import io.linnet.push.CredentialKind;
import io.linnet.push.CredentialUpload;
import io.linnet.push.PushCredential;
import io.linnet.push.PushCredentials;
import io.linnet.tenancy.DomainException;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a push credential: pick the kind, choose the file (.p8, .p12 or .json) and fill in the fields
 * that kind needs. The services check everything and their reasons show beside the field concerned,
 * or below the file for a broken file; the dialog stays open until the credential is stored.
 */
class UploadCredentialDialog extends Dialog {

    private static final Pattern AUTH_KEY_NAME = Pattern.compile("AuthKey_([A-Za-z0-9]{10})\\.p8");
    private static final Map<CredentialKind, String> FILE_TYPES = Map.of(
            CredentialKind.APNS_TOKEN, ".p8",
            CredentialKind.APNS_CERTIFICATE, ".p12,.pfx",
            CredentialKind.FCM, ".json");
    private static final Map<CredentialKind, String> FILE_HINTS = Map.of(
            CredentialKind.APNS_TOKEN, "The .p8 key from Apple Developer → Keys (downloadable once).",
            CredentialKind.APNS_CERTIFICATE, "The .p12 export of the push certificate with its private key (Keychain Access).",
            CredentialKind.FCM, "The service account's key file from Firebase → Project settings → Service accounts.");

    private final RadioButtonGroup<CredentialKind> kind = new RadioButtonGroup<>("Kind");
    private final TextField label = new TextField("Label");
    private final Upload upload = new Upload();
    private final Span fileName = new Span("No file chosen");
    private final Paragraph fileHint = new Paragraph();
    private final Div fileSection;
    private final TextField keyId = new TextField("Key id");
    private final TextField teamId = new TextField("Team id");
    private final TextField topic = new TextField("Topic (bundle id)");
    private final Select<String> environment = new Select<>();
    private final PasswordField password = new PasswordField(".p12 password");
    private final TextField publicKey = new TextField("Public key");
    private final PasswordField privateKey = new PasswordField("Private key");
    private final TextField subject = new TextField("Subject");
    private final FieldErrors errors = new FieldErrors("upload-error");
    private byte[] file = new byte[0];

    UploadCredentialDialog(Function<CredentialUpload, PushCredential> store, Consumer<PushCredential> stored) {
        setId("upload-credential-dialog");
        setHeaderTitle("Add a push credential");
        setWidth("40rem");

        kind.setId("credential-kind");
        kind.setItems(CredentialKind.values());
        kind.setItemLabelGenerator(CredentialKind::title);
        kind.setValue(CredentialKind.APNS_TOKEN);
        kind.addValueChangeListener(event -> showFieldsOf(event.getValue()));

        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            received(metadata.fileName(), bytes);
            // the chosen file is named below; an empty list lets another file replace it
            upload.clearFileList();
        }));
        upload.setId("credential-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(PushCredentials.MAX_FILE_BYTES);
        upload.addFileRejectedListener(event -> errors.show(event.getFileName() + ": " + event.getErrorMessage()
                + " (a push credential file is at most " + PushCredentials.MAX_FILE_BYTES / 1024 + " KiB)"));
        upload.addFileRemovedListener(event -> received(null, new byte[0]));
        fileName.setId("credential-file-name");
        fileName.addClassName("file-name");
        fileHint.addClassName("field-hint");
        fileSection = new Div(upload, fileName, fileHint);
        fileSection.addClassName("file-section");

        label.setId("credential-label");
        label.setPlaceholder("A name for people, e.g. \"iOS production\"");
        keyId.setId("credential-key-id");
        keyId.setHelperText("10 characters, shown next to the key in Apple Developer");
        teamId.setId("credential-team-id");
        teamId.setHelperText("10 characters, in Apple Developer → Membership");
        topic.setId("credential-topic");
        topic.setPlaceholder("com.example.chat");
        environment.setId("credential-environment");
        environment.setLabel("Environment");
        environment.setItems("both", "production", "sandbox");
        environment.setValue("both");
        password.setId("credential-password");
        publicKey.setId("credential-public-key");
        publicKey.setHelperText("base64url, 65 bytes (87 characters)");
        privateKey.setId("credential-private-key");
        privateKey.setHelperText("base64url, 32 bytes (43 characters)");
        subject.setId("credential-subject");
        subject.setPlaceholder("mailto:push@example.com");

        errors.on("keyId", keyId).on("teamId", teamId).on("topic", topic).on("environment", environment)
                .on("password", password).on("publicKey", publicKey).on("privateKey", privateKey)
                .on("subject", subject).on("label", label);

        // refusals that concern no single field (a broken file, a limit) show right below the file
        FormLayout form = new FormLayout(kind, fileSection, errors.general(), keyId, teamId, topic, environment, password,
                publicKey, privateKey, subject, label);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        for (Component wide : List.of(kind, fileSection, errors.general(), topic, publicKey, privateKey, subject, label)) {
            form.setColspan(wide, 2);
        }
        add(form);

        Button save = new Button("Check and save", event -> save(store, stored));
        save.setId("credential-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("credential-cancel");
        getFooter().add(cancel, save);
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                forgetSecrets();
            }
        });
        showFieldsOf(CredentialKind.APNS_TOKEN);
    }

    private void received(String name, byte[] bytes) {
        file = bytes;
        errors.clear();
        fileName.setText(name == null ? "No file chosen" : name + " (" + bytes.length + " bytes)");
        if (name != null && kind.getValue() == CredentialKind.APNS_TOKEN && keyId.isEmpty()) {
            Matcher authKey = AUTH_KEY_NAME.matcher(name);
            if (authKey.matches()) {
                keyId.setValue(authKey.group(1).toUpperCase(java.util.Locale.ROOT));
            }
        }
    }

    private void showFieldsOf(CredentialKind selected) {
        errors.clear();
        boolean token = selected == CredentialKind.APNS_TOKEN;
        boolean certificate = selected == CredentialKind.APNS_CERTIFICATE;
        boolean vapid = selected == CredentialKind.WEBPUSH_VAPID;
        fileSection.setVisible(!vapid);
        if (!vapid) {
            upload.setAcceptedFileTypes(FILE_TYPES.get(selected).split(","));
            fileHint.setText(FILE_HINTS.get(selected));
        }
        upload.clearFileList();
        received(null, new byte[0]);
        keyId.setVisible(token);
        teamId.setVisible(token);
        topic.setVisible(token);
        environment.setVisible(token || certificate);
        environment.setHelperText(certificate ? "A development certificate is for the sandbox only" : null);
        if (certificate) {
            environment.setValue("both");
        }
        password.setVisible(certificate);
        publicKey.setVisible(vapid);
        privateKey.setVisible(vapid);
        subject.setVisible(vapid);
    }

    private void save(Function<CredentialUpload, PushCredential> store, Consumer<PushCredential> stored) {
        errors.clear();
        CredentialUpload request = switch (kind.getValue()) {
            case APNS_TOKEN -> new CredentialUpload.ApnsToken(label.getValue(), file, keyId.getValue(), teamId.getValue(),
                    topic.getValue(), environment.getValue());
            // a universal certificate is kept to the environment its subject says unless narrowed here
            case APNS_CERTIFICATE -> new CredentialUpload.ApnsCertificate(label.getValue(), file, password.getValue(),
                    "both".equals(environment.getValue()) ? null : environment.getValue());
            case FCM -> new CredentialUpload.FcmServiceAccount(label.getValue(), file);
            case WEBPUSH_VAPID -> new CredentialUpload.VapidKeys(label.getValue(), publicKey.getValue(),
                    privateKey.getValue(), subject.getValue());
        };
        try {
            PushCredential credential = store.apply(request);
            close();
            stored.accept(credential);
        } catch (DomainException refused) {
            errors.show(refused.getMessage());
        }
    }

    /** A closed dialog keeps no key, password or file in the session. */
    private void forgetSecrets() {
        file = new byte[0];
        password.clear();
        privateKey.clear();
    }
}
