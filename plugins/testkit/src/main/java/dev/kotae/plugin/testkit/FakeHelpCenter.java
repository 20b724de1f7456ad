package dev.kotae.plugin.testkit;

import dev.kotae.plugin.HelpCenter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A help center with canned hits, suggestions and public articles, that remembers how it was searched.
 * Like the server it refuses a blank query and a locale other than {@code ja} and {@code en}.
 */
public final class FakeHelpCenter implements HelpCenter {

    private final List<Hit> hits = new ArrayList<>();
    private final List<Suggestion> suggestions = new ArrayList<>();
    private final Map<String, ArticleView> articles = new LinkedHashMap<>();
    private final Set<String> locales = Set.of("ja", "en");
    /** Each search as {@code query|locale|size}, in order. */
    public final List<String> searches = new CopyOnWriteArrayList<>();

    /** Adds a hit (Japanese, category {@code cat}) with its title as the marked snippet. */
    public FakeHelpCenter hit(String id, String title, double score) {
        hits.add(new Hit(id, title, "/articles/" + id, "<mark>" + title + "</mark>", "cat", "ja", score));
        return this;
    }

    /** Adds a hit together with the public article behind it. */
    public FakeHelpCenter hitWithArticle(String id, String title, double score, String text) {
        hit(id, title, score);
        return article(new ArticleView(id, title, "ja", "cat", List.of(), "/articles/" + id, "<p>" + text + "</p>",
                text));
    }

    /** Adds a public article that {@link #article(String)} finds. */
    public FakeHelpCenter article(ArticleView article) {
        articles.put(article.id(), article);
        return this;
    }

    public FakeHelpCenter suggestion(Suggestion suggestion) {
        suggestions.add(suggestion);
        return this;
    }

    @Override
    public SearchPage search(String query, String locale, int size) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is blank");
        }
        checkLocale(locale);
        searches.add(query + "|" + locale + "|" + size);
        return new SearchPage(query, hits.size(), hits.subList(0, Math.min(size, hits.size())));
    }

    @Override
    public List<Suggestion> suggest(String prefix, String locale, int size) {
        checkLocale(locale);
        return List.copyOf(suggestions.subList(0, Math.min(size, suggestions.size())));
    }

    @Override
    public Optional<ArticleView> article(String id) {
        return Optional.ofNullable(articles.get(id));
    }

    private void checkLocale(String locale) {
        if (locale != null && !locales.contains(locale)) {
            throw new IllegalArgumentException("unknown locale '" + locale + "' (served: ja, en)");
        }
    }
}
