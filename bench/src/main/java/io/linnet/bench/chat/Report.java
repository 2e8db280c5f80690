package io.linnet.bench.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's results as Markdown, ready for docs/benchmarks.md: each part is printed as soon
 * as it is measured (so a run that fails half-way still shows what it had), and all of them
 * again, together, at the end.
 */
final class Report {

    private final List<String> parts = new ArrayList<>();

    void add(String markdown) {
        parts.add(markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.flush();
    }

    void addf(String format, Object... values) {
        add(String.format(Locale.ROOT, format, values));
    }

    /** Progress that is not part of the results. */
    static void progress(String format, Object... values) {
        System.out.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(System.currentTimeMillis(), values));
        System.out.flush();
    }

    void printAll() {
        System.out.println();
        System.out.println("==================== results ====================");
        parts.forEach(part -> {
            System.out.println();
            System.out.println(part);
        });
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
