package io.linnet.billing.invoice;

import io.linnet.billing.Invoice;
import io.linnet.billing.InvoiceLine;
import io.linnet.billing.InvoiceStatus;
import io.linnet.billing.Money;
import io.linnet.billing.Statement;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * An invoice as an A4 PDF: its number, tenant, period and status, a table of its lines (as many pages
 * as they take, the table's header repeated on each), the subtotal, tax and total. Only the invoice's
 * own data is written: no sender, no bank details, no boilerplate a customer might take as a promise.
 * <p>
 * It uses the standard-14 Helvetica, which every reader has, so nothing is embedded; those fonts encode
 * WinAnsi only, so a character they cannot show (a Chinese tenant name) is written as {@code ?} rather
 * than failing the whole invoice.
 */
public final class InvoicePdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 50;
    private static final float RIGHT = PAGE.getWidth() - 50;
    private static final float TOP = PAGE.getHeight() - 60;
    private static final float BOTTOM = 60;
    private static final float FOOTER = 30;

    private static final float DESCRIPTION_WIDTH = 250;
    private static final float QUANTITY_RIGHT = 370;
    private static final float UNIT_PRICE_RIGHT = 460;
    private static final float AMOUNT_RIGHT = RIGHT;

    private static final float TITLE_SIZE = 18;
    private static final float TEXT_SIZE = 10;
    private static final float TABLE_SIZE = 9;
    private static final float FOOTER_SIZE = 8;
    private static final float LEADING = 1.3f;

    /** A description longer than this many lines of its column is cut, so one line cannot take a page. */
    private static final int MAX_DESCRIPTION_LINES = 3;
    private static final String ELLIPSIS = "...";

    private InvoicePdf() {
    }

    public static byte[] render(Invoice invoice) {
        try (PDDocument document = new PDDocument()) {
            try (Sheet sheet = new Sheet(document)) {
                heading(sheet, invoice);
                table(sheet, invoice);
                totals(sheet, invoice.statement());
            }
            footers(document, invoice.number());
            document.getDocumentInformation().setTitle("Invoice " + invoice.number());
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render invoice " + invoice.number() + " as a PDF", e);
        }
    }

    private static void heading(Sheet sheet, Invoice invoice) throws IOException {
        Statement statement = invoice.statement();
        sheet.left(sheet.bold, TITLE_SIZE, LEFT, "Invoice " + invoice.number());
        sheet.down(TITLE_SIZE * 1.6f);
        for (String line : wrap(invoice.tenantName(), sheet.bold, 12, RIGHT - LEFT, 2)) {
            sheet.left(sheet.bold, 12, LEFT, line);
            sheet.down(12 * LEADING);
        }
        sheet.down(TEXT_SIZE * 0.4f);
        List<String> facts = new ArrayList<>();
        facts.add("Period " + statement.period().start() + " to " + statement.period().end().minusDays(1));
        facts.add("Status " + invoice.status().wireName());
        invoice.issuedAt().ifPresent(at -> facts.add("Issued " + day(at)));
        invoice.paidAt().ifPresent(at -> facts.add("Paid " + day(at)));
        invoice.voidedAt().ifPresent(at -> facts.add("Voided " + day(at)));
        for (String fact : facts) {
            sheet.left(sheet.regular, TEXT_SIZE, LEFT, fact);
            sheet.down(TEXT_SIZE * LEADING);
        }
        if (invoice.status() == InvoiceStatus.VOID) {
            sheet.down(TEXT_SIZE * 0.4f);
            for (String line : wrap("Void: " + invoice.voidReason().orElse(""), sheet.bold, TEXT_SIZE, RIGHT - LEFT, 4)) {
                sheet.left(sheet.bold, TEXT_SIZE, LEFT, line);
                sheet.down(TEXT_SIZE * LEADING);
            }
        }
        sheet.down(TEXT_SIZE * 1.5f);
    }

    /** Every line but the tax, which the totals show under the subtotal it is levied on. */
    private static void table(Sheet sheet, Invoice invoice) throws IOException {
        tableHeader(sheet);
        for (InvoiceLine line : invoice.statement().lines()) {
            if (line.kind() == InvoiceLine.Kind.TAX) {
                continue;
            }
            List<String> description = wrap(line.description(), sheet.regular, TABLE_SIZE, DESCRIPTION_WIDTH,
                    MAX_DESCRIPTION_LINES);
            float height = description.size() * TABLE_SIZE * LEADING;
            if (!sheet.fits(height)) {
                sheet.newPage();
                sheet.left(sheet.bold, 12, LEFT, "Invoice " + invoice.number() + " (continued)");
                sheet.down(12 * 2);
                tableHeader(sheet);
            }
            sheet.right(sheet.regular, TABLE_SIZE, QUANTITY_RIGHT, line.quantity().toPlainString());
            sheet.right(sheet.regular, TABLE_SIZE, UNIT_PRICE_RIGHT, shown(line.unitPrice()));
            sheet.right(sheet.regular, TABLE_SIZE, AMOUNT_RIGHT, shown(line.amount()));
            for (String part : description) {
                sheet.left(sheet.regular, TABLE_SIZE, LEFT, part);
                sheet.down(TABLE_SIZE * LEADING);
            }
            sheet.down(TABLE_SIZE * 0.3f);
        }
    }

    private static void tableHeader(Sheet sheet) throws IOException {
        sheet.left(sheet.bold, TABLE_SIZE, LEFT, "Description");
        sheet.right(sheet.bold, TABLE_SIZE, QUANTITY_RIGHT, "Quantity");
        sheet.right(sheet.bold, TABLE_SIZE, UNIT_PRICE_RIGHT, "Unit price");
        sheet.right(sheet.bold, TABLE_SIZE, AMOUNT_RIGHT, "Amount");
        sheet.rule(TABLE_SIZE * 0.5f);
        sheet.down(TABLE_SIZE * 1.8f);
    }

    private static void totals(Sheet sheet, Statement statement) throws IOException {
        List<InvoiceLine> taxes = statement.lines().stream().filter(line -> line.kind() == InvoiceLine.Kind.TAX).toList();
        float height = (2 + taxes.size()) * TEXT_SIZE * LEADING + TEXT_SIZE * 2;
        if (!sheet.fits(height)) {
            sheet.newPage();
        }
        sheet.rule(-TEXT_SIZE * 0.2f);
        sheet.down(TEXT_SIZE * 1.6f);
        total(sheet, sheet.regular, "Subtotal", statement.subtotal());
        for (InvoiceLine tax : taxes) {
            total(sheet, sheet.regular, tax.description(), tax.amount());
        }
        total(sheet, sheet.bold, "Total", statement.total());
    }

    private static void total(Sheet sheet, PDFont font, String label, Money amount) throws IOException {
        sheet.right(font, TEXT_SIZE, UNIT_PRICE_RIGHT, label);
        sheet.right(font, TEXT_SIZE, AMOUNT_RIGHT, shown(amount) + " " + amount.currency().getCurrencyCode());
        sheet.down(TEXT_SIZE * LEADING);
    }

    /** "Invoice LN-2026-12-0001, page 1 of 2" at the foot of each page, once the number of pages is known. */
    private static void footers(PDDocument document, String number) throws IOException {
        PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                show(content, font, FOOTER_SIZE, LEFT, FOOTER, "Invoice " + number + ", page " + (i + 1) + " of " + pages);
            }
        }
    }

    /** An amount with at least its currency's minor digits ({@code 99.00}, not {@code 99}), never fewer than it has. */
    private static String shown(Money money) {
        int minor = Math.max(0, money.currency().getDefaultFractionDigits());
        return money.amount().scale() >= minor ? money.amount().toPlainString() : money.amount().setScale(minor).toPlainString();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * {@code text} as {@code font} can write it: each character it cannot encode replaced by {@code ?},
     * and line breaks, tabs and other control characters by a space (a PDF text line has none).
     */
    public static String encodable(PDFont font, String text) {
        StringBuilder encodable = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
                encodable.append(' ');
            } else if (canEncode(font, codePoint)) {
                encodable.appendCodePoint(codePoint);
            } else {
                encodable.append('?');
            }
        });
        return encodable.toString();
    }

    private static boolean canEncode(PDFont font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException notInTheFont) {
            return false;
        }
    }

    /**
     * {@code text} in lines no wider than {@code width}, broken between words (inside a word only when
     * the word alone is too wide); past {@code maxLines} the last line is cut and ends in "...".
     */
    private static List<String> wrap(String text, PDFont font, float size, float width, int maxLines) throws IOException {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : encodable(font, text).trim().split(" +")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, longer) <= width) {
                line = longer;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            line = word;
            while (width(font, size, line) > width) {
                int fits = fitting(font, size, line, width);
                lines.add(line.substring(0, fits));
                line = line.substring(fits);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line);
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.getLast();
        while (!last.isEmpty() && width(font, size, last + ELLIPSIS) > width) {
            last = last.substring(0, last.length() - 1);
        }
        kept.set(maxLines - 1, last.stripTrailing() + ELLIPSIS);
        return kept;
    }

    /** How many of {@code text}'s first characters fit in {@code width}: at least one, so wrapping always moves on. */
    private static int fitting(PDFont font, float size, String text, float width) throws IOException {
        int fits = 1;
        while (fits < text.length() && width(font, size, text.substring(0, fits + 1)) <= width) {
            fits++;
        }
        return fits;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static void show(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** The page being written and how far down it has got ({@code y}, the baseline of the next line). */
    private static final class Sheet implements AutoCloseable {

        private final PDDocument document;
        private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream content;
        private float y;

        Sheet(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = TOP;
        }

        boolean fits(float height) {
            return y - height >= BOTTOM;
        }

        void down(float by) {
            y -= by;
        }

        void left(PDFont font, float size, float x, String text) throws IOException {
            show(content, font, size, x, y, encodable(font, text));
        }

        void right(PDFont font, float size, float rightEdge, String text) throws IOException {
            String encodable = encodable(font, text);
            show(content, font, size, rightEdge - width(font, size, encodable), y, encodable);
        }

        /** A thin line across the page, {@code below} the current baseline. */
        void rule(float below) throws IOException {
            content.setLineWidth(0.5f);
            content.moveTo(LEFT, y - below);
            content.lineTo(RIGHT, y - below);
            content.stroke();
        }

        @Override
        public void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }
}
