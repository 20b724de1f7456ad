package dev.kotae.plugin;

import java.time.LocalDate;
import java.util.List;

/**
 * One article as a {@link ContentSource} delivers it: the same model as a Markdown file's front matter
 * plus its body. Optional fields may be {@code null} and then get the same defaults as in Markdown files.
 *
 * @param id the article's id within its source: 1-128 characters of {@code A-Z a-z 0-9 . _ -}; the server
 *     serves it as {@code <sourceId>:<id>}
 * @param title the title shown in results; required
 * @param body the answer, in {@code bodyFormat}; required (may be empty)
 * @param bodyFormat {@link #MARKDOWN}, {@link #HTML} (sanitised by the server: scripts, event handlers,
 *     styles and unsafe URLs are removed) or {@link #TEXT} (escaped; blank lines separate paragraphs and
 *     line breaks are kept)
 * @param type {@code faq} or {@code playbook}; default {@code faq}
 * @param visibility {@code public} or {@code internal}; default {@code public} for FAQs and
 *     {@code internal} for playbooks. Internal articles reach agents only.
 * @param locale a language tag such as {@code ja} or {@code en}; default the server's default locale
 * @param category the category name, or {@code null}
 * @param tags tags, or {@code null}
 * @param questions other phrasings of the question, used for search and suggestions, or {@code null}
 * @param updated when the answer last changed; default the day the server indexed this version of the
 *     article (a changed article, or an administrator's reindex, dates it anew)
 */
public record SourceArticle(
        String id,
        String title,
        String body,
        String bodyFormat,
        String type,
        String visibility,
        String locale,
        String category,
        List<String> tags,
        List<String> questions,
        LocalDate updated) {

    /** CommonMark with GitHub tables; raw HTML inside is escaped, as in content files. */
    public static final String MARKDOWN = "markdown";
    /** HTML, sanitised by the server before it is stored or shown. */
    public static final String HTML = "html";
    /** Plain text: escaped, paragraphs at blank lines, line breaks kept. */
    public static final String TEXT = "text";

    /** A public FAQ in Markdown: the common case. */
    public static SourceArticle faq(String id, String title, String markdownBody, String locale) {
        return new SourceArticle(id, title, markdownBody, MARKDOWN, "faq", "public", locale, null, null, null, null);
    }
}
