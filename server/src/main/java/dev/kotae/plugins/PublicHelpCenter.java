package dev.kotae.plugins;

import dev.kotae.content.Article;
import dev.kotae.content.ImageSources;
import dev.kotae.plugin.HelpCenter;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import dev.kotae.util.InvalidRequestException;
import dev.kotae.search.SearchRequest;
import dev.kotae.search.SearchService;
import dev.kotae.search.SuggestService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The help center as plugins see it: the server's own search, suggest and article services, always
 * with the anonymous audience. Plugins serve customers, so they must never be able to reach an
 * internal article, whatever they ask for.
 */
public final class PublicHelpCenter implements HelpCenter {

    private static final Audience AUDIENCE = Audience.PUBLIC;

    private final SearchService search;
    private final SuggestService suggest;
    private final ArticleService articles;
    private final ImageSources images;

    /** Articles' images from places {@code images} does not allow reach widgets as links to them. */
    public PublicHelpCenter(SearchService search, SuggestService suggest, ArticleService articles, ImageSources images) {
        this.search = search;
        this.suggest = suggest;
        this.articles = articles;
        this.images = images;
    }

    /** Whether some public article is in {@code locale}: a search in it can find anything. */
    public boolean hasArticlesIn(String locale) {
        return search.hasArticlesIn(locale, AUDIENCE);
    }

    @Override
    public SearchPage search(String query, String locale, int size) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is blank");
        }
        try {
            // The search's top hits without facets; the total stays exact: widgets report it in SearchEvent.
            SearchService.TopHits result = search.top(new SearchRequest(query, locale, null, null, null, 1, size, AUDIENCE),
                    SearchService.TopDetail.SNIPPETS_AND_TOTAL);
            List<Hit> hits = result.hits().stream()
                    .map(h -> new Hit(h.id(), h.title(), h.url(), h.snippet(), h.category(), h.locale(), h.score()))
                    .toList();
            return new SearchPage(result.query(), result.total(), hits);
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Suggestion> suggest(String prefix, String locale, int size) {
        try {
            return suggest.suggest(prefix, locale, size, AUDIENCE).suggestions().stream()
                    .map(s -> new Suggestion(s.text(), s.title(), s.id(), s.url()))
                    .toList();
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<ArticleView> article(String id) {
        try {
            return articles.article(id, AUDIENCE).map(this::view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article as a widget shows it on another site: as its page would, images from elsewhere as links. */
    private ArticleView view(Article a) {
        return new ArticleView(a.id(), a.title(), a.locale(), a.category(), a.tags(), a.url(), images.linkOthers(a.html()),
                a.text(),
                a.questions(), a.updated());
    }
}
