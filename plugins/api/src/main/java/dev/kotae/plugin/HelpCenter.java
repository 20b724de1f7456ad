package dev.kotae.plugin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A narrow view of the help center for plugins: the same search, suggestions and article pages that
 * anonymous customers get, so nothing internal can leak through a widget. Implemented by the server;
 * thread-safe and fast enough to call per keystroke.
 *
 * @since 1.0
 */
public interface HelpCenter {

    /**
     * Searches public articles in one locale, best first, exactly as {@code GET /api/v1/search} does.
     *
     * @param query the customer's words (a sentence is fine)
     * @param locale a served locale such as {@code ja}, or {@code null} for all locales
     * @param size at most this many hits (1-100)
     * @throws IllegalArgumentException for an unknown locale, a blank or too long query or a bad size
     */
    SearchPage search(String query, String locale, int size);

    /** As-you-type suggestions for a prefix, public articles only, as {@code GET /api/v1/suggest} gives them. */
    List<Suggestion> suggest(String prefix, String locale, int size);

    /** A public article by its full id ({@code refund-policy}, {@code csv:42}); empty when missing or internal. */
    Optional<ArticleView> article(String id);

    /**
     * One page of search results.
     *
     * @param total how many public articles match
     * @param hits the best hits, best first
     */
    record SearchPage(String query, long total, List<Hit> hits) {
        public SearchPage {
            hits = List.copyOf(hits);
        }
    }

    /**
     * One search hit.
     *
     * @param url the article's path in the help center, e.g. {@code /articles/refund-policy}
     * @param snippet a short extract as HTML, query words in {@code <mark>}, everything else escaped
     * @param score the ranking score: comparable between hits of one search only
     */
    record Hit(String id, String title, String url, String snippet, String category, String locale,
            double score) {}

    /** One suggestion: the text to show (a title or a question) and the article it leads to. */
    record Suggestion(String text, String title, String id, String url) {}

    /**
     * A public article.
     *
     * @param html the body as safe HTML; an image from a site the help center does not show images from
     *     ({@code site.imageSources}) is a link to it
     * @param text the body as plain text (for summaries)
     * @param questions other phrasings of the question (the article's {@code questions}), possibly empty
     * @param updated when the answer last changed; always set by the server, {@code null} only in a view
     *     built with the shorter constructor (as tests of older plugins do)
     */
    record ArticleView(String id, String title, String locale, String category, List<String> tags, String url,
            String html, String text, List<String> questions, LocalDate updated) {
        public ArticleView {
            tags = List.copyOf(tags);
            questions = questions == null ? List.of() : List.copyOf(questions);
        }

        /** A view without questions and date: the shape plugins built before those were added. */
        public ArticleView(String id, String title, String locale, String category, List<String> tags, String url,
                String html, String text) {
            this(id, title, locale, category, tags, url, html, text, List.of(), null);
        }

        /**
         * The {@link ContentSource#sourceId()} of the plugin source that delivered this article (the part
         * of a served id before the colon, {@code csv} in {@code csv:42}), or empty for the help center's
         * own Markdown files, whose ids have no colon.
         */
        public Optional<String> sourceId() {
            int colon = id.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(id.substring(0, colon));
        }
    }
}
