package io.linnet.console.analytics;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import io.linnet.analytics.Granularity;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Which days the numbers cover and how finely: today, the last 7, 30 or 90 days, or two days
 * picked; per hour (up to 7 days) or per day. A custom range that cannot be shown (the last day
 * before the first, a day after today) is said beside the date at fault, and nothing changes
 * until it is fixed. Hands every range it accepts to {@code changed}.
 */
class RangeForm extends Composite<HorizontalLayout> {

    final Select<UsageRange.Choice> choice = new Select<>();
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final RadioButtonGroup<Granularity> per = new RadioButtonGroup<>("Points");
    private final Supplier<LocalDate> today;
    private final Consumer<UsageRange> changed;
    private UsageRange range;
    private boolean showing;

    /** A form with the choice of hours or days, for numbers that have both. */
    RangeForm(UsageRange initial, Supplier<LocalDate> today, Consumer<UsageRange> changed) {
        this(initial, today, changed, true);
    }

    /** @param hours whether to offer hours at all (numbers kept per day only: without) */
    RangeForm(UsageRange initial, Supplier<LocalDate> today, Consumer<UsageRange> changed, boolean hours) {
        this.today = today;
        this.changed = changed;
        this.range = initial;

        choice.setId("range");
        choice.setLabel("Range");
        choice.setItems(UsageRange.Choice.values());
        choice.setItemLabelGenerator(UsageRange.Choice::label);
        choice.setWidth("11rem");
        for (DatePicker day : new DatePicker[]{from, to}) {
            day.setManualValidation(true);
            // days as the rest of the console writes them, the same for every viewer
            day.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
            day.setWidth("10rem");
            day.setMax(today.get());
        }
        from.setId("range-from");
        to.setId("range-to");
        per.setId("range-per");
        per.setItems(Granularity.HOUR, Granularity.DAY);
        per.setItemLabelGenerator(unit -> unit == Granularity.HOUR ? "Per hour" : "Per day");
        per.setHelperText("Per hour for up to " + UsageRange.MAX_HOURLY_DAYS + " days");
        per.setVisible(hours);

        show(initial);
        choice.addValueChangeListener(event -> {
            if (!showing && event.getValue() != null) {
                chosen(event.getValue());
            }
        });
        from.addValueChangeListener(event -> {
            if (!showing) {
                daysPicked();
            }
        });
        to.addValueChangeListener(event -> {
            if (!showing) {
                daysPicked();
            }
        });
        per.addValueChangeListener(event -> {
            if (!showing && event.getValue() != null && event.getValue() != range.granularity()) {
                accept(range.per(event.getValue()));
            }
        });

        HorizontalLayout form = getContent();
        form.setId("range-form");
        form.addClassName("range-form");
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.add(choice, from, to, per);
    }

    UsageRange range() {
        return range;
    }

    private void chosen(UsageRange.Choice picked) {
        if (picked == UsageRange.Choice.CUSTOM) {
            // start from the days shown so far, to be narrowed or widened
            accept(new UsageRange(UsageRange.Choice.CUSTOM, range.from(), range.to(), range.granularity()));
        } else {
            accept(UsageRange.of(picked, today.get(), java.util.Optional.empty()));
        }
    }

    private void daysPicked() {
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        from.setInvalid(false);
        to.setInvalid(false);
        var problem = UsageRange.problem(first, last, today.get());
        if (problem.isPresent()) {
            DatePicker field = problem.get().field() == UsageRange.Field.FROM ? from : to;
            field.setErrorMessage(problem.get().message());
            field.setInvalid(true);
            return;
        }
        accept(UsageRange.custom(first, last, today.get(), range.granularity()));
    }

    private void accept(UsageRange accepted) {
        range = accepted;
        show(accepted);
        changed.accept(accepted);
    }

    /** Puts {@code shown} in the fields without taking the changes as the user's. */
    private void show(UsageRange shown) {
        showing = true;
        try {
            choice.setValue(shown.choice());
            boolean custom = shown.choice() == UsageRange.Choice.CUSTOM;
            from.setVisible(custom);
            to.setVisible(custom);
            from.setValue(shown.from());
            to.setValue(shown.to());
            from.setInvalid(false);
            to.setInvalid(false);
            per.setItemEnabledProvider(unit -> unit == Granularity.DAY || shown.hourlyAllowed());
            per.setValue(shown.granularity());
        } finally {
            showing = false;
        }
    }
}
