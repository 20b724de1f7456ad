package dev.kotae.content;

import org.jsoup.nodes.Entities;

/**
 * Renders plain text (a spreadsheet cell) as safe HTML: everything escaped, blank lines separate
 * paragraphs, single line breaks are kept as {@code <br>}, because answers typed into Excel rely on them.
 */
public final class PlainTextRenderer {

    public MarkdownRenderer.Rendered render(String text) {
        String normalized = (text == null ? "" : text).replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder html = new StringBuilder();
        for (String paragraph : normalized.split("\n[ \t\u3000]*\n+")) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>").append(Entities.escape(paragraph.strip()).replace("\n", "<br>\n"))
                    .append("</p>\n");
        }
        return new MarkdownRenderer.Rendered(null, html.toString().strip(), normalized.replaceAll("\n{2,}", "\n"));
    }
}
