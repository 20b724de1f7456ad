package dev.kotae.site;

import dev.kotae.analytics.ClientAddresses;
import dev.kotae.analytics.PageViews;
import dev.kotae.analytics.Requester;
import dev.kotae.auth.Caller;
import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import dev.kotae.feedback.FeedbackStore;
import dev.kotae.feedback.Votes;
import dev.kotae.http.Callers;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import dev.kotae.search.CategoryService;
import dev.kotae.util.InvalidRequestException;
import dev.kotae.util.Texts;
import dev.kotae.search.SearchRequest;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SearchService;
import dev.kotae.http.BrowserCookies;
import dev.kotae.search.TrackedSearch;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The customer-facing pages: home, search results and articles, with the article vote form. */
@Path("/")
@SitePage
@Produces(MediaType.TEXT_HTML)
public final class HelpCenterPages {

    static final int PAGE_SIZE = 10;
    /**
     * Sent by the page's own script when it reads the article page again to show the visitor's new vote:
     * the same visitor still on the same page, so not another view of the article.
     */
    static final String REREAD_HEADER = "X-Kotae-Reread";
    static final int POPULAR = 6;
    private static final int DESCRIPTION_LENGTH = 140;
    private static final int PAGE_LINKS = 5;
    /** Facet values shown per facet (most common first); a long tail of tags helps nobody choose. */
    private static final int FACET_VALUES = 10;
    private static final List<String> FACETS = List.of("category", "tags", "type", "locale");

    private final Site site;
    private final TrackedSearch search;
    private final SearchService searchService;
    private final CategoryService categories;
    private final ArticleService articles;
    private final Votes votes;
    private final PageViews views;
    private final ClientAddresses addresses;

    public HelpCenterPages(Site site, TrackedSearch search, SearchService searchService, CategoryService categories,
            ArticleService articles, Votes votes, PageViews views, ClientAddresses addresses) {
        this.addresses = addresses;
        this.site = site;
        this.search = search;
        this.searchService = searchService;
        this.categories = categories;
        this.articles = articles;
        this.votes = votes;
        this.views = views;
    }

    @GET
    public Response home(@Context ContainerRequestContext request) throws IOException {
        Caller caller = Callers.caller(request.getSecurityContext());
        String lang = site.language(request);
        String locale = contentLocale(lang, Audience.of(caller));
        PageContext page = site.context(request, caller, null, new PageContext.PageMeta(null,
                Messages.of(lang).text("home.lead"), site.absolute(request.getUriInfo(), "/"), true, "page-home"));
        Pages.Home home = new Pages.Home(categoryLinks(locale, Audience.of(caller)),
                new PopularArticles(views, articles, searchService).top(locale, Audience.of(caller), POPULAR));
        return site.page(200, "home.jte", page, "home", home);
    }

    @GET
    @Path("search")
    public Response search(@QueryParam("q") String q, @QueryParam("category") String category,
            @QueryParam("tag") String tag, @QueryParam("type") String type, @QueryParam("locale") String localeParam,
            @QueryParam("page") String pageParam, @Context ContainerRequestContext request,
            @Context HttpServletRequest http) throws IOException {
        Caller caller = Callers.caller(request.getSecurityContext());
        // As the search reads it (SearchRequest), for the title and the search box too: never a raw U+0000.
        String query = q == null ? "" : Texts.controlsAsSpaces(q).strip();
        String lang = site.language(request);
        boolean allLocales = SearchLinks.ALL_LOCALES.equals(localeParam);
        String locale = allLocales ? null : blankToNull(localeParam) != null ? localeParam.strip()
                : contentLocale(lang, Audience.of(caller));
        int pageNumber = SearchLinks.pageNumber(pageParam, PAGE_SIZE);
        SearchLinks links = SearchLinks.of(query.isEmpty() ? null : query, blankToNull(category), blankToNull(tag),
                blankToNull(type), allLocales ? SearchLinks.ALL_LOCALES : blankToNull(localeParam));
        SearchResult result;
        try {
            List<SearchRequest> attempts = new ArrayList<>();
            attempts.add(new SearchRequest(query, locale, blankToNull(type), blankToNull(category), blankToNull(tag),
                    pageNumber, PAGE_SIZE, Audience.of(caller)));
            if (localeParam == null && locale != null) {
                // Nothing in the visitor's language: an answer in another language beats none.
                attempts.add(new SearchRequest(query, null, blankToNull(type), blankToNull(category), blankToNull(tag),
                        pageNumber, PAGE_SIZE, Audience.of(caller)));
            }
            // A HEAD (a link checker, a monitor) asks whether the page is there; it is not a visitor's search.
            // (Asked of the servlet request: Jersey answers a HEAD with the GET method and says GET.)
            TrackedSearch.Answer answer = HttpMethod.HEAD.equals(http.getMethod()) ? search.unrecorded(attempts)
                    : search.firstAnswer(attempts, (String) request.getProperty(SiteCookieFilter.VISITOR), "web",
                            requester(http, caller));
            result = answer.result();
            // Where nothing matched at all, the zero-result page suggests categories in the visitor's language.
            locale = result.total() > 0 ? answer.request().locale() : locale;
        } catch (InvalidRequestException e) {
            throw new PageException(400);
        }
        Messages messages = Messages.of(lang);
        List<Pages.RankedHit> hits = new ArrayList<>();
        int rank = (pageNumber - 1) * PAGE_SIZE;
        for (SearchResult.Hit hit : result.hits()) {
            hits.add(new Pages.RankedHit(++rank, hit, Visibility.INTERNAL.key().equals(hit.visibility()),
                    messages.text("type." + hit.type())));
        }
        int from = hits.isEmpty() ? 0 : (pageNumber - 1) * PAGE_SIZE + 1;
        int lastPage = (int) Math.min((result.total() + PAGE_SIZE - 1) / PAGE_SIZE, SearchRequest.MAX_WINDOW / PAGE_SIZE);
        // A category no article the caller may see is in (a stale or hand-made link): the page says so,
        // with a 404 so the link is known dead, instead of a category page titled by whatever was typed.
        boolean unknownCategory = result.total() == 0 && blankToNull(category) != null
                && !hasArticles(blankToNull(category), Audience.of(caller));
        // Browsing a category (a category link: no words) is that category's page, titled by it.
        String title = unknownCategory ? messages.text("search.unknownCategory", blankToNull(category))
                : !query.isEmpty() ? messages.text("search.title", query)
                : blankToNull(category) != null ? category.strip() : messages.text("search.titleAll");
        PageContext page = site.context(request, caller, query,
                new PageContext.PageMeta(title, null, null, false, "page-search"));
        String correction = result.didYouMean();
        Pages.Search model = new Pages.Search(query, result.total(), from, from == 0 ? 0 : from + hits.size() - 1, hits,
                facets(result, links, messages, locale, allLocales || (locale == null && localeParam == null)),
                pageNumber > 1 ? links.url(pageNumber - 1) : null,
                pageNumber < lastPage ? links.url(pageNumber + 1) : null, pageLinks(links, pageNumber, lastPage),
                correction, correction == null ? null : links.with(SearchLinks.QUERY, correction).url(),
                result.corrected(), hits.isEmpty() ? categoryLinks(locale, Audience.of(caller)) : List.of(),
                hits.isEmpty() && lastPage >= 1 && pageNumber > lastPage ? links.url(lastPage) : null,
                unknownCategory ? links.with(SearchLinks.CATEGORY, null).url() : null);
        return site.page(unknownCategory ? 404 : 200, "search.jte", page, "search", model);
    }

    /** Whether {@code category} has an article {@code audience} may see, in any language. */
    private boolean hasArticles(String category, Audience audience) throws IOException {
        try {
            return searchService.search(new SearchRequest("", null, null, category, null, 1, 1, audience)).total() > 0;
        } catch (InvalidRequestException e) {
            return false;
        }
    }

    @GET
    @Path("articles/{id}")
    public Response article(@PathParam("id") String id, @Context ContainerRequestContext request,
            @Context HttpServletRequest http) throws IOException {
        Caller caller = Callers.caller(request.getSecurityContext());
        ArticleService.ArticleView view = articles.find(id, Audience.of(caller)).orElseThrow(PageException::notFound);
        Article article = view.article();
        // A HEAD (a link checker, a monitor) is not a visitor reading the article.
        if (request.getHeaderString(REREAD_HEADER) == null && !HttpMethod.HEAD.equals(http.getMethod())) {
            views.viewed(article.id(), (String) request.getProperty(SiteCookieFilter.VISITOR), requester(http, caller));
        }
        boolean internal = article.visibility() == Visibility.INTERNAL;
        String lang = site.language(request);
        String canonical = site.absolute(request.getUriInfo(), article.url());
        PageContext page = site.context(request, caller, null, new PageContext.PageMeta(article.title(),
                description(article), canonical, !internal, "page-article",
                alternates(request, article, canonical, view.translations())));
        // The language switch goes to the article's translation, when it has one in that language.
        for (ArticleService.Translation translation : view.translations()) {
            if (translation.locale().equals(page.otherLang())) {
                page = page.withSwitchUrl(translation.url() + "?lang=" + page.otherLang());
            }
        }
        Pages.ArticleBody body = Pages.ArticleBody.of(article, lang, site.imageSources());
        String categoryUrl = article.category().isEmpty() ? null
                : SearchLinks.of(null, article.category(), null, null, article.locale()).url();
        String jsonLd = article.type() == ArticleType.FAQ && !internal ? FaqJsonLd.of(article, canonical) : null;
        // Rendered per visitor (the page remembers their vote): pages are never cached publicly (SecurityHeaders).
        FeedbackStore.Feedback vote;
        try {
            vote = votes.current(article.id(), (String) request.getProperty(SiteCookieFilter.VISITOR)).orElse(null);
        } catch (FeedbackStore.FeedbackUnavailableException e) {
            vote = null; // the votes' database is down: the article still shows, with the vote form
        }
        // Read in another language than the page's, with no translation into it: say so, not just switch the frame.
        boolean onlyInItsLanguage = !article.locale().equals(lang)
                && view.translations().stream().noneMatch(translation -> translation.locale().equals(lang));
        Messages messages = Messages.of(lang);
        String language = "locale." + article.locale();
        String languageNote = onlyInItsLanguage && messages.has(language)
                ? messages.text("article.onlyIn", messages.text(language)) : null;
        return site.page(200, "article.jte", page, "view", new Pages.ArticlePage(body, categoryUrl,
                view.related(), jsonLd, vote, languageNote));
    }

    /**
     * The vote forms without JavaScript (with it, the page's script sends the same to the JSON feedback
     * API): {@code helpful} casts or changes this visitor's vote (with an optional comment); a
     * {@code comment} alone is the second step, attached to the vote they already cast (400 when they have
     * none). Either way back to the article, which now shows the vote.
     */
    @POST
    @Path("articles/{id}/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response vote(@PathParam("id") String id, @FormParam("csrf") String token,
            @FormParam("helpful") String helpful, @FormParam("comment") String comment,
            @Context ContainerRequestContext request, @Context HttpServletRequest http) throws IOException {
        site.checkForm(request, token);
        boolean commentOnly = helpful == null && comment != null && !comment.isBlank();
        if (!commentOnly && !"true".equals(helpful) && !"false".equals(helpful)) {
            throw new PageException(400);
        }
        // A form post carries no CSRF header, so the auth filter did not count the session; the form token did.
        Caller caller = site.sessions().caller(BrowserCookies.value(request, BrowserCookies.SESSION))
                .orElse(Caller.ANONYMOUS);
        Article article = articles.article(id, Audience.of(caller)).orElseThrow(PageException::notFound);
        String visitor = (String) request.getProperty(SiteCookieFilter.VISITOR);
        try {
            if (commentOnly) {
                votes.comment(article.id(), comment, visitor, requester(http, caller))
                        .orElseThrow(() -> new PageException(400));
            } else {
                votes.cast(article.id(), Boolean.parseBoolean(helpful), comment, visitor, requester(http, caller));
            }
        } catch (InvalidRequestException e) {
            throw new PageException(400);
        }
        return Response.seeOther(URI.create(article.url() + "#feedback")).build();
    }

    private List<Pages.CategoryLink> categoryLinks(String locale, Audience audience) throws IOException {
        return categories.categories(locale, audience).stream()
                .map(c -> new Pages.CategoryLink(c.name(), c.count(),
                        SearchLinks.of(null, c.name(), null, null, locale).url()))
                .toList();
    }

    private List<Pages.FacetGroup> facets(SearchResult result, SearchLinks links, Messages messages, String locale,
            boolean allLocales) {
        List<Pages.FacetGroup> groups = new ArrayList<>();
        Map<String, List<SearchResult.FacetValue>> facets = result.facets();
        for (String name : FACETS) {
            List<SearchResult.FacetValue> values = facets.getOrDefault(name, List.of());
            String param = name.equals("tags") ? SearchLinks.TAG : name;
            String selected = selected(links, param, locale);
            if (values.isEmpty() && selected == null) {
                continue;
            }
            List<Pages.FacetLink> shown = new ArrayList<>();
            for (SearchResult.FacetValue value : values) {
                boolean isSelected = value.value().equals(selected);
                if (shown.size() >= FACET_VALUES && !isSelected) {
                    continue;
                }
                String label = switch (name) {
                    case "type" -> messages.text("type." + value.value());
                    case "locale" -> messages.text("locale." + value.value());
                    default -> value.value();
                };
                String url = isSelected ? clear(links, param) : links.with(param, value.value()).url();
                shown.add(new Pages.FacetLink(label, value.count(), url, isSelected));
            }
            boolean active = name.equals("locale") ? !allLocales : selected != null;
            groups.add(new Pages.FacetGroup(name, messages.text("facet." + name), active ? clear(links, param) : null,
                    active, shown));
        }
        return groups;
    }

    private static String selected(SearchLinks links, String param, String locale) {
        return param.equals(SearchLinks.LOCALE) ? locale : links.value(param);
    }

    /** Removing the locale filter means "all languages", not "the visitor's language again". */
    private static String clear(SearchLinks links, String param) {
        return links.with(param, param.equals(SearchLinks.LOCALE) ? SearchLinks.ALL_LOCALES : null).url();
    }

    private static List<Pages.PageLink> pageLinks(SearchLinks links, int current, int last) {
        if (last <= 1) {
            return List.of();
        }
        int first = Math.max(1, Math.min(current - PAGE_LINKS / 2, last - PAGE_LINKS + 1));
        List<Pages.PageLink> pages = new ArrayList<>();
        for (int number = first; number <= Math.min(last, first + PAGE_LINKS - 1); number++) {
            pages.add(new Pages.PageLink(number, links.url(number), number == current));
        }
        return pages;
    }

    /** The help center's locale for a UI language, or {@code null} (all) when no article {@code audience} sees is in it. */
    private String contentLocale(String lang, Audience audience) {
        return searchService.hasArticlesIn(lang, audience) ? lang : null;
    }


    /** The article and its translations as {@code hreflang} alternates; none when it has no translation. */
    private List<PageContext.Alternate> alternates(ContainerRequestContext request, Article article, String canonical,
            List<ArticleService.Translation> translations) {
        if (translations.isEmpty()) {
            return List.of();
        }
        List<PageContext.Alternate> alternates = new java.util.ArrayList<>();
        alternates.add(new PageContext.Alternate(article.locale(), canonical));
        for (ArticleService.Translation translation : translations) {
            alternates.add(new PageContext.Alternate(translation.locale(),
                    site.absolute(request.getUriInfo(), translation.url())));
        }
        return alternates;
    }

    private static String description(Article article) {
        String text = article.text().replaceAll("\\s+", " ").strip();
        return text.length() <= DESCRIPTION_LENGTH ? text : text.substring(0, DESCRIPTION_LENGTH - 1).strip() + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Who a page request came from, for learning: audience, hashed address, automated or not. */
    private Requester requester(HttpServletRequest http, Caller caller) {
        return addresses.requester(caller.role() != null, http.getRemoteAddr(), http::getHeader);
    }
}
