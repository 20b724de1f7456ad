package dev.kotae.web;

import dev.kotae.analytics.EventBus;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.SearchEvent;
import dev.kotae.search.SearchRequest;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SearchService;
import dev.kotae.search.SuggestService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.time.Instant;

/** {@code /api/v1/search} and {@code /api/v1/suggest}. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {

    private final SearchService search;
    private final SuggestService suggest;
    private static final int EVENT_TOP_IDS = 5;

    private final KotaeMetrics metrics;
    private final EventBus events;

    @Inject
    public SearchResource(SearchService search, SuggestService suggest, KotaeMetrics metrics, EventBus events) {
        this.search = search;
        this.suggest = suggest;
        this.metrics = metrics;
        this.events = events;
    }

    @GET
    @Path("search")
    public SearchResult search(@QueryParam("q") String q, @QueryParam("locale") String locale,
            @QueryParam("type") String type, @QueryParam("category") String category, @QueryParam("tag") String tag,
            @QueryParam("page") String page, @QueryParam("size") String size,
            @HeaderParam(Sessions.HEADER) String session, @Context SecurityContext security) throws IOException {
        long start = System.nanoTime();
        SearchRequest request = new SearchRequest(q == null ? "" : q, Params.optional(locale), Params.optional(type),
                Params.optional(category), Params.optional(tag), Params.integer(page, "page", 1),
                Params.integer(size, "size", 10), AuthFilter.caller(security).audience());
        SearchResult result = search.search(request);
        metrics.searched(System.nanoTime() - start, result.total());
        if (!request.query().isBlank() && request.page() == 1) {
            events.publish(new SearchEvent(Instant.now(), Sessions.valid(session), request.query().strip(),
                    request.locale(), result.total(),
                    result.hits().stream().limit(EVENT_TOP_IDS).map(SearchResult.Hit::id).toList(), "api"));
        }
        return result;
    }

    @GET
    @Path("suggest")
    public SuggestService.Suggestions suggest(@QueryParam("q") String q, @QueryParam("locale") String locale,
            @QueryParam("size") String size, @Context SecurityContext security) throws IOException {
        long start = System.nanoTime();
        SuggestService.Suggestions result = suggest.suggest(q, Params.optional(locale), Params.integer(size, "size", 8),
                AuthFilter.caller(security).audience());
        metrics.suggested(System.nanoTime() - start);
        return result;
    }
}
