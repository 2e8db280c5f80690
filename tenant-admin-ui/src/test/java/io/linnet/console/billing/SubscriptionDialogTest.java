package io.linnet.console.billing;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import io.linnet.billing.Billing;
import io.linnet.billing.Plan;
import io.linnet.billing.Subscription;
import io.linnet.billing.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static io.linnet.console.billing.PlanDialogTest.find;
import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionDialogTest {

    private final Plan pro = BillingSamples.plan("Pro", "99.00", "USD", false);
    private final Plan team = BillingSamples.plan("Team", "49.00", "USD", false);

    private SubscriptionDialog dialog(Subscription current) {
        return new SubscriptionDialog("Acme", current, List.of(pro, team), change -> current, after -> {
        });
    }

    @Test
    void only_what_was_changed_is_sent() {
        SubscriptionDialog dialog = dialog(BillingSamples.subscription(pro, Optional.of(new BigDecimal("19"))));
        assertThat(dialog.change()).contains(new Billing.SubscriptionChange(Optional.empty(), Optional.empty(), Optional.empty(), false));

        SubscriptionDialog changed = dialog(BillingSamples.subscription(pro, Optional.of(new BigDecimal("19"))));
        PlanDialogTest.<Select<Plan>>find(changed, "subscription-plan").setValue(team);
        PlanDialogTest.<Select<SubscriptionStatus>>find(changed, "subscription-status").setValue(SubscriptionStatus.PAST_DUE);
        PlanDialogTest.<BigDecimalField>find(changed, "subscription-tax-rate").setValue(new BigDecimal("7.5"));
        assertThat(changed.change()).contains(new Billing.SubscriptionChange(Optional.of(team.id()),
                Optional.of(SubscriptionStatus.PAST_DUE), Optional.of(new BigDecimal("7.5")), false));
    }

    @Test
    void no_tax_clears_the_rate_and_a_missing_rate_is_said_on_its_field() {
        SubscriptionDialog taxed = dialog(BillingSamples.subscription(pro, Optional.of(new BigDecimal("19"))));
        PlanDialogTest.<Checkbox>find(taxed, "subscription-no-tax").setValue(true);
        assertThat(taxed.change()).contains(new Billing.SubscriptionChange(Optional.empty(), Optional.empty(), Optional.empty(), true));

        SubscriptionDialog untaxed = dialog(BillingSamples.subscription(pro, Optional.empty()));
        assertThat(PlanDialogTest.<BigDecimalField>find(untaxed, "subscription-tax-rate").isEnabled()).isFalse();
        PlanDialogTest.<Checkbox>find(untaxed, "subscription-no-tax").setValue(false);
        assertThat(untaxed.change()).isEmpty();
        BigDecimalField rate = find(untaxed, "subscription-tax-rate");
        assertThat(rate.isInvalid()).isTrue();
        assertThat(rate.getErrorMessage()).isEqualTo("Enter the rate in percent, or tick No tax");
    }
}
