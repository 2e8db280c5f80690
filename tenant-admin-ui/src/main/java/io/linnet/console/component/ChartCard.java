package io.linnet.console.component;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * A chart with what belongs around it: a title and a legend that gives each series' total, the
 * chart itself (or an empty state when there is nothing to draw), its numbers as a table behind a
 * toggle, and a CSV download of them. The parts are added in the order they are called, e.g.
 * {@code new ChartCard(...).legend(...).chart(svg).numbers(...).download(...)}.
 */
public class ChartCard extends Composite<Div> {

    /** A series in the legend: its name and what it comes to over the whole chart. */
    public record Legend(String label, String total) {
    }

    /** A table with its column headers, a row of cells each, and a last row of totals (empty for none). */
    public record Numbers(List<String> headers, List<List<String>> rows, List<String> totals) {

        public Numbers {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
            totals = List.copyOf(totals);
        }
    }

    static final int ROWS_SHOWN_WHOLE = 12;

    private final String id;
    private final Div legend = new Div();
    private final Div body = new Div();
    private final Div footer = new Div();

    public ChartCard(String id, String title, String description) {
        this.id = id;
        Div card = getContent();
        card.setId(id);
        card.addClassName("chart-card");
        legend.addClassName("chart-legend");
        legend.getElement().setAttribute("role", "list");
        Div heading = new Div(new H3(title), legend);
        heading.addClassName("chart-heading");
        Paragraph about = new Paragraph(description);
        about.addClassName("chart-description");
        body.addClassName("chart-body");
        footer.addClassName("chart-footer");
        card.add(heading, about, body, footer);
    }

    /** Each series with its colour (series {@code i}: class {@code s<i>}) and total. */
    public ChartCard legend(List<Legend> items) {
        for (int i = 0; i < items.size(); i++) {
            Span swatch = new Span();
            swatch.addClassNames("chart-swatch", "s" + i);
            swatch.getElement().setAttribute("aria-hidden", "true");
            Span total = new Span(items.get(i).total());
            total.setId(id + "-total-" + i);
            total.addClassName("chart-total");
            Span item = new Span(swatch, new Span(items.get(i).label()), total);
            item.addClassName("chart-legend-item");
            item.getElement().setAttribute("role", "listitem");
            legend.add(item);
        }
        return this;
    }

    /** The chart, an SVG document (from {@link TimeChart} or {@link BarsChart}). */
    public ChartCard chart(String svg) {
        com.vaadin.flow.component.Svg chart = new com.vaadin.flow.component.Svg(svg);
        chart.setId(id + "-chart");
        chart.addClassName("chart");
        body.add(chart);
        return this;
    }

    /** What shows instead of a chart with nothing in it. */
    public ChartCard empty(String title, String hint) {
        EmptyState empty = new EmptyState(title, hint);
        empty.setId(id + "-empty");
        body.add(empty);
        return this;
    }

    /** The chart's numbers as a table, behind a toggle: the same numbers as the chart, for reading and for screen readers. */
    public ChartCard numbers(Numbers numbers) {
        Grid<List<String>> table = new Grid<>();
        table.setId(id + "-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        for (int column = 0; column < numbers.headers().size(); column++) {
            int index = column;
            Grid.Column<List<String>> added = table.addColumn(row -> row.get(index))
                    .setHeader(numbers.headers().get(column)).setAutoWidth(true);
            if (column > 0) {
                added.setPartNameGenerator(row -> "numeric-cell");
                added.setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
            }
        }
        if (!numbers.totals().isEmpty()) {
            var footerRow = table.appendFooterRow();
            for (int column = 0; column < numbers.totals().size(); column++) {
                footerRow.getCell(table.getColumns().get(column)).setText(numbers.totals().get(column));
            }
        }
        table.setItems(numbers.rows());
        if (numbers.rows().size() <= ROWS_SHOWN_WHOLE) {
            table.setAllRowsVisible(true);
        } else {
            table.setHeight("22rem");
        }
        Details details = new Details("Numbers", table);
        details.setId(id + "-numbers");
        details.addClassName("chart-numbers");
        footer.add(details);
        return this;
    }

    /** A link that downloads {@code csv} (made when it is clicked) as {@code fileName}. */
    public ChartCard download(String fileName, Supplier<String> csv) {
        DownloadHandler handler = event -> {
            event.setFileName(fileName);
            event.setContentType("text/csv; charset=utf-8");
            try (OutputStream out = event.getOutputStream()) {
                out.write(csv.get().getBytes(StandardCharsets.UTF_8));
            }
        };
        Anchor link = new Anchor();
        // the download is registered with the UI, which the card has only once it is attached
        link.addAttachListener(event -> link.setHref(handler, AttachmentType.DOWNLOAD));
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("CSV"));
        link.setId(id + "-csv");
        link.addClassName("chart-download");
        link.setAriaLabel("Download these numbers as CSV");
        link.setTitle("Download these numbers as CSV (" + fileName + ")");
        footer.add(link);
        return this;
    }
}
