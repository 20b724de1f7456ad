package dev.kotae.index;

import java.util.List;

/** Names of the index's fields, in one place so the writer and every reader agree. */
public final class IndexFields {

    /** Unique key; also a sorted doc value so the index state can be read without loading documents. */
    public static final String ID = "id";
    /** Where the article came from, e.g. {@code content:ja/orders/cancel.md}. */
    public static final String SOURCE = "source";
    /** The source's change marker (size and modification time of a file). */
    public static final String STAMP = "stamp";

    public static final String VISIBILITY = "visibility";
    public static final String TYPE = "type";
    public static final String LOCALE = "locale";
    public static final String CATEGORY = "category";
    public static final String TAG = "tag";
    /** An article's translation key (indexed, not stored): finds its translations. */
    public static final String TRANSLATION = "translation";

    /** The last-updated day, a numeric doc value for sorting. */
    public static final String UPDATED = "updated";
    /**
     * The uploaded images an article shows or links to ({@link dev.kotae.content.MediaLinks}), indexed, not
     * stored: an image is served to whoever may read one of the articles that show it.
     */
    public static final String MEDIA = "media";
        /** An article's rendered page, deflated, a binary doc value read only by the article page. */
    public static final String HTML = "html";
    /** An article's metadata for hits and listings ({@link ArticleCard}), a binary doc value. */
    public static final String CARD = "card";
    /** An article's body as plain UTF-8 text, for snippets, a binary doc value. */
    public static final String TEXT = "text";
    /** Title length, to prefer the shorter of equally good suggestions. */
    public static final String TITLE_LENGTH = "title_len";

    /** Suggestion keys: normalised surface and reading of titles and questions, from their start... */
    public static final String SUGGEST_START = "suggest.start";
    /** ...and from each later content word. */
    public static final String SUGGEST_INFIX = "suggest.infix";
    /** Doc value: the suggestion keys of each of the article's phrases (see {@link SuggestCard}). */
    public static final String SUGGEST_KEYS = "suggest.keys";
    /** Separates the keys of one phrase in a {@link SuggestCard}. */
    public static final char SUGGEST_KEY_SEPARATOR = '\n';

    /** Kana-gram recall fields (Japanese). */
    public static final String GRAMS_TITLE = "grams.title";
    public static final String GRAMS_BODY = "grams.body";

    /** Facet dimensions. */
    public static final List<String> FACET_DIMENSIONS = List.of("category", "tags", "type", "locale");

    private IndexFields() {}

    public static String title(LanguageFamily family) {
        return "title." + family.suffix();
    }

    public static String questions(LanguageFamily family) {
        return "questions." + family.suffix();
    }

    /** Tags and category as searchable text. */
    public static String labels(LanguageFamily family) {
        return "labels." + family.suffix();
    }

    /** Plain-text body: analysed with offsets (for snippets) and stored. */
    public static String body(LanguageFamily family) {
        return "body." + family.suffix();
    }

    /**
     * What customers asked when they found the article, as learned questions ({@code Learned.Phrasing#asQuestion}):
     * analysed like {@code questions:}, weighed by a weight of its own. Only in the article's own document,
     * so an internal article's learned questions are filtered with it.
     */
    public static String learned(LanguageFamily family) {
        return "learned." + family.suffix();
    }

    /**
     * The click prior: each word of what customers asked when they found the article, with the strength of
     * that evidence as its term frequency (no positions, no norms), so a query word's score here grows with
     * the evidence and saturates ({@code ArticleSimilarity}).
     */
    public static String prior(LanguageFamily family) {
        return "prior." + family.suffix();
    }

    public static List<String> textFields(LanguageFamily family) {
        return List.of(title(family), questions(family), labels(family), body(family));
    }

    /**
     * The did-you-mean dictionary. Public articles feed both dictionaries, internal ones only the
     * agents' one, so a spelling suggestion can never reveal a word that appears only in a playbook.
     */
    public static String spelling(LanguageFamily family, boolean publicOnly) {
        return "spell." + family.suffix() + (publicOnly ? ".public" : ".all");
    }

    /**
     * The reading vocabulary ({@link ReadingVocabulary}), one term {@code READING␟WRITTEN FORM} per noun of
     * an article's Japanese text. As with {@link #spelling}, public articles feed both fields and internal
     * ones only the agents' one, so a customer's kana are never converted to a word only a playbook has.
     */
    public static String readings(boolean publicOnly) {
        return "reading.ja" + (publicOnly ? ".public" : ".all");
    }
}
