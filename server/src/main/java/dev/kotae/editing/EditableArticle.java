package dev.kotae.editing;

import dev.kotae.content.Article;
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

    /** A published article as fields, with {@code body} as its Markdown (a plugin article: its text). */
    public static EditableArticle of(Article article, String body) {
        return new EditableArticle(article.id(), article.title(), article.type(), article.visibility(),
                article.locale(), article.category(), article.tags(), article.questions(), article.translationKey(),
                body);
    }

    public EditableArticle withId(String value) {
        return new EditableArticle(value, title, type, visibility, locale, category, tags, questions, translationKey,
                body);
    }

    public EditableArticle withBody(String value) {
        return new EditableArticle(id, title, type, visibility, locale, category, tags, questions, translationKey,
                value);
    }

    /** This article with {@code value} as its {@code questions:}. */
    public EditableArticle withQuestions(List<String> value) {
        return new EditableArticle(id, title, type, visibility, locale, category, tags, value, translationKey, body);
    }

    /** This article with its type, visibility and locale stated. */
    public EditableArticle withDefaults(ArticleType typeValue, Visibility visibilityValue, String localeValue) {
        return new EditableArticle(id, title, typeValue, visibilityValue, localeValue, category, tags, questions,
                translationKey, body);
    }
}
