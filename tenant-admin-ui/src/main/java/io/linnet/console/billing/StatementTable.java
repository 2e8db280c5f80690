package io.linnet.console.billing;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import io.linnet.billing.InvoiceLine;
import io.linnet.billing.Statement;

import java.util.List;

/**
 * The lines of an estimate or invoice (base price and overage), with the subtotal, the tax and the
 * total below them. The tax comes last among the statement's lines; it is shown with the totals, where
 * a reader looks for it, rather than as a line whose quantity is a rate.
 */
class StatementTable extends Grid<InvoiceLine> {

    StatementTable(String id, Statement statement) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        Column<InvoiceLine> description = addColumn(InvoiceLine::description).setHeader("Description").setFlexGrow(3);
        Column<InvoiceLine> quantity = numeric(addColumn(line -> Amounts.quantity(line.quantity())).setHeader("Quantity"));
        Column<InvoiceLine> unitPrice = numeric(addColumn(line -> Amounts.unitPrice(line.unitPrice())).setHeader("Unit price"));
        Column<InvoiceLine> amount = numeric(addColumn(line -> Amounts.money(line.amount())).setHeader("Amount"));

        total(description, unitPrice, amount, "Subtotal", Amounts.money(statement.subtotal()), id + "-subtotal");
        statement.taxRatePercent().ifPresent(rate -> total(description, unitPrice, amount,
                "Tax " + Amounts.taxRate(statement.taxRatePercent()), Amounts.money(statement.tax()), id + "-tax"));
        total(description, unitPrice, amount, "Total", Amounts.money(statement.total()), id + "-total");
        quantity.setFlexGrow(0);
        setItems(lines(statement));
    }

    /** The lines above the totals: all but the tax. */
    static List<InvoiceLine> lines(Statement statement) {
        return statement.lines().stream().filter(line -> line.kind() != InvoiceLine.Kind.TAX).toList();
    }

    private void total(Column<InvoiceLine> description, Column<InvoiceLine> label, Column<InvoiceLine> amount, String what,
                       String value, String id) {
        FooterRow row = appendFooterRow();
        row.getCell(label).setText(what);
        Span shown = new Span(value);
        shown.setId(id);
        shown.addClassName("statement-amount");
        row.getCell(amount).setComponent(shown);
        if (what.equals("Total")) {
            shown.addClassName("statement-total");
        }
        row.getCell(description).setText("");
    }

    private static Column<InvoiceLine> numeric(Column<InvoiceLine> column) {
        return column.setAutoWidth(true).setTextAlign(ColumnTextAlign.END).setPartNameGenerator(line -> "numeric-cell");
    }
}
