/**
 * What customers and agents do: events (search, click, feedback, deflection) published on an
 * asynchronous {@link dev.kotae.analytics.EventBus} to the recent-events log and to plugin listeners.
 * Publishing never blocks a request; drops are counted in {@code /metrics}.
 */
package dev.kotae.analytics;
