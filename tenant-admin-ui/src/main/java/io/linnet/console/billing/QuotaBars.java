package io.linnet.console.billing;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillingOverview;
import io.linnet.billing.Plan;
import io.linnet.billing.QuotaUsage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * This period's usage against each quota of the plan, one bar per billable metric: used of included,
 * in percent, marked "hard limit" when nothing past it is let through; the bar turns to a warning at
 * {@value #WARNING} percent and to an error at {@value #FULL}. Under each bar, what happens past it.
 */
class QuotaBars extends Div {

    static final int WARNING = 80;
    static final int FULL = 100;

    QuotaBars(String id, BillingOverview overview) {
        setId(id);
        addClassName("quota-card");
        add(new H3("Usage this period"));
        Paragraph about = new Paragraph("What your apps used since " + Amounts.day(overview.subscription().period().start())
                + " (UTC), against what the plan includes. Numbers lag what happened by a few seconds.");
        about.addClassName("quota-about");
        add(about);
        Plan plan = overview.subscription().plan();
        for (QuotaUsage quota : overview.quotas()) {
            add(bar(id, quota, plan, overview));
        }
    }

    private static Div bar(String id, QuotaUsage quota, Plan plan, BillingOverview overview) {
        String key = id + "-" + quota.metric().key();
        Span label = new Span(quota.metric().label());
        label.addClassName("quota-label");
        Div heading = new Div(label);
        heading.addClassName("quota-heading");
        if (refusedPastIt(quota)) {
            Span hard = new Span("hard limit");
            hard.setId(key + "-hard");
            hard.getElement().getThemeList().add("badge contrast small");
            heading.add(hard);
        }
        Span numbers = new Span(numbers(quota));
        numbers.setId(key + "-numbers");
        numbers.addClassName("quota-numbers");
        heading.add(numbers);

        ProgressBar progress = new ProgressBar(0, 1, fraction(quota));
        progress.setId(key + "-bar");
        progress.addClassName("quota-bar");
        progress.getElement().setAttribute("aria-label", quota.metric().label() + ": " + numbers(quota));
        String level = level(quota);
        if (!level.isEmpty()) {
            progress.addClassName(level);
        }

        Span note = new Span(note(quota, plan, overview));
        note.setId(key + "-note");
        note.addClassName("quota-note");
        Div row = new Div(heading, progress, note);
        row.setId(key);
        row.addClassName("quota-row");
        if (!level.isEmpty()) {
            row.addClassName(level);
        }
        return row;
    }

    /** "1,200 of 10,000 messages · 12%"; with nothing included, "3 messages, none included". */
    static String numbers(QuotaUsage quota) {
        if (quota.included() <= 0) {
            return Amounts.quantity(quota.used()) + " " + Amounts.unit(quota.metric(), quota.used()) + ", none included";
        }
        return Amounts.quantity(quota.used()) + " of " + Amounts.count(quota.included()) + " "
                + Amounts.unit(quota.metric(), BigDecimal.valueOf(quota.included())) + " · "
                + Amounts.percent(quota.percent());
    }

    /**
     * The CSS class of a bar's level. With nothing included there is no share to warn of: the bar stays
     * empty and plain, unless a hard quota refuses everything.
     */
    static String level(QuotaUsage quota) {
        if (quota.included() <= 0) {
            return refusedPastIt(quota) ? "quota-full" : "";
        }
        return level(quota.percent());
    }

    /** The CSS class of a share: none, {@code quota-warning} from 80 %, {@code quota-full} from 100 %. */
    static String level(int percent) {
        if (percent >= FULL) {
            return "quota-full";
        }
        return percent >= WARNING ? "quota-warning" : "";
    }

    /** What happens past what is included: billed per unit, or refused until the next period. */
    static String note(QuotaUsage quota, Plan plan, BillingOverview overview) {
        if (refusedPastIt(quota)) {
            return "Nothing past it is let through until " + Amounts.day(overview.subscription().period().end()) + ".";
        }
        if (plan.overagePrice(quota.metric()).isZero()) {
            return "Past it, usage costs nothing extra on this plan.";
        }
        return "Past it, " + Amounts.unitPrice(plan.overagePrice(quota.metric())) + " " + Amounts.perUnit(quota.metric()) + ".";
    }

    /**
     * Whether nothing past what is included is let through: on a plan with a hard quota, sends, pushes
     * and new end users are refused (as {@link Plan} says); stored bytes are not cut off, so storage past
     * it is billed like on any plan, though {@link QuotaUsage#hard()} carries the plan's flag for it too.
     */
    static boolean refusedPastIt(QuotaUsage quota) {
        return quota.hard() && quota.metric() != BillableMetric.STORAGE_GB;
    }

    private static double fraction(QuotaUsage quota) {
        if (quota.included() <= 0) {
            return refusedPastIt(quota) ? 1 : 0;
        }
        BigDecimal fraction = quota.used().divide(BigDecimal.valueOf(quota.included()), 4, RoundingMode.HALF_UP);
        return Math.min(1, fraction.doubleValue());
    }
}
