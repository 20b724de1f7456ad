package dev.kotae.plugin;

import java.util.List;

/**
 * A source of articles other than the Markdown content folder: a spreadsheet, another help center's
 * export, a wiki. The server indexes its articles into the same index as Markdown files, so they are
 * searched, suggested and shown exactly like them (visibility rules included).
 *
 * <p>Refresh is incremental on the server's side: after {@link PluginContext#sourceChanged(String)} (or
 * an administrator's reindex) the server calls {@link #articles()} again, compares the result with what it
 * indexed before and re-indexes only added, changed and removed articles. A source that throws or times
 * out keeps its previously indexed articles and is reported.
 *
 * @since 1.0
 */
public interface ContentSource extends KotaeExtension {

    /**
     * A short, stable name that namespaces this source's article ids: article {@code 42} of source
     * {@code csv} is served as {@code csv:42}. Lower-case letters, digits and {@code -}, 1 to 32 characters,
     * unique among the server's sources. Changing it re-creates every article under new ids.
     */
    String sourceId();

    /**
     * Every article the source holds now. Called on the server's refresh thread, never concurrently for one
     * source. Articles that fail validation (bad id, no title, unknown type) are skipped and reported one by
     * one; the others are indexed.
     */
    List<SourceArticle> articles() throws Exception;

    /**
     * What the last {@link #articles()} call left out or could not take as it was, one line each, naming
     * where: rows the source skipped itself before the server saw them, values it ignored (for example
     * {@code "faq.csv row 17: unknown visibility 'maybe'; row skipped"}). The server asks right after each
     * {@code articles()} call returns, on the same thread and within the same time limit (a call that does
     * not return in time costs that refresh, as a slow {@code articles()} does), and lists the lines under
     * the source's {@code problems} in admin status beside its own findings: at most 100 lines of 500
     * characters, then one line saying there were more. The default has none.
     *
     * @since 1.1
     */
    default List<String> problems() {
        return List.of();
    }
}
