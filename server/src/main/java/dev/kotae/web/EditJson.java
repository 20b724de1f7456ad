package dev.kotae.web;

import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import dev.kotae.editing.Draft;
import dev.kotae.editing.EditableArticle;
import dev.kotae.editing.PublishTimes;
import dev.kotae.editing.PublishedArticle;
import dev.kotae.http.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The editing API's JSON: articles as authors write them, drafts and published sources, and the bodies
 * of writes. Types and visibilities are their front-matter keys ({@code faq}, {@code internal}); unknown
 * properties in a body are refused (400 {@code bad_json}), so a typo is not silently dropped.
 */
final class EditJson {

    private EditJson() {}

    /** An article's front-matter fields and Markdown body ({@code null} type, visibility, locale: the defaults). */
    record ArticleFields(String id, String title, String type, String visibility, String locale, String category,
            List<String> tags, List<String> questions, String translationKey, String body) {

        static ArticleFields of(EditableArticle a) {
            return new ArticleFields(a.id(), a.title(), a.type() == null ? null : a.type().key(),
                    a.visibility() == null ? null : a.visibility().key(), a.locale(), a.category(), a.tags(),
                    a.questions(), a.translationKey(), a.body());
        }
    }

    /** A pending draft. */
    record DraftView(String id, String state, String revision, String baseVersion, String author, String lastEditor,
            Instant created, Instant updated, Instant publishAt, String note, ArticleFields article) {

        static DraftView of(Draft d) {
            return new DraftView(d.id(), d.state().name().toLowerCase(java.util.Locale.ROOT), d.revision(),
                    d.baseVersion(), d.author(), d.lastEditor(), d.created(), d.updated(), d.publishAt(), d.note(),
                    ArticleFields.of(d.article()));
        }
    }

    /** Every pending draft, newest first. */
    record DraftList(int count, List<DraftView> drafts) {}

    /** A published article as its file has it. */
    record SourceView(String id, String version, String path, String readOnly, ArticleFields article) {

        static SourceView of(PublishedArticle p) {
            return new SourceView(p.article().id(), p.version(), p.path(), p.readOnly(), ArticleFields.of(p.article()));
        }
    }

    /**
     * The body of a draft save ({@code PUT /api/v1/drafts/{id}}) or a direct publish ({@code POST} /
     * {@code PUT /api/v1/articles}): the article's fields; for a draft also the published version it
     * started from, when to publish it and its note for the reviewer ({@code message}), for a publish the
     * history message.
     */
    record ArticleWrite(String id, String title, String type, String visibility, String locale, String category,
            List<String> tags, List<String> questions, String translationKey, String body, String baseVersion,
            String publishAt, String message) {

        /** The article, with the id from the path: a different {@code id} in the body is 400. */
        EditableArticle article(String pathId) {
            if (id != null && pathId != null && !id.equals(pathId)) {
                throw invalid("id", "the body's id differs from the URL's; leave it out or make them equal");
            }
            String articleId = pathId != null ? pathId : EditRequests.articleId(id);
            return new EditableArticle(articleId, title, parse("type", type, ArticleType::parse),
                    parse("visibility", visibility, Visibility::parse), locale, category, withoutNulls("tags", tags),
                    withoutNulls("questions", questions), translationKey, body);
        }

        /**
         * {@link #publishAt} as an instant, {@code null} for at once; 400 {@code invalid_field} unless it is
         * an ISO-8601 instant in the years {@link PublishTimes#FIRST_YEAR}–{@link PublishTimes#LAST_YEAR}.
         */
        Instant publishInstant() {
            if (publishAt == null || publishAt.isBlank()) {
                return null;
            }
            Instant at;
            try {
                at = Instant.parse(publishAt.strip());
            } catch (DateTimeParseException e) {
                throw invalid("publishAt", "publishAt is an ISO-8601 instant such as 2026-04-01T09:00:00Z");
            }
            if (!PublishTimes.inRange(at)) {
                throw invalid("publishAt", "publishAt must be in the years " + PublishTimes.FIRST_YEAR + " to "
                        + PublishTimes.LAST_YEAR);
            }
            return at;
        }
    }

    /** {@code {"message": "..."}}: why, for the history. */
    record Message(String message) {}

    /** {@code {"version": "...", "message": "..."}}: which history version to publish again. */
    record Restore(String version, String message) {}

    /**
     * {@code list} as sent, refused (400 {@code invalid_field} naming {@code field}) if it holds a JSON
     * {@code null}: Jackson reads {@code [null]} as a list with a null item, which nothing after this
     * expects (the article's immutable copy would fail with a 500).
     */
    private static List<String> withoutNulls(String field, List<String> list) {
        if (list != null && list.stream().anyMatch(java.util.Objects::isNull)) {
            throw invalid(field, field + " must not contain null; leave an item out instead");
        }
        return list;
    }

    private static <T> T parse(String field, String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
    }

    static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid_field", message, java.util.Map.of("field", field));
    }

    /** A body that is required but absent. */
    static <T> T required(T body, String shape) {
        if (body == null) {
            throw ApiException.badRequest("bad_json", "send a JSON body: " + shape);
        }
        return body;
    }
}
