package dev.kotae.site;

import dev.kotae.analytics.PageViews;
import dev.kotae.content.Article;
import dev.kotae.content.Visibility;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import dev.kotae.search.SearchRequest;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SearchService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "Popular articles" on the home page: the most opened article pages in the visitor's language that the
 * visitor may see, topped up with the most recently updated ones while there is little traffic.
 */
final class PopularArticles {

    /** How many of the most viewed ids are checked, so hidden or other-language ones can be skipped. */
    private static final int CANDIDATES = 100;

    private final PageViews views;
    private final ArticleService articles;
    private final SearchService search;

    PopularArticles(PageViews views, ArticleService articles, SearchService search) {
        this.views = views;
        this.articles = articles;
        this.search = search;
    }

    List<Pages.ArticleLink> top(String locale, Audience audience, int limit) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        List<Pages.ArticleLink> found = new ArrayList<>();
        for (String id : views.top(CANDIDATES)) {
            if (found.size() == limit) {
                break;
            }
            Article article = articles.article(id, audience).orElse(null);
            if (article != null && (locale == null || locale.equals(article.locale())) && seen.add(id)) {
                found.add(new Pages.ArticleLink(article.title(), article.url(), article.locale(),
                        article.visibility() == Visibility.INTERNAL));
            }
        }
        if (found.size() < limit) {
            SearchResult newest = search.search(new SearchRequest("", locale, null, null, null, 1, limit * 2, audience));
            for (SearchResult.Hit hit : newest.hits()) {
                if (found.size() < limit && seen.add(hit.id())) {
                    found.add(new Pages.ArticleLink(hit.title(), hit.url(), hit.locale(),
                            Objects.equals(hit.visibility(), Visibility.INTERNAL.key())));
                }
            }
        }
        return found;
    }
}
