package io.linnet.console.moderation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.linnet.console.component.FieldErrors;
import io.linnet.moderation.Rule;
import io.linnet.moderation.RuleKind;
import io.linnet.tenancy.DomainException;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Loads a rule's terms from a text file, one per line (blank lines and lines starting with '#' are
 * skipped): they replace the rule's terms or are added to them. The services check the result as
 * they check any change to the rule.
 */
class ImportTermsDialog extends Dialog {

    /** Imports {@code text} into the rule; answers the rule as stored, or throws {@link DomainException}. */
    interface Importer {
        Rule importTerms(String text, boolean append);
    }

    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final Upload upload = new Upload();
    private final Span fileName = new Span("No file chosen");
    private final RadioButtonGroup<Boolean> append = new RadioButtonGroup<>("The terms in the file");
    private final FieldErrors errors = new FieldErrors("import-error");
    private String text;

    ImportTermsDialog(Rule rule, Importer importer, Consumer<Rule> imported) {
        setId("import-dialog");
        setHeaderTitle("Import terms into " + rule.name());
        setWidth("34rem");

        upload.setId("import-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".txt", "text/plain");
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            text = new String(bytes, StandardCharsets.UTF_8);
            long lines = text.lines().filter(line -> !line.isBlank() && !line.strip().startsWith("#")).count();
            fileName.setText(metadata.fileName() + " (" + lines + (lines == 1 ? " term)" : " terms)"));
            errors.clear();
            upload.clearFileList();
        }));
        upload.addFileRejectedListener(event -> errors.show(event.getFileName() + ": " + event.getErrorMessage()
                + " (a term list is a .txt file of at most " + MAX_FILE_BYTES / 1024 / 1024 + " MiB)"));
        fileName.setId("import-file-name");
        fileName.addClassName("file-name");
        Div file = new Div(upload, fileName);
        file.addClassName("file-section");

        append.setId("import-mode");
        append.setItems(Boolean.FALSE, Boolean.TRUE);
        append.setItemLabelGenerator(add -> add ? "are added to the rule's " + rule.terms().size() + " terms"
                : "replace the rule's " + rule.terms().size() + " terms");
        append.setValue(Boolean.TRUE);

        add(new Paragraph("A UTF-8 text file with one " + (rule.kind() == RuleKind.KEYWORDS ? "keyword or phrase"
                : "regular expression") + " per line; blank lines and lines starting with # are skipped."),
                file, append, errors.general());

        Button ok = new Button("Import", event -> {
            if (text == null) {
                errors.show("Choose a .txt file first");
                return;
            }
            try {
                Rule stored = importer.importTerms(text, append.getValue());
                close();
                imported.accept(stored);
            } catch (DomainException refused) {
                errors.show(refused.getMessage());
            }
        });
        ok.setId("import-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("import-cancel");
        getFooter().add(cancel, ok);
    }
}
