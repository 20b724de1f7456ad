package dev.kotae.editing;

import java.time.Instant;

/**
 * The pending next version of an article (or a new article), kept under the data folder and never in
 * the search index: no anonymous caller can reach it by any path. One draft per article id.
 *
 * @param article the draft's content
 * @param baseVersion the published version ({@link PublishedArticle#version()}) the draft started from, or
 *     {@code null} for a new article; publishing over a newer version is refused
 * @param revision the draft's own version, which every save of it must name
 * @param author who started the draft
 * @param lastEditor who saved it last
 * @param publishAt when to publish it once approved, or {@code null} for at once
 * @param note what its authors say the change is for, for the reviewer and then the history; {@code null}
 *     when they said nothing
 */
public record Draft(EditableArticle article, String baseVersion, String revision, DraftState state, String author,
        String lastEditor, Instant created, Instant updated, Instant publishAt, String note) {

    public String id() {
        return article.id();
    }
}
