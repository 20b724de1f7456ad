package dev.kotae.plugin;

/**
 * Receives every event the server records (for analytics, alerts, exports). Events are delivered on a
 * thread of the listener's own, in order, after the request that caused them has been answered: a slow
 * listener never slows searching. When a listener falls behind, its queue is bounded and further events
 * are dropped and counted in {@code /metrics} ({@code kotae_events_dropped_total}).
 *
 * @since 1.0
 */
public interface EventListener extends KotaeExtension {

    /** Handles one event. Exceptions are logged and counted; delivery goes on with the next event. */
    void onEvent(KotaeEvent event) throws Exception;
}
