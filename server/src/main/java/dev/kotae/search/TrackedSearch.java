package dev.kotae.search;

import dev.kotae.analytics.ClickLedger;
import dev.kotae.analytics.EventBus;
import dev.kotae.analytics.Requester;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.SearchEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A search run on someone's behalf, timed for the metrics and announced to event listeners (first pages
 * of non-empty queries only: paging on is not a new search). The JSON API and the search page both
 * search through here.
 */
public final class TrackedSearch {

    /** Result ids a search event keeps: enough to know what a visitor passed over above a click on page 1. */
    public static final int EVENT_TOP_IDS = 10;

    private final SearchService search;
    private final KotaeMetrics metrics;
    private final EventBus events;
    private final ClickLedger clicks;

    public TrackedSearch(SearchService search, KotaeMetrics metrics, EventBus events, ClickLedger clicks) {
        this.search = search;
        this.metrics = metrics;
        this.events = events;
        this.clicks = clicks;
    }

    /**
     * @param session the anonymous session id, or {@code null}
     * @param channel where the search came from: {@code api} or {@code web}
     * @param requester who searched (hashed address, automated or not), kept beside the search event; the
     *     audience recorded is the request's own
     */
    public SearchResult run(SearchRequest request, String session, String channel, Requester requester)
            throws IOException {
        return firstAnswer(List.of(request), session, channel, requester).result();
    }

    /** The result of a search and the request that gave it. */
    public record Answer(SearchRequest request, SearchResult result) {}

    /**
     * Tries each request in turn until one finds something (or none is left), and records that one
     * search: a broader retry is part of answering, not a second search by the visitor, and the
     * narrower attempt's zero results must not count as a content gap.
     */
    public Answer firstAnswer(List<SearchRequest> attempts, String session, String channel, Requester requester)
            throws IOException {
        long start = System.nanoTime();
        Answer answer = unrecorded(attempts);
        SearchRequest request = answer.request();
        SearchResult result = answer.result();
        metrics.searched(System.nanoTime() - start, result.total());
        String query = request.query().strip();
        if (!query.isEmpty()) {
            // What this visitor was shown, so only clicks on these results, at these ranks, are counted.
            clicks.shown(session, query, (request.page() - 1) * request.size() + 1,
                    result.hits().stream().map(SearchResult.Hit::id).toList());
            if (request.page() == 1) {
                events.publish(new SearchEvent(Instant.now(), session, query, request.locale(), result.total(),
                        result.hits().stream().limit(EVENT_TOP_IDS).map(SearchResult.Hit::id).toList(), channel),
                        requester.withAudience(
                                request.audience() == Audience.AGENTS ? Requester.AGENTS : Requester.PUBLIC));
            }
        }
        return answer;
    }

    /**
     * {@link #firstAnswer}'s answer, recording nothing: for a {@code HEAD} request (a link checker, a
     * monitor), which asks whether the page is there, not a search by a visitor. It counts neither in
     * analytics nor in what is learned from searches.
     */
    public Answer unrecorded(List<SearchRequest> attempts) throws IOException {
        SearchRequest request = null;
        SearchResult result = null;
        for (SearchRequest attempt : attempts) {
            request = attempt;
            result = search.search(attempt);
            if (result.total() > 0) {
                break;
            }
        }
        if (result == null) {
            throw new IllegalArgumentException("no search request given");
        }
        return new Answer(request, result);
    }
}
