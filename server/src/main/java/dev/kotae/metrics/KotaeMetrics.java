package dev.kotae.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.DoubleSupplier;

/** The server's Prometheus metrics, in one registry of its own (tests may run several servers). */
public final class KotaeMetrics {

    private static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1};

    private final PrometheusRegistry registry = new PrometheusRegistry();
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

    /** Registers a counter read when scraped (its name gets Prometheus's {@code _total}). */
    public void counter(String name, String help, DoubleSupplier value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }

    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    /** Writes all metrics in the Prometheus text format. */
    public void write(OutputStream out) throws IOException {
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
    }
}
