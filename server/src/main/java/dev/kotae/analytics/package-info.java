/**
 * What customers and agents do: events (search, click, feedback, deflection) published on an
 * asynchronous {@link dev.kotae.analytics.EventBus} to the recent-events log, to plugin listeners and to
 * the {@link dev.kotae.analytics.EventRecorder}, which stores them (personal data masked by
 * {@link dev.kotae.analytics.QueryText}) in the {@link dev.kotae.analytics.AnalyticsDatabase} for
 * {@link dev.kotae.analytics.AnalyticsReports}. Publishing never blocks a request; drops are counted in
 * {@code /metrics}; the storage lane is drained before the database closes.
 */
package dev.kotae.analytics;
