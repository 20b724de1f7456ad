/**
 * What customers and agents do: events (search, click, feedback, deflection) published on an
 * asynchronous {@link dev.kotae.analytics.EventBus} to the recent-events log and plugin listeners, and,
 * before the publisher is answered, written to the local {@link dev.kotae.analytics.EventJournal}. The
 * {@link dev.kotae.analytics.JournalShipper} moves journaled events into the
 * {@link dev.kotae.analytics.AnalyticsDatabase} through the {@link dev.kotae.analytics.EventRecorder}
 * (personal data masked by {@link dev.kotae.analytics.QueryText}, every value cut to its column), exactly
 * once, across crashes and database outages, for {@link dev.kotae.analytics.AnalyticsReports}. Losses are
 * counted in {@link dev.kotae.analytics.LossCounters}, which survive restarts.
 */
package dev.kotae.analytics;
