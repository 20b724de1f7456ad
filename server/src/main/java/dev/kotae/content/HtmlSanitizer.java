package dev.kotae.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML from outside (plugin sources such as a Zendesk export) with an allow-list: structure,
 * text formatting, tables, links and images stay; scripts, styles, forms, frames, event handlers and
 * non-web URLs ({@code javascript:}, {@code data:}) go. Thread-safe.
 */
public final class HtmlSanitizer {

    /** jsoup needs a base to judge relative links; it is never written into the output. */
    private static final String BASE = "https://kotae.invalid/";

    private final Safelist safelist = Safelist.relaxed()
            .removeTags("img") // re-added below with web-only sources
            .addTags("img", "hr", "figure", "figcaption", "kbd", "mark", "s", "del", "ins")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("a", "href", "http", "https", "mailto", "tel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .preserveRelativeLinks(true);

    /** The cleaned HTML and its plain text (for indexing and snippets). */
    public MarkdownRenderer.Rendered sanitize(String html) {
        String clean = Jsoup.clean(html == null ? "" : html, BASE, safelist, new Document.OutputSettings().prettyPrint(false));
        String text = Jsoup.parse(clean).wholeText().replaceAll("[ \t\u00a0]+", " ")
                .replaceAll(" *\n[\n ]*", "\n").strip();
        return new MarkdownRenderer.Rendered(null, clean, text);
    }
}
