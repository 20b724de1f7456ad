package dev.kotae.site;

import dev.kotae.content.Article;
import dev.kotae.content.Visibility;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import dev.kotae.search.SearchRequest;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SearchService;
import dev.kotae.util.InvalidRequestException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The editor home's list of published articles, for finding the one to change: every article an agent
 * may read (internal ones and those of plugin sources too), newest first, or those a search finds, a page
 * at a time. The search is not recorded: an editor looking for an article is not a customer asking.
 */
final class PublishedListing {

    static final int PAGE_SIZE = 20;

    private final SearchService search;
    private final ArticleService articles;

    PublishedListing(SearchService search, ArticleService articles) {
        this.search = search;
        this.articles = articles;
    }

    /**
     * One page of the list.
     *
     * @param query the words typed, blank for all articles
     * @param page 1-based; past the last page the list is empty and links back to the last
     * @param pending the ids of articles with a pending draft, so the list can say so
     */
    Pages.PublishedList page(String query, int page, Set<String> pending, Messages messages) throws IOException {
        SearchResult result;
        try {
            result = search.search(new SearchRequest(query, null, null, null, null, page, PAGE_SIZE, Audience.AGENTS));
        } catch (InvalidRequestException e) {
            throw new PageException(400);
        }
        var rows = result.hits().stream().map(hit -> new Pages.PublishedRow(hit.id(), hit.title(), hit.locale(),
                messages.text("type." + hit.type()), Visibility.INTERNAL.key().equals(hit.visibility()),
                pending.contains(hit.id()), EditorLinks.article(hit.id()))).toList();
        // An id typed or pasted (from an address, the audit log) names its article: shown first, whatever the
        // words score. The search itself may not find it at all, as ids are not searched text.
        Pages.PublishedRow named = null;
        if (Article.ID_PATTERN.matcher(query).matches()) {
            named = articles.article(query, Audience.AGENTS).map(article -> new Pages.PublishedRow(article.id(),
                    article.title(), article.locale(), messages.text("type." + article.type().key()),
                    article.visibility() == Visibility.INTERNAL, pending.contains(article.id()),
                    EditorLinks.article(article.id()))).orElse(null);
        }
        int lastPage = (int) Math.min((result.total() + PAGE_SIZE - 1) / PAGE_SIZE, SearchRequest.MAX_WINDOW / PAGE_SIZE);
        int shown = Math.min(page, Math.max(lastPage, 1));
        return new Pages.PublishedList(query, result.corrected() ? result.didYouMean() : null, named, rows, result.total(),
                page > 1 && lastPage > 0 ? url(query, Math.min(page - 1, lastPage)) : null,
                page < lastPage ? url(query, page + 1) : null, shown, Math.max(lastPage, 1));
    }

    /** The editor home listing page {@code page} of {@code query}, scrolled to the list. */
    private static String url(String query, int page) {
        StringBuilder url = new StringBuilder(EditorLinks.HOME);
        char separator = '?';
        if (!query.isEmpty()) {
            url.append(separator).append("q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
            separator = '&';
        }
        if (page > 1) {
            url.append(separator).append("page=").append(page);
        }
        return url.append("#published").toString();
    }
}
