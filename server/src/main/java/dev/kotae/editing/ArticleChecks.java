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
        checkBounds("category", () -> ArticleRules.category(article.category()));
        checkBounds("tags", () -> ArticleRules.tags(article.tags()));
        checkBounds("questions", () -> ArticleRules.questions(article.questions()));
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
