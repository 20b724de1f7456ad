package dev.kotae.web;

import dev.kotae.analytics.ClientAddresses;
import dev.kotae.analytics.Requester;
import dev.kotae.auth.Caller;
import dev.kotae.http.Callers;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.search.Audience;
import dev.kotae.search.SearchRequest;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SuggestService;
import dev.kotae.search.TrackedSearch;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.util.List;

/** {@code /api/v1/search} and {@code /api/v1/suggest}. */
@Path(SearchResource.ROOT)
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {

    /** The routes, named once: {@link HotReads} answers them too and {@link SearchAdmission} queues searches. */
    static final String ROOT = "/api/v1";
    private static final String SEARCH_ROUTE = "search";
    private static final String SUGGEST_ROUTE = "suggest";
    static final String SEARCH = ROOT + "/" + SEARCH_ROUTE;
    static final String SUGGEST = ROOT + "/" + SUGGEST_ROUTE;

    private final TrackedSearch search;
    private final SuggestService suggest;
    private final KotaeMetrics metrics;
    private final ClientAddresses addresses;

    public SearchResource(TrackedSearch search, SuggestService suggest, KotaeMetrics metrics,
            ClientAddresses addresses) {
        this.search = search;
        this.suggest = suggest;
        this.metrics = metrics;
        this.addresses = addresses;
    }

    @GET
    @Path(SEARCH_ROUTE)
    public SearchResult search(@QueryParam("q") String q, @QueryParam("locale") String locale,
            @QueryParam("type") String type, @QueryParam("category") String category, @QueryParam("tag") String tag,
            @QueryParam("page") String page, @QueryParam("size") String size,
            @HeaderParam(Sessions.HEADER) String session, @Context SecurityContext security,
            @Context HttpServletRequest http) throws IOException {
        Caller caller = Callers.caller(security);
        Query query = new Query(q, locale, type, category, tag, page, size);
        if (HttpMethod.HEAD.equals(http.getMethod())) {
            return search.unrecorded(List.of(request(query, caller))).result(); // not a visitor's search
        }
        return search(query, session, caller, Requesters.of(addresses, http, caller));
    }

    @GET
    @Path(SUGGEST_ROUTE)
    public SuggestService.Suggestions suggest(@QueryParam("q") String q, @QueryParam("locale") String locale,
            @QueryParam("size") String size, @Context SecurityContext security) throws IOException {
        return suggest(q, locale, size, Callers.caller(security));
    }

    /** The query parameters of a search as sent (each {@code null} when absent). */
    record Query(String q, String locale, String type, String category, String tag, String page, String size) {}

    /**
     * {@code /api/v1/search} for {@code caller}, whatever carried the request here ({@link HotReads} too).
     *
     * @throws dev.kotae.http.ApiException or {@link dev.kotae.util.InvalidRequestException} if a parameter is
     *     not valid, before anything is searched or recorded
     */
    SearchResult search(Query query, String session, Caller caller, Requester requester) throws IOException {
        return search.run(request(query, caller), Sessions.valid(session), "api", requester);
    }

    private static SearchRequest request(Query query, Caller caller) {
        return new SearchRequest(query.q() == null ? "" : query.q(), Params.optional(query.locale()),
                Params.optional(query.type()), Params.optional(query.category()), Params.optional(query.tag()),
                Params.integer(query.page(), "page", 1), Params.integer(query.size(), "size", 10), Audience.of(caller));
    }

    /**
     * {@code /api/v1/suggest} for {@code caller}, whatever carried the request here.
     *
     * @throws dev.kotae.http.ApiException or {@link dev.kotae.util.InvalidRequestException} if a parameter is
     *     not valid, before anything is looked up
     */
    SuggestService.Suggestions suggest(String q, String locale, String size, Caller caller) throws IOException {
        int count = Params.integer(size, "size", 8);
        long start = System.nanoTime();
        SuggestService.Suggestions result = suggest.suggest(q, Params.optional(locale), count, Audience.of(caller));
        metrics.suggested(System.nanoTime() - start);
        return result;
    }

    /** Who an anonymous caller is, as analytics records it ({@link HotReads}; see {@link Requesters}). */
    Requester anonymousRequester(String address, java.util.function.Function<String, String> headers) {
        return Requesters.of(addresses, address, headers, Caller.ANONYMOUS);
    }
}
