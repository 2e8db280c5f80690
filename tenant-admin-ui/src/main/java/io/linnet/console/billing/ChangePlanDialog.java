package io.linnet.console.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanId;
import io.linnet.billing.Subscription;
import io.linnet.tenancy.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A member's change of plan: the plans on offer, each with its price and what it includes, and how the
 * change is billed (at once, the base price prorated by days). A refusal, such as a plan in another
 * currency in a month already billed, shows beside the choice and the dialog stays open.
 */
class ChangePlanDialog extends Dialog {

    private final Select<Plan> plan = new Select<>();
    private final Div details = new Div();
    private final Button confirm = new Button();
    private final Subscription current;

    /**
     * @param change moves the tenant to the plan; throws {@link DomainException} when refused
     * @param changed told the subscription once it changed
     */
    ChangePlanDialog(Subscription current, List<Plan> offered, Function<PlanId, Subscription> change,
                     Consumer<Subscription> changed) {
        this.current = current;
        setId("change-plan-dialog");
        setHeaderTitle("Change plan");
        setWidth("40rem");

        List<Plan> choices = new ArrayList<>(offered);
        if (choices.stream().noneMatch(one -> one.id().equals(current.plan().id()))) {
            // a retired plan is no longer offered, but it is still the one the tenant is on
            choices.addFirst(current.plan());
        }
        plan.setId("change-plan-select");
        plan.setLabel("Plan");
        plan.setWidthFull();
        plan.setItems(choices);
        plan.setItemLabelGenerator(one -> PlanWords.choice(one) + (one.id().equals(current.plan().id()) ? " (current)" : ""));
        plan.setItemEnabledProvider(one -> !one.retired() || one.id().equals(current.plan().id()));
        plan.addValueChangeListener(event -> chosen(event.getValue()));

        details.setId("change-plan-details");
        details.addClassName("plan-details");
        Paragraph proration = new Paragraph("The change applies at once. This month's base price is prorated by days: "
                + "the days so far at " + current.plan().name() + "'s price, from today (UTC) on at the new plan's. "
                + "Usage past what is included is priced by the plan you are on when the month ends.");
        proration.setId("change-plan-proration");
        proration.addClassName("plan-proration");
        add(plan, details, proration);

        confirm.setId("change-plan-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(event -> {
            try {
                Subscription after = change.apply(plan.getValue().id());
                close();
                changed.accept(after);
            } catch (DomainException refused) {
                // the services' refusals of a plan name no field; they concern the choice
                plan.setErrorMessage(refused.getMessage());
                plan.setInvalid(true);
            }
        });
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("change-plan-cancel");
        getFooter().add(cancel, confirm);

        plan.setValue(choices.stream().filter(one -> one.id().equals(current.plan().id())).findFirst().orElseThrow());
    }

    private void chosen(Plan chosen) {
        plan.setInvalid(false);
        plan.setErrorMessage(null);
        details.removeAll();
        if (chosen == null) {
            confirm.setEnabled(false);
            return;
        }
        Paragraph includes = new Paragraph(PlanWords.includes(chosen) + ".");
        includes.setId("change-plan-includes");
        Paragraph beyond = new Paragraph(PlanWords.beyond(chosen));
        beyond.setId("change-plan-beyond");
        Paragraph limits = new Paragraph(PlanWords.limits(chosen));
        limits.setId("change-plan-limits");
        details.add(new H4(chosen.name() + ": " + PlanWords.price(chosen)), includes, beyond, limits);
        boolean same = chosen.id().equals(current.plan().id());
        confirm.setText(same ? "Change plan" : "Change to " + chosen.name());
        confirm.setEnabled(!same);
    }
}
