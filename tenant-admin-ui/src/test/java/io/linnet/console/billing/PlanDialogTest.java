package io.linnet.console.billing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.billing.BillableMetric;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanDraft;
import io.linnet.billing.PlanLimits;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PlanDialogTest {

    private final List<PlanDraft> sent = new ArrayList<>();
    private final List<Plan> saved = new ArrayList<>();
    private final Plan template = BillingSamples.plan("Free", "0", "USD", true);

    @SuppressWarnings("unchecked")
    static <T extends Component> T find(Component root, String id) {
        return (T) descendants(root).filter(child -> id.equals(child.getId().orElse(""))).findFirst()
                .orElseThrow(() -> new AssertionError("no #" + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(PlanDialogTest::descendants));
    }

    private PlanDialog dialog(Function<PlanDraft, Plan> save) {
        return new PlanDialog(Optional.empty(), Optional.of(template), draft -> {
            sent.add(draft);
            return save.apply(draft);
        }, saved::add);
    }

    private static Button save(PlanDialog dialog) {
        return (Button) dialog.getFooter().getElement().getChildren()
                .map(element -> element.getComponent().orElseThrow())
                .filter(component -> "plan-save".equals(component.getId().orElse(""))).findFirst().orElseThrow();
    }

    @Test
    void a_new_plan_starts_from_the_templates_currency_and_limits_and_sends_what_was_typed() {
        Plan stored = BillingSamples.plan("Team", "49.00", "EUR", false);
        PlanDialog dialog = dialog(draft -> stored);
        assertThat(((TextField) find(dialog, "plan-currency")).getValue()).isEqualTo("USD");
        assertThat(((IntegerField) find(dialog, "plan-limit-maxApps")).getValue()).isEqualTo(2);

        ((TextField) find(dialog, "plan-name")).setValue("Team");
        ((TextField) find(dialog, "plan-currency")).setValue("eur");
        ((BigDecimalField) find(dialog, "plan-price")).setValue(new BigDecimal("49.00"));
        ((BigDecimalField) find(dialog, "plan-included-messages")).setValue(new BigDecimal("5000"));
        ((BigDecimalField) find(dialog, "plan-overage-messages")).setValue(new BigDecimal("0.001"));
        ((Checkbox) find(dialog, "plan-hard-quota")).setValue(true);
        save(dialog).click();

        assertThat(sent).hasSize(1);
        PlanDraft draft = sent.getFirst();
        assertThat(draft.name()).isEqualTo("Team");
        assertThat(draft.currency()).as("typed in lower case, sent as the code").isEqualTo("EUR");
        assertThat(draft.monthlyPrice()).isEqualByComparingTo("49.00");
        assertThat(draft.included()).containsEntry(BillableMetric.MESSAGES, 5000L).containsEntry(BillableMetric.PUSHES, 0L);
        assertThat(draft.overagePrices().get(BillableMetric.MESSAGES)).isEqualByComparingTo("0.001");
        assertThat(draft.hardQuota()).isTrue();
        assertThat(draft.isDefault()).isFalse();
        assertThat(draft.limits()).isEqualTo(new PlanLimits(2, 100, 20, 10, 10, 30));
        assertThat(saved).containsExactly(stored);
    }

    @Test
    void a_refusal_is_shown_on_the_field_it_names_and_nothing_is_saved() {
        PlanDialog dialog = dialog(draft -> {
            throw DomainException.invalid("currency: an ISO 4217 code such as EUR, USD or JPY");
        });
        ((TextField) find(dialog, "plan-name")).setValue("Team");
        ((TextField) find(dialog, "plan-currency")).setValue("EUR0");
        ((BigDecimalField) find(dialog, "plan-price")).setValue(BigDecimal.TEN);
        save(dialog).click();

        TextField currency = find(dialog, "plan-currency");
        assertThat(currency.isInvalid()).isTrue();
        assertThat(currency.getErrorMessage()).isEqualTo("An ISO 4217 code such as EUR, USD or JPY");
        assertThat(saved).isEmpty();

        PlanDialog limited = dialog(draft -> {
            throw DomainException.invalid("limits.maxApps: from 1 to 100000000");
        });
        ((BigDecimalField) find(limited, "plan-price")).setValue(BigDecimal.TEN);
        save(limited).click();
        assertThat(((IntegerField) find(limited, "plan-limit-maxApps")).getErrorMessage()).isEqualTo("From 1 to 100000000");
    }

    @Test
    void a_taken_name_is_said_on_the_name_and_a_number_that_is_missing_or_not_whole_is_never_sent() {
        PlanDialog taken = dialog(draft -> {
            throw DomainException.conflict("A plan named 'Pro' already exists");
        });
        ((BigDecimalField) find(taken, "plan-price")).setValue(BigDecimal.TEN);
        save(taken).click();
        assertThat(((TextField) find(taken, "plan-name")).getErrorMessage()).isEqualTo("A plan named 'Pro' already exists");

        sent.clear();
        PlanDialog fractional = dialog(draft -> draft == null ? null : template);
        ((BigDecimalField) find(fractional, "plan-price")).setValue(BigDecimal.TEN);
        ((BigDecimalField) find(fractional, "plan-included-pushes")).setValue(new BigDecimal("1.5"));
        save(fractional).click();
        BigDecimalField pushes = find(fractional, "plan-included-pushes");
        assertThat(pushes.isInvalid()).isTrue();
        assertThat(pushes.getErrorMessage()).isEqualTo("Enter a whole number (0 for none)");

        PlanDialog priceless = dialog(draft -> template);
        save(priceless).click();
        assertThat(((BigDecimalField) find(priceless, "plan-price")).isInvalid()).isTrue();
        assertThat(sent).isEmpty();
    }
}
