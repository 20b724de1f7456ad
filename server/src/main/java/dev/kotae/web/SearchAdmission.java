package dev.kotae.web;

import dev.kotae.http.ApiError;
import dev.kotae.metrics.KotaeMetrics;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Lets at most as many searching requests run at once as the JVM has cores; the others wait their turn
 * in order of arrival, without holding a thread (Jetty's {@link QoSHandler}). A search is CPU work on a
 * memory-mapped index, so running more at once only shares the cores: with 8 clients on 2 cores each
 * search took about four times its own time, and one descheduled mid-search far longer. Waiting in line
 * instead lowered the p99 at 8 clients by about a quarter at the same throughput (docs/benchmarks.md).
 * The limit follows the cores unless {@code search.concurrency} sets it, as Elasticsearch sizes its
 * search pool. Suggestions, health, metrics, article pages and admin requests are not held back.
 *
 * <p>A search that cannot be admitted (the line is full, or it waited too long) is answered 503 with
 * {@code Retry-After}, and counted in {@code /metrics}: the error {@code busy}, as JSON or, for the
 * search page, as a page a visitor can read ({@link JettyErrorHandler}).
 */
final class SearchAdmission extends QoSHandler {

    /**
     * The requests that run a search. Not suggestions: one costs a tenth of a search, and waiting in line
     * cost them more than it saved (c=4: p99 4.3 → 4.9 ms, about 5% fewer per second).
     */
    static final String[] PATHS = {SearchResource.SEARCH, "/api/v1/widgets/*", "/search", "/contact/suggest"};
    /** A request that waited this long is answered 503 instead: by then nobody is waiting for it. */
    static final Duration MAX_WAIT = Duration.ofSeconds(15);
    /** Jetty's own default: about half a second of searches on 2 cores at 10k articles, 2 s at 100k. */
    static final int MAX_WAITING = 1024;

    private static final ApiError BUSY = ApiError.of(JettyErrorHandler.BUSY, "too many searches at once; try again in a moment");

    private SearchAdmission(Handler handler) {
        super(handler);
    }

    /** {@code handler}, with its searching requests admitted {@code limit} at a time. */
    static Handler around(Handler handler, int limit, KotaeMetrics metrics) {
        return around(handler, limit, MAX_WAIT, MAX_WAITING, metrics);
    }

    /** As {@link #around(Handler, int, KotaeMetrics)}, with the line's bounds given (for tests). */
    static Handler around(Handler handler, int limit, Duration maxWait, int maxWaiting, KotaeMetrics metrics) {
        SearchAdmission admission = new SearchAdmission(handler);
        admission.setMaxRequestCount(limit);
        admission.setMaxSuspend(maxWait);
        admission.setMaxSuspendedRequestCount(maxWaiting);
        admission.includePath(PATHS);
        metrics.gauge("kotae_search_concurrency", "Searching requests that may run at once (search.concurrency)",
                () -> limit);
        metrics.gauge("kotae_search_requests_waiting", "Searching requests waiting for a core right now",
                admission::getSuspendedRequestCount);
        metrics.counter("kotae_search_requests_waited", "Searching requests that had to wait for a core",
                admission::getTotalSuspendedRequestCount);
        metrics.counter("kotae_search_requests_rejected",
                "Searching requests answered 503 busy: the line was full or they waited too long",
                () -> admission.getTotalExpiredRequestCount() + admission.getTotalExceededRequestCount());
        return admission;
    }

    /** The line is full. */
    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        busy(request, response, callback, status);
    }

    /** Waited too long (or the server is stopping). */
    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable cause) {
        busy(request, response, callback, status);
    }

    private static void busy(Request request, Response response, Callback callback, int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        JettyErrorHandler.write(request, response, callback, BUSY);
    }
}
