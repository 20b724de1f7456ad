package dev.kotae.widget.answerbot;

import dev.kotae.plugin.HelpCenter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A help center with canned hits and articles that remembers how it was searched. */
final class FakeHelpCenter implements HelpCenter {

    final List<Hit> hits = new ArrayList<>();
    final Map<String, ArticleView> articles = new LinkedHashMap<>();
    final List<String> searches = new ArrayList<>();
    final Set<String> locales = Set.of("ja", "en");

    FakeHelpCenter hit(String id, String title, double score) {
        hits.add(new Hit(id, title, "/articles/" + id, "<mark>" + title + "</mark>", "cat", "ja", score));
        return this;
    }

    /** A hit together with the public article behind it. */
    FakeHelpCenter hitWithArticle(String id, String title, double score, String text) {
        hit(id, title, score);
        articles.put(id, new ArticleView(id, title, "ja", "cat", List.of(), "/articles/" + id, "<p>" + text + "</p>",
                text));
        return this;
    }

    @Override
    public SearchPage search(String query, String locale, int size) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("blank query");
        }
        if (locale != null && !locales.contains(locale)) {
            throw new IllegalArgumentException("unknown locale '" + locale + "'");
        }
        searches.add(query + "|" + locale + "|" + size);
        return new SearchPage(query, hits.size(), hits.subList(0, Math.min(size, hits.size())));
    }

    @Override
    public List<Suggestion> suggest(String prefix, String locale, int size) {
        return List.of();
    }

    @Override
    public Optional<ArticleView> article(String id) {
        return Optional.ofNullable(articles.get(id));
    }
}
