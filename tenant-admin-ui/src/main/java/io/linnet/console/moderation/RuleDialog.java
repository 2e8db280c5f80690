package io.linnet.console.moderation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.linnet.console.component.FieldErrors;
import io.linnet.moderation.ModerationRules;
import io.linnet.moderation.Rule;
import io.linnet.moderation.RuleAction;
import io.linnet.moderation.RuleKind;
import io.linnet.moderation.RuleScope;
import io.linnet.tenancy.DomainException;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Creates or changes a rule: its name, keywords or regular expressions (one per line), what to do
 * on a hit, where it applies, and whether it is on. The services compile the app's rules with it
 * before storing it, so a regex that cannot run is refused here, with the reason shown in the
 * dialog, which stays open to fix it.
 */
class RuleDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final RadioButtonGroup<RuleKind> kind = new RadioButtonGroup<>("Terms are");
    private final RadioButtonGroup<RuleAction> action = new RadioButtonGroup<>("On a hit");
    private final Select<RuleScope> scope = new Select<>();
    private final Checkbox enabled = new Checkbox("On");
    private final TextArea terms = new TextArea("Terms");
    private final FieldErrors errors = new FieldErrors("rule-error");

    /** @param save stores the draft and answers the rule stored; throws {@link DomainException} when refused */
    RuleDialog(Rule existing, Function<ModerationRules.RuleDraft, Rule> save, Consumer<Rule> saved) {
        setId("rule-dialog");
        setHeaderTitle(existing == null ? "New rule" : "Edit " + existing.name());
        setWidth("44rem");

        name.setId("rule-name");
        name.setPlaceholder("e.g. Contact details");
        name.setMaxLength(100);
        kind.setId("rule-kind");
        kind.setItems(RuleKind.values());
        kind.setItemLabelGenerator(RuleLabels::kind);
        kind.addValueChangeListener(event -> describeTerms());
        action.setId("rule-action");
        action.setItems(RuleAction.values());
        action.setItemLabelGenerator(RuleLabels::actionChoice);
        scope.setId("rule-scope");
        scope.setLabel("Applies to");
        scope.setItems(RuleScope.values());
        scope.setItemLabelGenerator(RuleLabels::scope);
        enabled.setId("rule-enabled");
        terms.setId("rule-terms");
        terms.setMinRows(6);
        terms.setMaxRows(14);
        terms.setValueChangeMode(ValueChangeMode.LAZY);
        terms.addValueChangeListener(event -> describeTerms());
        errors.on("name", name).on("kind", kind).on("action", action).on("scope", scope).on("terms", terms);

        name.setValue(existing == null ? "" : existing.name());
        kind.setValue(existing == null ? RuleKind.KEYWORDS : existing.kind());
        action.setValue(existing == null ? RuleAction.BLOCK : existing.action());
        scope.setValue(existing == null ? RuleScope.ALL : existing.scope());
        enabled.setValue(existing == null || existing.enabled());
        terms.setValue(existing == null ? "" : String.join("\n", existing.terms()));
        describeTerms();

        FormLayout form = new FormLayout(name, scope, kind, enabled, action, terms, errors.general());
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(action, 2);
        form.setColspan(terms, 2);
        form.setColspan(errors.general(), 2);
        add(form);

        Button ok = new Button(existing == null ? "Create rule" : "Save rule", event -> {
            errors.clear();
            try {
                Rule rule = save.apply(new ModerationRules.RuleDraft(name.getValue(),
                        kind.getValue() == null ? null : kind.getValue().wireName(),
                        Arrays.asList(terms.getValue().split("\r?\n")),
                        action.getValue() == null ? null : action.getValue().wireName(),
                        scope.getValue() == null ? null : scope.getValue().wireName(), enabled.getValue()));
                close();
                saved.accept(rule);
            } catch (DomainException refused) {
                errors.show(refused.getMessage());
            }
        });
        ok.setId("rule-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("rule-cancel");
        getFooter().add(cancel, ok);
    }

    private void describeTerms() {
        long count = terms.getValue().lines().filter(line -> !line.isBlank()).count();
        String counted = count + (count == 1 ? " term" : " terms") + ". ";
        terms.setHelperText(counted + (kind.getValue() == RuleKind.REGEX
                ? "One Java regular expression per line, matched case-insensitively on the text as sent."
                : "One keyword or phrase per line. Case, full-width letters, accents and separators "
                + "(f.u.c.k, 傻 逼) are seen through; Latin words match as whole words."));
        terms.setPlaceholder(kind.getValue() == RuleKind.REGEX ? "\\b\\d{3}[ -]?\\d{4}\\b" : "meet offline\nwire me money");
    }
}
