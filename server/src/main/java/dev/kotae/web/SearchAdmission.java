package dev.kotae.web;

import dev.kotae.metrics.KotaeMetrics;
import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * Lets at most as many searching requests run at once as the JVM has cores; the others wait their turn
 * in order of arrival, without holding a thread (Jetty's {@link QoSHandler}). A search is CPU work on a
 * memory-mapped index, so running more at once only shares the cores: with 8 clients on 2 cores each
 * search took about four times its own time, and one descheduled mid-search far longer. Waiting in line
 * instead lowered the p99 at 8 clients by about a quarter at the same throughput (docs/benchmarks.md).
 * The limit follows the cores, as Elasticsearch sizes its search pool from them. Suggestions, health,
 * metrics, article pages and admin requests are not held back.
 */
final class SearchAdmission {

    /**
     * The requests that run a search. Not suggestions: one costs a tenth of a search, and waiting in line
     * cost them more than it saved (c=4: p99 4.3 → 4.9 ms, about 5% fewer per second).
     */
    static final String[] PATHS = {"/api/v1/search", "/api/v1/widgets/*", "/search"};
    /** A request that waited this long is answered 503 instead: by then nobody is waiting for it. */
    static final Duration MAX_WAIT = Duration.ofSeconds(15);

    private SearchAdmission() {}

    /** {@code handler}, with its searching requests admitted {@code limit} at a time. */
    static Handler around(Handler handler, int limit, KotaeMetrics metrics) {
        QoSHandler admission = new QoSHandler(handler);
        admission.setMaxRequestCount(limit);
        admission.setMaxSuspend(MAX_WAIT);
        admission.includePath(PATHS);
        metrics.gauge("kotae_search_requests_waiting", "Searching requests waiting for a core right now",
                admission::getSuspendedRequestCount);
        metrics.counter("kotae_search_requests_waited", "Searching requests that had to wait for a core",
                admission::getTotalSuspendedRequestCount);
        return admission;
    }
}
