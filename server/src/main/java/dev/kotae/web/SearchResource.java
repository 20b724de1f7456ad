package dev.kotae.web;

import dev.kotae.analytics.ClientAddresses;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;

/** {@code /api/v1/search} and {@code /api/v1/suggest}. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {

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
    @Path("search")
    public SearchResult search(@QueryParam("q") String q, @QueryParam("locale") String locale,
            @QueryParam("type") String type, @QueryParam("category") String category, @QueryParam("tag") String tag,
            @QueryParam("page") String page, @QueryParam("size") String size,
            @HeaderParam(Sessions.HEADER) String session, @Context SecurityContext security,
            @Context HttpServletRequest http) throws IOException {
        Caller caller = Callers.caller(security);
        SearchRequest request = new SearchRequest(q == null ? "" : q, Params.optional(locale), Params.optional(type),
                Params.optional(category), Params.optional(tag), Params.integer(page, "page", 1),
                Params.integer(size, "size", 10), Audience.of(caller));
        return search.run(request, Sessions.valid(session), "api", Requesters.of(addresses, http, caller));
    }

    @GET
    @Path("suggest")
    public SuggestService.Suggestions suggest(@QueryParam("q") String q, @QueryParam("locale") String locale,
            @QueryParam("size") String size, @Context SecurityContext security) throws IOException {
        long start = System.nanoTime();
        SuggestService.Suggestions result = suggest.suggest(q, Params.optional(locale), Params.integer(size, "size", 8),
                Audience.of(Callers.caller(security)));
        metrics.suggested(System.nanoTime() - start);
        return result;
    }
}
