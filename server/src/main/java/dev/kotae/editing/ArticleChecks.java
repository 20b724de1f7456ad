package dev.kotae.editing;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ArticleRules;
import dev.kotae.content.ContentException;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.FrontMatter;
import java.time.LocalDate;
import java.util.List;

/**
 * What an article must meet before anything is written: ids and single-line values first (the file
 * format needs them), then the whole file through the content folder's own parser, so that nothing the
 * server would refuse to serve is ever published. Refusals name the field at fault.
 */
final class ArticleChecks {

    private final ArticleParser parser;

    ArticleChecks(ArticleParser parser) {
        this.parser = parser;
    }

    /** The fields' own rules: a valid id, a title, and single-line values without control characters. */
    static void checkFields(EditableArticle article) throws EditRejectedException {
        if (article == null) {
            throw new EditRejectedException(null, "no article sent");
        }
        if (!Article.isFileId(article.id())) {
            throw new EditRejectedException("id", "id '" + article.id() + "' " + Article.FILE_ID_RULE);
        }
        if (article.title() == null || article.title().isBlank()) {
            throw new EditRejectedException("title", "a title is required");
        }
        FrontMatter.TextProblem problem = new FrontMatter(article.id(), article.title(), null, null, article.locale(),
                article.category(), article.tags(), article.questions(), null, article.translationKey()).textProblem();
        if (problem != null) {
            throw new EditRejectedException(problem.key(), problem.message());
        }
        checkBody(article.body());
        checkBounds("category", () -> ArticleRules.category(article.category()));
        checkBounds("tags", () -> ArticleRules.tags(article.tags()));
        checkBounds("questions", () -> ArticleRules.questions(article.questions()));
    }

    /**
     * The body is text a file can hold as sent: no unpaired surrogate (written as "?", so the file would
     * differ from what was acknowledged) and no control character but those text uses (tab, line breaks,
     * vertical tab and form feed, which Markdown reads as space): a NUL or an escape sequence is not
     * Markdown. The refusal says which character, and on which line, since it cannot be seen.
     */
    private static void checkBody(String body) throws EditRejectedException {
        if (body == null) {
            return;
        }
        int line = 1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                line++;
            } else if (Character.isHighSurrogate(c) && i + 1 < body.length()
                    && Character.isLowSurrogate(body.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new EditRejectedException("body", "body must be text: an unpaired surrogate (U+"
                        + String.format("%04X", (int) c) + ") on line " + line);
            } else if (c < 0x20 && c != '\t' && c != '\r' && c != 0x0B && c != 0x0C || c == 0x7F) {
                throw new EditRejectedException("body", "body must not contain control characters: U+"
                        + String.format("%04X", (int) c) + " on line " + line);
            }
        }
    }

    /** The longest message an editor may give for the history and the audit log. */
    static final int MAX_MESSAGE_LENGTH = 1000;

    /**
     * A message for the history and the audit log ({@code null} for none): at most
     * {@value #MAX_MESSAGE_LENGTH} characters, line breaks and tabs allowed, no other control character (an
     * escape sequence or a NUL in the audit log's CSV reached whoever read it in a terminal).
     */
    static void checkMessage(String message) throws EditRejectedException {
        if (message == null) {
            return;
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new EditRejectedException("message", "message is longer than " + MAX_MESSAGE_LENGTH + " characters");
        }
        if (message.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new EditRejectedException("message", "message must not contain control characters");
        }
    }

    /** {@code text} with every control character replaced by U+FFFD: for recording a name as it was sent. */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
        return shown.toString();
    }

    /** A rule of {@link ArticleRules} that can refuse a value, without its result. */
    private interface Rule {
        void check() throws ContentException;
    }

    /** Refuses, naming {@code field}, what {@code rule} refuses (a tag too long, more questions than allowed). */
    private static void checkBounds(String field, Rule rule) throws EditRejectedException {
        try {
            rule.check();
        } catch (ContentException e) {
            throw new EditRejectedException(field, e.getMessage());
        }
    }

    /**
     * The file through the content folder's own parser at its path: what the server would serve, or what
     * it would refuse (then refused here, naming the field; 413 when the file is too large).
     */
    Article parse(String path, byte[] bytes, LocalDate today) throws EditRejectedException {
        if (bytes.length > ContentFolder.MAX_FILE_BYTES) {
            throw new EditRejectedException("body", "the article is " + bytes.length / 1024 + " KiB; articles are"
                    + " limited to " + ContentFolder.MAX_FILE_BYTES / 1024 + " KiB", 413);
        }
        try {
            return parser.parse(path, bytes, today);
        } catch (ContentException e) {
            throw new EditRejectedException(fieldOf(e.getMessage()), e.getMessage());
        }
    }

    /** Which field a content-folder error is about, from the parser's messages ("id '…' must be …"). */
    private static String fieldOf(String message) {
        for (String field : List.of("translationKey", "visibility", "type", "locale", "id", "title")) {
            if (message.startsWith(field + " ") || message.startsWith("no " + field)) {
                return field;
            }
        }
        return message.startsWith("front matter") ? null : "body";
    }
}
