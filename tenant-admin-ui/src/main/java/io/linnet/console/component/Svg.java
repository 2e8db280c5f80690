package io.linnet.console.component;

import java.util.Locale;

/**
 * What the console's SVG charts share: a document open and close with the labels screen readers
 * and tooltips need, escaping (labels carry app names and providers' words), and how numbers and
 * coordinates are written.
 */
final class Svg {

    private Svg() {
    }

    /**
     * Opens an SVG document of {@code width} by {@code height} user units that scales to its box's
     * width, announced as one image labelled {@code label}; {@code title} is also its tooltip.
     */
    static StringBuilder open(int width, int height, String title, String label) {
        return new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<desc>").append(escape(label)).append("</desc>");
    }

    static String close(StringBuilder svg) {
        return svg.append("</svg>").toString();
    }

    static void text(StringBuilder svg, String cssClass, double x, double y, String anchor, String text) {
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(number(x)).append("\" y=\"")
                .append(number(y)).append("\" text-anchor=\"").append(anchor).append("\">").append(escape(text))
                .append("</text>");
    }

    static void rect(StringBuilder svg, String cssClass, double x, double y, double width, double height) {
        svg.append("<rect class=\"").append(cssClass).append("\" x=\"").append(number(x)).append("\" y=\"")
                .append(number(y)).append("\" width=\"").append(number(Math.max(0, width))).append("\" height=\"")
                .append(number(Math.max(0, height))).append("\"/>");
    }

    static void line(StringBuilder svg, String cssClass, double x1, double y1, double x2, double y2) {
        svg.append("<line class=\"").append(cssClass).append("\" x1=\"").append(number(x1)).append("\" y1=\"")
                .append(number(y1)).append("\" x2=\"").append(number(x2)).append("\" y2=\"").append(number(y2))
                .append("\"/>");
    }

    /** A coordinate with at most two decimals, always with a dot. */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.endsWith(".00") ? text.substring(0, text.length() - 3) : text;
    }

    /** Text safe inside an element or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /** A count as people read it: 1,234. */
    static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }
}
