package io.linnet.console.billing;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.billing.BillableMetric;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanDraft;
import io.linnet.billing.PlanLimits;
import io.linnet.console.component.FieldErrors;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Creates or edits a plan: its name, currency and monthly price, what it includes of each billable
 * metric each month and the price per unit past that, whether the included amounts are a hard quota,
 * whether new tenants start on it, and its six limits. The services check the plan; a refusal shows
 * beside the field it names, and the dialog stays open to fix it.
 */
class PlanDialog extends Dialog {

    /** The limits' fields, by the names the services give them ("limits.maxApps: from 1 to ..."). */
    enum Limit {
        MAX_APPS("maxApps", "Apps", "per tenant"),
        MAX_CONNECTIONS("maxConnectionsPerApp", "Connections", "open at once per app"),
        API_RATE("apiRequestsPerSecond", "API requests a second", "per app key"),
        SEND_RATE("sendsPerSecondPerUser", "Messages a second", "per end user"),
        PUSH_RATE("pushesPerSecondPerApp", "Pushes a second", "per app"),
        RETENTION("messageRetentionDays", "Message retention", "days messages are kept");

        final String key;
        final String label;
        final String helper;

        Limit(String key, String label, String helper) {
            this.key = key;
            this.label = label;
            this.helper = helper;
        }

        int of(PlanLimits limits) {
            return switch (this) {
                case MAX_APPS -> limits.maxApps();
                case MAX_CONNECTIONS -> limits.maxConnectionsPerApp();
                case API_RATE -> limits.apiRequestsPerSecond();
                case SEND_RATE -> limits.sendsPerSecondPerUser();
                case PUSH_RATE -> limits.pushesPerSecondPerApp();
                case RETENTION -> limits.messageRetentionDays();
            };
        }
    }

    private final TextField name = new TextField("Name");
    private final TextField currency = new TextField("Currency");
    private final BigDecimalField price = new BigDecimalField("Monthly price");
    private final Checkbox hardQuota = new Checkbox("Hard quota: past what is included, refuse sends, pushes and new end users until the next month");
    private final Checkbox isDefault = new Checkbox("Default: new tenants start on this plan");
    private final Map<BillableMetric, BigDecimalField> included = new EnumMap<>(BillableMetric.class);
    private final Map<BillableMetric, BigDecimalField> overage = new EnumMap<>(BillableMetric.class);
    private final Map<Limit, IntegerField> limits = new EnumMap<>(Limit.class);
    private final FieldErrors errors = new FieldErrors("plan-error");

    /**
     * @param existing the plan to edit, or empty for a new one
     * @param template what a new plan starts from (currency and limits), e.g. the default plan
     * @param save     stores the draft and answers the plan stored; throws {@link DomainException} when refused
     */
    PlanDialog(Optional<Plan> existing, Optional<Plan> template, Function<PlanDraft, Plan> save, Consumer<Plan> saved) {
        setId("plan-dialog");
        setHeaderTitle(existing.map(plan -> "Edit " + plan.name()).orElse("New plan"));
        setWidth("52rem");

        name.setId("plan-name");
        name.setMaxLength(60);
        name.setPlaceholder("e.g. Team");
        currency.setId("plan-currency");
        currency.setMaxLength(3);
        currency.setHelperText("ISO 4217 code, e.g. EUR, USD");
        currency.addValueChangeListener(event -> {
            String upper = event.getValue().strip().toUpperCase(Locale.ROOT);
            if (!upper.equals(event.getValue())) {
                currency.setValue(upper);
            }
            describePrices();
        });
        price.setId("plan-price");
        price.setHelperText("Billed for the whole month, prorated by days when a tenant changes plan");
        hardQuota.setId("plan-hard-quota");
        isDefault.setId("plan-default");
        errors.on("name", name).on("currency", currency).on("monthlyPrice", price)
                .on("hardQuota", hardQuota).on("isDefault", isDefault);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 4));
        form.add(name, 2);
        form.add(currency, price);
        form.add(hardQuota, 4);
        form.add(isDefault, 4);

        form.add(section("Included each month"), 4);
        for (BillableMetric metric : BillableMetric.values()) {
            BigDecimalField field = new BigDecimalField(metric.label());
            field.setId("plan-included-" + metric.key());
            if (metric == BillableMetric.STORAGE_GB) {
                field.setHelperText("in whole GB");
            }
            included.put(metric, field);
            errors.on("included." + metric.key(), field);
            form.add(field);
        }
        form.add(section("Price per unit past what is included"), 4);
        for (BillableMetric metric : BillableMetric.values()) {
            BigDecimalField field = new BigDecimalField(metric.label());
            field.setId("plan-overage-" + metric.key());
            overage.put(metric, field);
            errors.on("overagePrices." + metric.key(), field);
            form.add(field);
        }
        form.add(section("Limits"), 4);
        for (Limit limit : Limit.values()) {
            IntegerField field = new IntegerField(limit.label);
            field.setId("plan-limit-" + limit.key);
            field.setHelperText(limit.helper);
            limits.put(limit, field);
            errors.on("limits." + limit.key, field);
            form.add(field, 2);
        }
        form.add(errors.general(), 4);
        add(form);

        fill(existing, template);

        Button ok = new Button(existing.isPresent() ? "Save plan" : "Create plan", event -> {
            errors.clear();
            Optional<PlanDraft> draft = draft();
            if (draft.isEmpty()) {
                return;
            }
            try {
                Plan plan = save.apply(draft.get());
                close();
                saved.accept(plan);
            } catch (DomainException refused) {
                show(refused);
            }
        });
        ok.setId("plan-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("plan-cancel");
        getFooter().add(cancel, ok);
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                name.focus();
            }
        });
    }

    private void fill(Optional<Plan> existing, Optional<Plan> template) {
        Optional<Plan> start = existing.or(() -> template);
        name.setValue(existing.map(Plan::name).orElse(""));
        currency.setValue(start.map(plan -> plan.currency().getCurrencyCode()).orElse("USD"));
        existing.ifPresent(plan -> price.setValue(plan.monthlyPrice().rounded().amount()));
        hardQuota.setValue(existing.map(Plan::hardQuota).orElse(false));
        isDefault.setValue(existing.map(Plan::isDefault).orElse(false));
        for (BillableMetric metric : BillableMetric.values()) {
            included.get(metric).setValue(BigDecimal.valueOf(existing.map(plan -> plan.included(metric)).orElse(0L)));
            overage.get(metric).setValue(plain(existing.map(plan -> plan.overagePrice(metric).amount()).orElse(BigDecimal.ZERO)));
        }
        start.map(Plan::limits).ifPresent(planLimits -> limits.forEach((limit, field) -> field.setValue(limit.of(planLimits))));
        describePrices();
    }

    /** Says the currency beside the prices, as the operator types it. */
    private void describePrices() {
        String code = currency.getValue().isBlank() ? "" : " " + currency.getValue();
        overage.forEach((metric, field) -> field.setHelperText(code.strip() + " " + Amounts.perUnit(metric)));
        price.setSuffixComponent(code.isBlank() ? null : new Span(code.strip()));
    }

    /** The draft as typed; empty (with the fields to fix marked) when a number is missing or not whole. */
    Optional<PlanDraft> draft() {
        if (price.getValue() == null) {
            errors.show("monthlyPrice: enter the monthly price, e.g. 49.00 (0 for a free plan)");
            return Optional.empty();
        }
        Map<BillableMetric, Long> includedAmounts = new LinkedHashMap<>();
        Map<BillableMetric, BigDecimal> overagePrices = new LinkedHashMap<>();
        for (BillableMetric metric : BillableMetric.values()) {
            BigDecimal amount = included.get(metric).getValue();
            if (amount == null || amount.stripTrailingZeros().scale() > 0) {
                errors.show("included." + metric.key() + ": enter a whole number (0 for none)");
                return Optional.empty();
            }
            try {
                includedAmounts.put(metric, amount.longValueExact());
            } catch (ArithmeticException tooLarge) {
                errors.show("included." + metric.key() + ": a number that large is not possible");
                return Optional.empty();
            }
            BigDecimal unitPrice = overage.get(metric).getValue();
            if (unitPrice == null) {
                errors.show("overagePrices." + metric.key() + ": enter a price per unit (0 for nothing extra)");
                return Optional.empty();
            }
            overagePrices.put(metric, unitPrice);
        }
        int[] values = new int[Limit.values().length];
        for (Limit limit : Limit.values()) {
            Integer value = limits.get(limit).getValue();
            if (value == null) {
                errors.show("limits." + limit.key + ": enter a whole number");
                return Optional.empty();
            }
            values[limit.ordinal()] = value;
        }
        PlanLimits planLimits = new PlanLimits(values[0], values[1], values[2], values[3], values[4], values[5]);
        return Optional.of(new PlanDraft(name.getValue(), currency.getValue(), price.getValue(), includedAmounts, overagePrices,
                hardQuota.getValue(), planLimits, isDefault.getValue()));
    }

    /** A refusal beside what it concerns: a field it names, the name when it is taken, the currency or default when locked. */
    private void show(DomainException refused) {
        String message = refused.getMessage() == null ? "" : refused.getMessage();
        if (refused.code() == ErrorCode.CONFLICT) {
            HasValidation field = message.startsWith("A plan named") ? name
                    : message.startsWith("The currency") ? currency
                    : message.contains("default") ? isDefault : null;
            if (field != null) {
                errors.clear();
                field.setErrorMessage(message);
                field.setInvalid(true);
                return;
            }
        }
        errors.show(message);
    }

    private static H4 section(String title) {
        H4 heading = new H4(title);
        heading.addClassName("form-section");
        return heading;
    }

    /** {@code 0.0005} rather than {@code 5E-4}, {@code 10} rather than {@code 1E+1}. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
