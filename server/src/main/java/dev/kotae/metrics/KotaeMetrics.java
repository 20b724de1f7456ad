package dev.kotae.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.DoubleSupplier;

/**
 * The server's Prometheus metrics, in registries of its own (tests may run several servers).
 *
 * <p>Series that count or describe the content itself (articles, content problems, index size) include
 * internal articles, so they are kept apart ({@link #contentGauge}) and written only for an admin
 * ({@link #write(OutputStream, boolean)}): an anonymous {@code /metrics} says nothing about internal
 * content, not even how much of it there is.
 */
public final class KotaeMetrics {

    private static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    /** Series that count or describe content, internal articles included: for admins only. */
    private final PrometheusRegistry content = new PrometheusRegistry();
    private final Counter searches = Counter.builder().name("kotae_searches_total")
            .help("Searches answered").register(registry);
    private final Counter zeroResults = Counter.builder().name("kotae_search_zero_results_total")
            .help("Searches that found nothing, even after spelling correction").register(registry);
    private final Histogram searchSeconds = Histogram.builder().name("kotae_search_duration_seconds")
            .help("Time to answer a search, in the server").classicOnly().classicUpperBounds(LATENCY_BUCKETS)
            .register(registry);
    private final Counter suggests = Counter.builder().name("kotae_suggest_total")
            .help("Suggestion requests answered").register(registry);
    private final Histogram suggestSeconds = Histogram.builder().name("kotae_suggest_duration_seconds")
            .help("Time to answer a suggestion request, in the server").classicOnly()
            .classicUpperBounds(LATENCY_BUCKETS).register(registry);
    private final Counter feedback = Counter.builder().name("kotae_feedback_total")
            .help("Article votes recorded").labelNames("helpful").register(registry);
    private final Counter syncs = Counter.builder().name("kotae_content_syncs_total")
            .help("Content changes applied to the index").register(registry);

    private final Counter events = Counter.builder().name("kotae_events_total")
            .help("Events recorded, by type").labelNames("type").register(registry);
    private final Counter eventsDropped = Counter.builder().name("kotae_events_dropped_total")
            .help("Events a subscriber lost because its queue was full").labelNames("subscriber").register(registry);
    private final Counter eventsFailed = Counter.builder().name("kotae_event_subscriber_errors_total")
            .help("Events a subscriber failed to handle").labelNames("subscriber").register(registry);
    private final Counter pluginFailures = Counter.builder().name("kotae_plugin_failures_total")
            .help("Calls into plugins that failed or timed out").labelNames("plugin").register(registry);

    private final Counter analyticsStored = Counter.builder().name("kotae_analytics_events_stored_total")
            .help("Events written to the analytics database").register(registry);

    public void analyticsStored(int count) {
        analyticsStored.inc(count);
    }

    public void event(String type) {
        events.labelValues(type).inc();
    }

    public void eventDropped(String subscriber) {
        eventsDropped.labelValues(subscriber).inc();
    }

    public void eventFailed(String subscriber) {
        eventsFailed.labelValues(subscriber).inc();
    }

    public void pluginFailed(String pluginId) {
        pluginFailures.labelValues(pluginId).inc();
    }

    public void searched(long nanos, long total) {
        searches.inc();
        if (total == 0) {
            zeroResults.inc();
        }
        searchSeconds.observe(nanos / 1e9);
    }

    public void suggested(long nanos) {
        suggests.inc();
        suggestSeconds.observe(nanos / 1e9);
    }

    public void feedback(boolean helpful) {
        feedback.labelValues(Boolean.toString(helpful)).inc();
    }

    public void synced() {
        syncs.inc();
    }

    /** Registers a gauge read when scraped. */
    public void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }

    /**
     * Registers a gauge read when scraped that counts or describes content, internal articles included
     * (e.g. how many articles there are): written only for admins.
     */
    public void contentGauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(content);
    }

    /** Registers a counter read when scraped (its name gets Prometheus's {@code _total}). */
    public void counter(String name, String help, DoubleSupplier value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }

    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    /**
     * Writes every series, content included, in the Prometheus text format: for readers inside the
     * process (tests), never as the answer to a caller of unknown role.
     */
    public void write(OutputStream out) throws IOException {
        write(out, true);
    }

    /**
     * Writes the metrics in the Prometheus text format.
     *
     * @param withContent whether to include the series about content ({@link #contentGauge}): only for
     *     a caller who may know about internal articles' existence and number (an admin)
     */
    public void write(OutputStream out, boolean withContent) throws IOException {
        MetricSnapshots snapshots = registry.scrape();
        if (withContent) {
            MetricSnapshots.Builder all = MetricSnapshots.builder();
            snapshots.forEach(all::metricSnapshot);
            content.scrape().forEach(all::metricSnapshot);
            snapshots = all.build();
        }
        new PrometheusTextFormatWriter(false).write(out, snapshots);
    }
}
