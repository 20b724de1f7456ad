package dev.kotae.content;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One help-center article, fully resolved: front matter merged with folder defaults and its Markdown
 * rendered. Immutable; this is what the index stores and what every source (files, plugins) produces.
 *
 * @param id stable identifier, unique across the help center; see {@link #ID_PATTERN}
 * @param source where the article came from, e.g. {@code content:ja/orders/cancel.md}
 * @param html the body rendered to safe HTML (raw HTML in the source is escaped)
 * @param text the body as plain text, for indexing and snippets
 * @param translationKey shared by an article and its translations (one per locale), or {@code null}
 */
public record Article(
        String id,
        String title,
        ArticleType type,
        Visibility visibility,
        String locale,
        String category,
        List<String> tags,
        List<String> questions,
        LocalDate updated,
        String source,
        String html,
        String text,
        String translationKey) {

    /** The id an article file (or a plugin source) gives an article: safe in URLs and file names, short. */
    public static final Pattern LOCAL_ID_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** What {@link #isFileId} asks, as the messages that refuse an id say it. */
    public static final String FILE_ID_RULE = "must be 1-128 characters of A-Z a-z 0-9 . _ -, not starting with '.'";

    /**
     * Whether a Markdown file's article (or one the editor writes) may have {@code id}: the local pattern
     * and no leading dot. {@code .} and {@code ..} are path steps wherever an id names a file or folder (the
     * editor's history), and are served at URLs browsers rewrite away. (Plugin articles' ids always carry
     * their source's prefix, {@code csv:..}, and keep the plain pattern.)
     */
    public static boolean isFileId(String id) {
        return id != null && LOCAL_ID_PATTERN.matcher(id).matches() && !id.startsWith(".");
    }

    /** Plugin sources' ids: lower case, short; they namespace their articles' ids. */
    public static final Pattern SOURCE_ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /**
     * Served ids: a file's own id ({@code refund-policy}) or a plugin source's id, then a colon, then the
     * source's own id ({@code csv:faq.12}). Files cannot use a colon, so the two never collide.
     */
    public static final Pattern ID_PATTERN = Pattern.compile("(" + SOURCE_ID_PATTERN.pattern() + ":)?"
            + LOCAL_ID_PATTERN.pattern());

    /** Locales are BCP-47-like language tags: {@code ja}, {@code en}, {@code pt-BR}. */
    public static final Pattern LOCALE_PATTERN = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    /** Titles are headings, not paragraphs. A category is a title too. */
    public static final int MAX_TITLE_LENGTH = 300;

    /** A tag is a word or two for filtering, not a sentence. */
    public static final int MAX_TAG_LENGTH = 100;

    /** Tags an article may have. */
    public static final int MAX_TAGS = 100;

    /**
     * A question is as long as a search may be (1,000 characters): a learned phrasing an agent marks
     * "always" is written into {@code questions:} as customers typed it.
     */
    public static final int MAX_QUESTION_LENGTH = 1000;

    /** Questions an article may have. */
    public static final int MAX_QUESTIONS = 200;

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(locale, "locale");
        category = category == null ? "" : category;
        tags = List.copyOf(tags);
        questions = List.copyOf(questions);
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        translationKey = translationKey == null || translationKey.isBlank() ? null : translationKey.strip();
    }

    /** An article that names no translation. */
    public Article(String id, String title, ArticleType type, Visibility visibility, String locale, String category,
            List<String> tags, List<String> questions, LocalDate updated, String source, String html, String text) {
        this(id, title, type, visibility, locale, category, tags, questions, updated, source, html, text, null);
    }

    /** Tags, questions and the like as given by an author: trimmed, blanks and repeats dropped, order kept. */
    public static List<String> cleanValues(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> cleaned = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                cleaned.add(value.strip());
            }
        }
        return List.copyOf(cleaned);
    }

    /** The article's page in the help center. */
    public String url() {
        return "/articles/" + id;
    }
}
