package io.linnet.billing.plan;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.PlanDraft;
import io.linnet.billing.PlanLimits;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanCheckTest {

    private static final PlanLimits LIMITS = new PlanLimits(2, 100, 20, 10, 10, 30);

    private static PlanDraft draft(String name, String currency, String price, Map<BillableMetric, Long> included,
                                   Map<BillableMetric, BigDecimal> overage, PlanLimits limits) {
        return new PlanDraft(name, currency, price == null ? null : new BigDecimal(price), included, overage, false, limits, false);
    }

    @Test
    void the_seeded_plans_pass_their_own_checks() {
        PlanSeed.PLANS.forEach(PlanBook::check);
        assertThat(PlanSeed.PLANS.stream().filter(PlanDraft::isDefault).map(PlanDraft::name)).containsExactly("Free");
    }

    @Test
    void a_plan_is_trimmed_and_its_currency_upper_cased() {
        PlanBook.Checked checked = PlanBook.check(draft("  Team  ", "eur", "49.00", Map.of(), Map.of(), LIMITS));
        assertThat(checked.draft().name()).isEqualTo("Team");
        assertThat(checked.currency().getCurrencyCode()).isEqualTo("EUR");
    }

    static Stream<Object[]> bad() {
        return Stream.of(
                new Object[]{draft("", "EUR", "1", Map.of(), Map.of(), LIMITS), "name:"},
                new Object[]{draft("x".repeat(61), "EUR", "1", Map.of(), Map.of(), LIMITS), "name:"},
                new Object[]{draft("Tab\tname", "EUR", "1", Map.of(), Map.of(), LIMITS), "name:"},
                new Object[]{draft("A", "EURO", "1", Map.of(), Map.of(), LIMITS), "currency:"},
                new Object[]{draft("A", null, "1", Map.of(), Map.of(), LIMITS), "currency:"},
                new Object[]{draft("A", "EUR", null, Map.of(), Map.of(), LIMITS), "monthlyPrice:"},
                new Object[]{draft("A", "EUR", "-1", Map.of(), Map.of(), LIMITS), "monthlyPrice:"},
                new Object[]{draft("A", "JPY", "1.5", Map.of(), Map.of(), LIMITS), "monthlyPrice:"},
                new Object[]{draft("A", "EUR", "1", Map.of(BillableMetric.MESSAGES, -1L), Map.of(), LIMITS), "included.messages:"},
                new Object[]{draft("A", "EUR", "1", Map.of(), Map.of(BillableMetric.PUSHES, new BigDecimal("0.0000001")), LIMITS),
                        "overagePrices.pushes:"},
                new Object[]{draft("A", "EUR", "1", Map.of(), Map.of(BillableMetric.PUSHES, new BigDecimal("-0.1")), LIMITS),
                        "overagePrices.pushes:"},
                new Object[]{draft("A", "EUR", "1", Map.of(), Map.of(), null), "limits:"},
                new Object[]{draft("A", "EUR", "1", Map.of(), Map.of(), new PlanLimits(0, 1, 1, 1, 1, 1)), "limits.maxApps:"},
                new Object[]{draft("A", "EUR", "1", Map.of(), Map.of(), new PlanLimits(1, 1, 1, 1, 1, 0)), "limits.messageRetentionDays:"});
    }

    @ParameterizedTest
    @MethodSource("bad")
    void a_bad_field_is_refused_with_its_name_first(PlanDraft draft, String field) {
        assertThatThrownBy(() -> PlanBook.check(draft))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(refused.getMessage()).startsWith(field);
                });
    }
}
