package dev.kotae.content;

import dev.kotae.util.Texts;
import java.util.List;

/**
 * The checks and defaults every article meets, whatever it came from (a Markdown file's front matter or
 * a plugin source): one place, so a rule cannot hold for files and not for plugins.
 */
public final class ArticleRules {

    private ArticleRules() {}

    /** A source's own id (a file's, or a plugin article's before its source prefix). */
    public static String localId(String id, String hint) throws ContentException {
        if (id == null || !Article.LOCAL_ID_PATTERN.matcher(id).matches()) {
            throw new ContentException("id '" + id + "' must be 1-128 characters of A-Z a-z 0-9 . _ -" + hint);
        }
        return id;
    }

    /** The given type, else {@code fallback}. */
    public static ArticleType type(String raw, ArticleType fallback) throws ContentException {
        try {
            return isBlank(raw) ? fallback : ArticleType.parse(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new ContentException(e.getMessage());
        }
    }

    /** The given visibility, else the type's default (playbooks internal). */
    public static Visibility visibility(String raw, ArticleType type) throws ContentException {
        try {
            return isBlank(raw) ? Visibility.defaultFor(type) : Visibility.parse(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new ContentException(e.getMessage());
        }
    }

    /** The given locale, else {@code fallback}; either must look like a language tag. */
    public static String locale(String raw, String fallback) throws ContentException {
        String locale = isBlank(raw) ? fallback : raw.strip();
        if (!Article.LOCALE_PATTERN.matcher(locale).matches()) {
            throw new ContentException("locale '" + locale + "' is not a language tag like ja, en or pt-BR");
        }
        return locale;
    }

    /** A present title of bounded length, trimmed. */
    public static String title(String raw, String missingHint) throws ContentException {
        if (isBlank(raw)) {
            throw new ContentException("no title" + missingHint);
        }
        String title = raw.strip();
        requireText("title", title);
        if (!hasVisibleCharacter(title)) {
            throw new ContentException("title must contain a letter, digit or sign (not only spaces, invisible"
                    + " characters or combining marks)");
        }
        if (title.length() > Article.MAX_TITLE_LENGTH) {
            throw new ContentException("title is longer than " + Article.MAX_TITLE_LENGTH + " characters");
        }
        return title;
    }

    /** The category, trimmed ({@code ""} for none): one line of text, no longer than a title. */
    public static String category(String raw) throws ContentException {
        if (isBlank(raw)) {
            return "";
        }
        String category = raw.strip();
        requireText("category", category);
        if (category.length() > Article.MAX_TITLE_LENGTH) {
            throw new ContentException("category is longer than " + Article.MAX_TITLE_LENGTH + " characters");
        }
        return category;
    }

    /** The tags, cleaned ({@link Article#cleanValues}): at most {@link Article#MAX_TAGS}, each one line of text. */
    public static List<String> tags(List<String> raw) throws ContentException {
        return values("tag", raw, Article.MAX_TAGS, Article.MAX_TAG_LENGTH);
    }

    /** The questions, cleaned: at most {@link Article#MAX_QUESTIONS}, each one line of text. */
    public static List<String> questions(List<String> raw) throws ContentException {
        return values("question", raw, Article.MAX_QUESTIONS, Article.MAX_QUESTION_LENGTH);
    }

    private static List<String> values(String name, List<String> raw, int maxCount, int maxLength)
            throws ContentException {
        List<String> values = Article.cleanValues(raw);
        if (values.size() > maxCount) {
            throw new ContentException("more than " + maxCount + " " + name + "s (" + values.size() + ")");
        }
        for (String value : values) {
            requireText(name, value); // first: the start quoted below must be one line of text
            if (value.length() > maxLength) {
                throw new ContentException(name + " '" + Texts.shortened(value, 40) + "' is longer than " + maxLength
                        + " characters");
            }
        }
        return values;
    }

    /** One line of text that front matter can hold ({@link FrontMatter#problemWith}), whatever it came from. */
    private static void requireText(String name, String value) throws ContentException {
        String problem = FrontMatter.problemWith(value);
        if (problem != null) {
            throw new ContentException(name + " " + problem);
        }
    }

    /**
     * Whether {@code text} has a character one can see: not only white space, format characters (U+200B,
     * U+FEFF), combining marks with nothing to combine with, or unassigned code points.
     */
    public static boolean hasVisibleCharacter(String text) {
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && switch (Character.getType(c)) {
                    case Character.FORMAT, Character.UNASSIGNED, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                            Character.COMBINING_SPACING_MARK -> false;
                    default -> true;
                });
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
