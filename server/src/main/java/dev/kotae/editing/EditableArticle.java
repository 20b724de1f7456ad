package dev.kotae.editing;

import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import java.util.List;

/**
 * An article as an author edits it: the front-matter fields and the Markdown body, before folder
 * defaults are applied or anything is rendered. What a publish writes to the article's file.
 *
 * @param id the article's id (its URL name and, for a new article, its file name)
 * @param type {@code null} for the folder's default
 * @param visibility {@code null} for the type's default
 * @param locale {@code null} for the folder's or server's default
 * @param category {@code ""} for none
 * @param translationKey shared with the article's translations, or {@code null}
 * @param body the Markdown body, without front matter
 */
public record EditableArticle(String id, String title, ArticleType type, Visibility visibility, String locale,
        String category, List<String> tags, List<String> questions, String translationKey, String body) {

    public EditableArticle {
        category = category == null ? "" : category;
        tags = tags == null ? List.of() : List.copyOf(tags);
        questions = questions == null ? List.of() : List.copyOf(questions);
        body = body == null ? "" : body;
    }
}
