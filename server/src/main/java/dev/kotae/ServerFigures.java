package dev.kotae;

import dev.kotae.analytics.EventJournal;
import dev.kotae.analytics.JournalShipper;
import dev.kotae.analytics.LossCounters;
import dev.kotae.index.ArticleIndex;
import dev.kotae.kept.Kept;
import dev.kotae.kept.Usage;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.search.ResultCache;
import dev.kotae.search.SearchService;
import dev.kotae.web.Readiness;
import java.io.IOException;
import java.util.Locale;

/** The server's own figures on {@code /metrics}: searches' caches, the index, the content, analytics, readiness. */
final class ServerFigures {

    private ServerFigures() {}

    static void register(KotaeMetrics metrics, IndexedContent content, SearchService search, Readiness readiness,
            LossCounters analyticsLosses, EventJournal journal, JournalShipper shipper) {
        ArticleIndex index = content.index;
        ResultCache results = search.resultCache();
        metrics.counter("kotae_search_cache_hits", "Searches answered from the result cache", results::hits);
        metrics.counter("kotae_search_cache_misses", "Searches computed while the result cache is on", results::misses);
        metrics.gauge("kotae_search_cache_bytes", "Estimated heap the result cache takes", results::bytes);
        metrics.gauge("kotae_search_cache_entries", "Search results the result cache keeps", results::size);
        keptFigures(metrics, "term_sets", "Term document sets", "counting matches", index.termMatchesUsage());
        keptFigures(metrics, "word_scores", "Word scores", "ranking", index.wordScoresUsage());
        keptFigures(metrics, "hit_articles", "Hits' articles", "showing hits", index.hitArticlesUsage());
        keptFigures(metrics, "query_matches", "Unscored queries' document sets", "suggestion prefixes and filters",
                index.queryMatchesUsage());
        keptFigures(metrics, "suggest_cards", "Suggestion candidates' cards", "showing suggestions", index.suggestCardsUsage());
        countFigures(metrics, "browse_counts", "Counts without a query (browsing, the overview)", search.browseCounts());
        countFigures(metrics, "scope_counts", "A scope's own facet counts (for broad searches)", search.scopeCounts());
        metrics.contentGauge("kotae_articles", "Articles in the index", () -> sizeOf(index));
        metrics.contentGauge("kotae_content_problems", "Content files skipped or refused because of errors",
                () -> content.problems().size());
        metrics.contentGauge("kotae_index_size_bytes", "Index size on disk", index::sizeOnDisk);
        metrics.counter("kotae_analytics_events_lost", "Analytics events never journaled (journal full or"
                + " unwritable) or unreadable in it, since the data folder was made", analyticsLosses::lost);
        metrics.counter("kotae_analytics_events_rejected", "Analytics events the database refused one by one and"
                + " that were set aside, since the data folder was made", analyticsLosses::rejected);
        metrics.gauge("kotae_analytics_journal_bytes", "Bytes in the local analytics event journal", journal::bytes);
        metrics.gauge("kotae_analytics_journal_pending_bytes", "Journaled analytics events not yet in the database",
                shipper::pendingBytes);
        metrics.gauge("kotae_analytics_database_up", "1 when the analytics database took the last batch",
                () -> shipper.databaseReachable() ? 1 : 0);
        metrics.gauge("kotae_ready", "1 when ready for traffic (as /readyz): index synced, plugin sources loaded once",
                () -> readiness.isReady() ? 1 : 0);
        metrics.gauge("kotae_degraded", "Parts that are degraded (see /readyz for why); 0 when all is well",
                () -> readiness.degraded().size());
        metrics.gauge("kotae_index_writable", "1 when index writes work, 0 while the writer is reopened after a failure",
                () -> index.failure().isEmpty() ? 1 : 0);
        metrics.counter("kotae_index_write_failures", "Index writes that failed and were rolled back",
                index::writeFailures);
    }

    /** The figures of what searches keep per index version, e.g. {@code kotae_search_term_sets_hits_total}. */
    private static void keptFigures(KotaeMetrics metrics, String name, String what, String purpose,
            Usage usage) {
        metrics.counter("kotae_search_" + name + "_hits", what + " read from those kept for " + purpose, usage::hits);
        metrics.counter("kotae_search_" + name + "_misses", what + " read from the index (none kept)", usage::misses);
        // Admins only: what is kept holds every article's postings, so the heap a caller's own search adds
        // grows with how often its words occur in internal articles too.
        metrics.contentGauge("kotae_search_" + name + "_bytes", "Heap the " + what.toLowerCase(Locale.ROOT)
                + " kept for the open index versions and segments take", usage::bytes);
    }

    /** The figures of counts kept per index version, e.g. {@code kotae_search_browse_counts_hits_total}. */
    private static void countFigures(KotaeMetrics metrics, String name, String what, Kept<?, ?> kept) {
        metrics.counter("kotae_search_" + name + "_hits", what + " read from those kept", kept::hits);
        metrics.counter("kotae_search_" + name + "_misses", what + " counted because none were kept", kept::misses);
        metrics.gauge("kotae_search_" + name + "_entries", what + " kept for the open index versions", kept::size);
    }

    private static double sizeOf(ArticleIndex index) {
        try {
            return index.size();
        } catch (IOException e) {
            return -1;
        }
    }
}
