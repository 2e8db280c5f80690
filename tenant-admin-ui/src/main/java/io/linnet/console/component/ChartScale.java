package io.linnet.console.component;

import java.util.ArrayList;
import java.util.List;

/**
 * The value axis of a chart: from zero up to a round number just above the highest value, in a few
 * round steps (1, 2 or 5 times a power of ten), so the grid lines read 0, 50, 100 rather than 0, 37, 74.
 *
 * @param max  the top of the axis, at least the highest value
 * @param step the distance between two grid lines
 */
public record ChartScale(long max, long step) {

    /** About this many steps from zero to the top. */
    static final int STEPS = 4;

    public ChartScale {
        if (step < 1 || max < step || max % step != 0) {
            throw new IllegalArgumentException("a scale goes up in whole steps of at least 1: " + max + " by " + step);
        }
    }

    /** The scale for values up to {@code highest} (zero or negative: a scale of 0 to 1). */
    public static ChartScale of(long highest) {
        if (highest <= 0) {
            return new ChartScale(1, 1);
        }
        double rough = (double) highest / STEPS;
        long power = 1;
        while (power * 10 <= rough) {
            power *= 10;
        }
        long step = power;
        for (long factor : new long[]{1, 2, 5, 10}) {
            step = factor * power;
            if (step >= rough) {
                break;
            }
        }
        long max = (highest + step - 1) / step * step;
        return new ChartScale(max, step);
    }

    /** The values of the grid lines, zero first. */
    public List<Long> ticks() {
        List<Long> ticks = new ArrayList<>();
        for (long tick = 0; tick <= max; tick += step) {
            ticks.add(tick);
        }
        return ticks;
    }

    /** Where {@code value} sits on the axis, from 0 (bottom) to 1 (top). */
    public double fraction(long value) {
        return Math.max(0, Math.min(1, (double) value / max));
    }
}
