package io.linnet.console.billing;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillingOverview;
import io.linnet.billing.QuotaNotice;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The quotas a tenant has reached this period, said at the top of its pages: one sentence per metric
 * at its highest notice (80 or 100 percent of what the plan includes), what happens past it (billed as
 * overage, or refused until the next period on a plan with a hard quota), and a link to the Billing
 * page. Shown only to members who may see billing.
 */
public class QuotaBanner extends Div {

    static final int FULL = 100;

    /** The banner for {@code overview}, linking to the Billing page unless it is shown there. */
    public QuotaBanner(BillingOverview overview, boolean linkToBilling) {
        setId("quota-banner");
        addClassName("quota-banner");
        getElement().setAttribute("role", "status");
        List<String> sentences = sentences(overview);
        boolean full = highest(overview.notices()).values().stream().anyMatch(percent -> percent >= FULL);
        setClassName("quota-banner-full", full);
        Div text = new Div();
        text.addClassName("quota-banner-text");
        for (int i = 0; i < sentences.size(); i++) {
            Span sentence = new Span(sentences.get(i));
            sentence.setId("quota-notice-" + i);
            text.add(sentence);
        }
        add(full ? VaadinIcon.EXCLAMATION_CIRCLE.create() : VaadinIcon.INFO_CIRCLE.create(), text);
        if (linkToBilling) {
            RouterLink billing = new RouterLink("See usage and plans", BillingView.class);
            billing.setId("quota-banner-link");
            billing.addClassName("quota-banner-link");
            add(billing);
        }
    }

    /** Whether {@code overview} has anything to say: a quota reached this period. */
    public static boolean applies(BillingOverview overview) {
        return !overview.notices().isEmpty();
    }

    /**
     * One sentence per metric with a notice, at its highest percent, e.g. "Messages: 80% of what your
     * plan includes is used this period."
     */
    static List<String> sentences(BillingOverview overview) {
        boolean hard = overview.subscription().plan().hardQuota();
        LocalDate nextPeriod = overview.subscription().period().end();
        return highest(overview.notices()).entrySet().stream()
                .map(notice -> sentence(notice.getKey(), notice.getValue(), hard, nextPeriod))
                .toList();
    }

    static String sentence(BillableMetric metric, int percent, boolean hard, LocalDate nextPeriod) {
        String reached = metric.label() + ": " + Amounts.percent(percent) + " of what your plan includes is used this period";
        if (percent < FULL) {
            return reached + ".";
        }
        return reached + "; " + pastIt(metric, hard, nextPeriod) + ".";
    }

    /** What happens past what the plan includes: on a hard quota, sends, pushes and new end users are refused. */
    private static String pastIt(BillableMetric metric, boolean hard, LocalDate nextPeriod) {
        String until = " until " + Amounts.day(nextPeriod);
        if (!hard) {
            return "past it, usage is billed as overage";
        }
        return switch (metric) {
            case MESSAGES -> "further sends are refused" + until;
            case PUSHES -> "further pushes are refused" + until;
            case ACTIVE_USERS -> "new end users are refused" + until;
            // storage is not cut off: what is stored beyond it is billed at the plan's overage price
            case STORAGE_GB -> "past it, usage is billed as overage";
        };
    }

    private static Map<BillableMetric, Integer> highest(List<QuotaNotice> notices) {
        Map<BillableMetric, Integer> highest = new EnumMap<>(BillableMetric.class);
        for (QuotaNotice notice : notices) {
            highest.merge(notice.metric(), notice.percent(), Math::max);
        }
        return highest;
    }
}
