package dev.kotae.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The editor pages' addresses, in one place so pages and templates link to them alike. */
final class EditorLinks {

    static final String HOME = "/editor";

    private EditorLinks() {}

    /** The editor page of an article (its pending draft if there is one). */
    static String article(String id) {
        return "/editor/articles/" + segment(id);
    }

    /** The published version of an article in the editor, even while a draft is pending. */
    static String published(String id) {
        return article(id) + "?show=published";
    }

    static String history(String id) {
        return article(id) + "/history";
    }

    /** The article's editor page with the fields of one of its history versions, to save as a draft. */
    static String fromVersion(String id, String version) {
        return article(id) + "?from=" + query(version);
    }

    /** The page that confirms deleting a published article. */
    static String delete(String id) {
        return article(id) + "/delete";
    }

    static String version(String id, String version) {
        return history(id) + "/" + segment(version);
    }

    /** A new article whose first question is {@code question} (e.g. a search that found nothing). */
    static String newArticle(String question) {
        return "/editor/new?question=" + query(question);
    }

    /** A new article that translates {@code id} into the other language. */
    static String translation(String id) {
        return "/editor/new?translationOf=" + query(id);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
