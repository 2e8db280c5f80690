package io.linnet.console.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import io.linnet.billing.Billing;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanId;
import io.linnet.billing.Subscription;
import io.linnet.billing.SubscriptionStatus;
import io.linnet.console.component.FieldErrors;
import io.linnet.tenancy.DomainException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An operator's change of a tenant's subscription: its plan (from now on, the base price prorated by
 * days), its status and the tax rate of its invoices. Only what was changed is sent; a refusal shows
 * beside the field it concerns, and the dialog stays open.
 */
class SubscriptionDialog extends Dialog {

    private final Select<Plan> plan = new Select<>();
    private final Select<SubscriptionStatus> status = new Select<>();
    private final Checkbox noTax = new Checkbox("No tax");
    private final BigDecimalField taxRate = new BigDecimalField("Tax rate");
    private final FieldErrors errors = new FieldErrors("subscription-error");
    private final Subscription current;

    /**
     * @param change carries the change out; throws {@link DomainException} when refused
     */
    SubscriptionDialog(String tenantName, Subscription current, List<Plan> plans,
                       Function<Billing.SubscriptionChange, Subscription> change, Consumer<Subscription> changed) {
        this.current = current;
        setId("subscription-dialog");
        setHeaderTitle("Subscription of " + tenantName);
        setWidth("36rem");

        List<Plan> choices = new ArrayList<>(plans);
        if (choices.stream().noneMatch(one -> one.id().equals(current.plan().id()))) {
            choices.addFirst(current.plan());
        }
        plan.setId("subscription-plan");
        plan.setLabel("Plan");
        plan.setItems(choices);
        plan.setItemLabelGenerator(one -> PlanWords.choice(one) + (one.retired() ? " (retired)" : ""));
        plan.setItemEnabledProvider(one -> !one.retired() || one.id().equals(current.plan().id()));
        plan.setHelperText("From today on; this month's base price is prorated by days");
        plan.setValue(choices.stream().filter(one -> one.id().equals(current.plan().id())).findFirst().orElseThrow());

        status.setId("subscription-status");
        status.setLabel("Status");
        status.setItems(SubscriptionStatus.values());
        status.setItemLabelGenerator(Amounts::status);
        status.setValue(current.status());

        taxRate.setId("subscription-tax-rate");
        taxRate.setSuffixComponent(new Span("%"));
        taxRate.setHelperText("Added to each invoice, e.g. 19 or 7.5");
        noTax.setId("subscription-no-tax");
        noTax.addValueChangeListener(event -> taxRate.setEnabled(!event.getValue()));
        noTax.setValue(current.taxRatePercent().isEmpty());
        current.taxRatePercent().ifPresent(taxRate::setValue);
        taxRate.setEnabled(current.taxRatePercent().isPresent());
        errors.on("taxRatePercent", taxRate).on("status", status).on("planId", plan).on("plan", plan);

        FormLayout form = new FormLayout(plan, status, taxRate, noTax, errors.general());
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24rem", 2));
        form.setColspan(plan, 2);
        form.setColspan(errors.general(), 2);
        add(new Paragraph("Its members see the plan, status and tax rate on their Billing page."), form);

        Button save = new Button("Save", event -> {
            errors.clear();
            Optional<Billing.SubscriptionChange> wanted = change();
            if (wanted.isEmpty()) {
                return;
            }
            try {
                Subscription after = change.apply(wanted.get());
                close();
                changed.accept(after);
            } catch (DomainException refused) {
                // a refused plan (retired, another currency in a month already billed) is said beside the plan
                if (refused.getMessage() != null && refused.getMessage().contains("plan")
                        && !refused.getMessage().startsWith("taxRatePercent")) {
                    plan.setErrorMessage(refused.getMessage());
                    plan.setInvalid(true);
                } else {
                    errors.show(refused.getMessage());
                }
            }
        });
        save.setId("subscription-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("subscription-cancel");
        getFooter().add(cancel, save);
    }

    /** What changed, as the services take it; empty (with the field marked) when the tax rate is missing. */
    Optional<Billing.SubscriptionChange> change() {
        Optional<PlanId> newPlan = Optional.ofNullable(plan.getValue()).map(Plan::id)
                .filter(id -> !id.equals(current.plan().id()));
        Optional<SubscriptionStatus> newStatus = Optional.ofNullable(status.getValue())
                .filter(chosen -> chosen != current.status());
        boolean clearTax = noTax.getValue() && current.taxRatePercent().isPresent();
        Optional<BigDecimal> newRate = Optional.empty();
        if (!noTax.getValue()) {
            if (taxRate.getValue() == null) {
                errors.show("taxRatePercent: enter the rate in percent, or tick No tax");
                return Optional.empty();
            }
            boolean same = current.taxRatePercent().map(rate -> rate.compareTo(taxRate.getValue()) == 0).orElse(false);
            newRate = same ? Optional.empty() : Optional.of(taxRate.getValue());
        }
        return Optional.of(new Billing.SubscriptionChange(newPlan, newStatus, newRate, clearTax));
    }
}
