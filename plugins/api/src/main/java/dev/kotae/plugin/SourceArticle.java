package dev.kotae.plugin;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One article as a {@link ContentSource} delivers it: the same model as a Markdown file's front matter
 * plus its body. Optional fields may be {@code null} and then get the same defaults as in Markdown files.
 *
 * <p>Build one with {@link #builder()}: every field is named where it is set, so two strings cannot be
 * swapped unnoticed, and a field added in a later 1.x version gets a default without breaking the call.
 * The canonical constructor stays public (records need it) but its parameter list may grow in a minor
 * version, with the old one kept as an extra constructor.
 *
 * @param id the article's id within its source: 1-128 characters of {@code A-Z a-z 0-9 . _ -}; the server
 *     serves it as {@code <sourceId>:<id>}
 * @param title the title shown in results; required
 * @param body the answer, in {@code bodyFormat}; required (may be empty)
 * @param bodyFormat how the server renders the body; default {@link BodyFormat#MARKDOWN}
 * @param type default {@link ArticleType#FAQ}
 * @param visibility default {@link Visibility#PUBLIC} for FAQs and {@link Visibility#INTERNAL} for
 *     playbooks. Internal articles reach agents only.
 * @param locale a language tag such as {@code ja} or {@code en}; default the server's default locale
 * @param category the category name, or {@code null}
 * @param tags tags, or {@code null}
 * @param questions other phrasings of the question, used for search and suggestions, or {@code null}
 * @param updated when the answer last changed; default the day the server indexed this version of the
 *     article (a changed article, or an administrator's reindex, dates it anew)
 * @since 1.0
 */
public record SourceArticle(
        String id,
        String title,
        String body,
        BodyFormat bodyFormat,
        ArticleType type,
        Visibility visibility,
        String locale,
        String category,
        List<String> tags,
        List<String> questions,
        LocalDate updated) {

    /**
     * A builder with every field unset ({@code null}, so the defaults above apply).
     *
     * @since 1.0
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this article's fields, to derive a changed copy.
     *
     * @since 1.0
     */
    public Builder toBuilder() {
        return new Builder().id(id).title(title).body(body).bodyFormat(bodyFormat).type(type)
                .visibility(visibility).locale(locale).category(category).tags(tags).questions(questions)
                .updated(updated);
    }

    /**
     * Collects a {@link SourceArticle}'s fields by name. Not thread-safe; each setter returns the builder.
     * The server validates ids, titles and locales when it indexes the article and reports each bad one to
     * administrators, so {@link #build()} checks only what the type system cannot: that the required
     * fields are there.
     *
     * @since 1.0
     */
    public static final class Builder {

        private String id;
        private String title;
        private String body;
        private BodyFormat bodyFormat;
        private ArticleType type;
        private Visibility visibility;
        private String locale;
        private String category;
        private List<String> tags;
        private List<String> questions;
        private LocalDate updated;

        private Builder() {}

        /** The id within the source; required. */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** The title shown in results; required. */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** The answer, in the {@link #bodyFormat(BodyFormat) body format}; required (may be empty). */
        public Builder body(String value) {
            this.body = value;
            return this;
        }

        public Builder bodyFormat(BodyFormat value) {
            this.bodyFormat = value;
            return this;
        }

        public Builder type(ArticleType value) {
            this.type = value;
            return this;
        }

        public Builder visibility(Visibility value) {
            this.visibility = value;
            return this;
        }

        public Builder locale(String value) {
            this.locale = value;
            return this;
        }

        public Builder category(String value) {
            this.category = value;
            return this;
        }

        public Builder tags(List<String> value) {
            this.tags = value;
            return this;
        }

        public Builder questions(List<String> value) {
            this.questions = value;
            return this;
        }

        public Builder updated(LocalDate value) {
            this.updated = value;
            return this;
        }

        /**
         * The article.
         *
         * @throws NullPointerException when the id, title or body was not set
         */
        public SourceArticle build() {
            Objects.requireNonNull(id, "SourceArticle: id is required");
            Objects.requireNonNull(title, "SourceArticle: title is required");
            Objects.requireNonNull(body, "SourceArticle: body is required (an empty string is fine)");
            return new SourceArticle(id, title, body, bodyFormat, type, visibility, locale, category, tags,
                    questions, updated);
        }
    }
}
