package io.linnet.console.billing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.linnet.billing.BillableMetric;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanId;
import io.linnet.billing.Plans;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.session.SignedInAccount;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plans operators sell: their price, what each includes, whether it is a hard quota, the default,
 * retired, and how many tenants are on it; create and edit one, retire one (no new subscriptions, the
 * tenants on it stay), or delete one no tenant was ever on.
 */
@Route("plans")
@PageTitle("Plans · Linnet")
@Menu(title = "Plans", order = 3, icon = "vaadin:package")
@RolesAllowed("OPERATOR")
public class PlansView extends VerticalLayout {

    private final SignedInAccount signedIn;
    private final Plans plans;
    private final Grid<Plan> grid = new Grid<>();
    private final EmptyState empty;
    private List<Plan> all = List.of();
    private Map<PlanId, Integer> subscribers = Map.of();

    public PlansView(SignedInAccount signedIn, Plans plans) {
        this.signedIn = signedIn;
        this.plans = plans;
        addClassName("console-view");

        Button create = new Button("New plan", VaadinIcon.PLUS.create(), event -> openEditor(Optional.empty()));
        create.setId("new-plan");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        empty = new EmptyState("No plans", "A plan sets a tenant's monthly price, what it includes and its limits.");
        empty.setId("plans-empty");

        grid.setId("plans");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(PlansView::name).setHeader("Plan").setWidth("10rem").setFlexGrow(2);
        numeric(grid.addColumn(plan -> Amounts.money(plan.monthlyPrice())).setHeader("Monthly price")).setWidth("8rem");
        for (BillableMetric metric : BillableMetric.values()) {
            // millions read as 20M, so that six columns of numbers leave room for the plan's name and actions
            numeric(grid.addColumn(plan -> Amounts.compact(plan.included(metric))).setHeader(header(metric)))
                    .setTooltipGenerator(plan -> Amounts.included(metric, plan.included(metric)));
        }
        grid.addColumn(plan -> plan.hardQuota() ? "Yes" : "No").setHeader("Hard quota").setWidth("6.5rem").setFlexGrow(0);
        numeric(grid.addColumn(plan -> Amounts.count(subscribers.getOrDefault(plan.id(), 0))).setHeader("Tenants"))
                .setWidth("5.5rem");
        grid.addComponentColumn(this::actions).setHeader("").setWidth("12.5rem").setFlexGrow(0);

        add(new ViewHeader("Plans", "What tenants pay each month, what that includes, what costs extra, and their limits. "
                + "New tenants start on the default plan.", create), grid, empty);
        reload();
    }

    private void reload() {
        Feedback.attempt(() -> {
            all = plans.list(signedIn.operator());
            subscribers = plans.subscribers(signedIn.operator());
            return all;
        }).ifPresent(list -> {
            grid.setItems(list);
            grid.setVisible(!list.isEmpty());
            empty.setVisible(list.isEmpty());
        });
    }

    private static String header(BillableMetric metric) {
        return switch (metric) {
            case ACTIVE_USERS -> "MAU";
            case MESSAGES -> "Messages";
            case PUSHES -> "Pushes";
            case STORAGE_GB -> "GB";
        };
    }

    private static Grid.Column<Plan> numeric(Grid.Column<Plan> column) {
        return column.setWidth("6rem").setFlexGrow(1).setTextAlign(ColumnTextAlign.END).setPartNameGenerator(plan -> "numeric-cell");
    }

    private static Div name(Plan plan) {
        Span name = new Span(plan.name());
        name.addClassName("plan-name");
        Div cell = new Div(name);
        cell.setId("plan-" + plan.id());
        cell.addClassName("plan-cell");
        if (plan.isDefault()) {
            Span badge = new Span("Default");
            badge.getElement().getThemeList().add("badge success small");
            cell.add(badge);
        }
        if (plan.retired()) {
            Span badge = new Span("Retired");
            badge.getElement().getThemeList().add("badge contrast small");
            cell.add(badge);
        }
        return cell;
    }

    private Component actions(Plan plan) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        Button edit = small("Edit", "edit-plan-" + plan.id());
        edit.addClickListener(event -> openEditor(Optional.of(plan)));
        actions.add(edit);
        if (!plan.retired()) {
            Button retire = small("Retire", "retire-plan-" + plan.id());
            retire.addClickListener(event -> confirmRetire(plan));
            actions.add(retire);
        }
        Button delete = small("Delete", "delete-plan-" + plan.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(event -> confirmDelete(plan));
        actions.add(delete);
        return actions;
    }

    private static Button small(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void openEditor(Optional<Plan> existing) {
        Optional<Plan> template = all.stream().filter(Plan::isDefault).findFirst();
        new PlanDialog(existing, template,
                draft -> existing.isPresent()
                        ? plans.update(signedIn.operator(), existing.get().id(), draft)
                        : plans.create(signedIn.operator(), draft),
                saved -> {
                    Feedback.success(saved.name() + (existing.isPresent() ? " is saved" : " is created"));
                    reload();
                }).open();
    }

    private void confirmRetire(Plan plan) {
        int tenants = subscribers.getOrDefault(plan.id(), 0);
        new ActionDialog("retire-plan", "Retire " + plan.name() + "?",
                "A retired plan is no longer offered and takes no new tenants. The " + tenants
                        + (tenants == 1 ? " tenant" : " tenants") + " on it stay on it until they or you change their plan.",
                "Retire", false, () -> plans.retire(signedIn.operator(), plan.id()),
                () -> {
                    Feedback.success(plan.name() + " is retired");
                    reload();
                }).open();
    }

    private void confirmDelete(Plan plan) {
        ActionDialog dialog = new ActionDialog("delete-plan", "Delete " + plan.name() + "?",
                "Only a plan no tenant has ever been on can be deleted; one that was used is retired instead, "
                        + "so that its invoices keep their plan.",
                "Delete", true, () -> plans.delete(signedIn.operator(), plan.id()),
                () -> {
                    Feedback.success(plan.name() + " is deleted");
                    reload();
                });
        if (!plan.retired() && !plan.isDefault()) {
            Button retire = new Button("Retire instead", event -> {
                dialog.close();
                confirmRetire(plan);
            });
            retire.setId("delete-plan-retire-instead");
            dialog.onRefusal(retire);
        }
        dialog.open();
    }
}
