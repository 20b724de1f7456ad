package dev.kotae;

import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.analytics.EventJournal;
import dev.kotae.analytics.JournalShipper;
import dev.kotae.analytics.LossCounters;
import dev.kotae.feedback.FeedbackStore;
import dev.kotae.index.ContentSync;
import dev.kotae.plugins.PluginHost;
import dev.kotae.plugins.SourceSync;
import dev.kotae.search.Audience;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SearchService;
import dev.kotae.web.Admin;
import dev.kotae.web.Readiness;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations behind {@code /api/v1/admin}: the server's status and the reindex on request.
 */
final class AdminOperations implements Admin {

    private static final Logger LOG = LoggerFactory.getLogger(AdminOperations.class);

    private final Instant startedAt = Instant.now();
    private final IndexedContent content;
    private final SearchService search;
    private final Readiness readiness;
    private final FeedbackStore feedback;
    private final AnalyticsDatabase analyticsDatabase;
    private final EventJournal journal;
    private final JournalShipper shipper;
    private final LossCounters analyticsLosses;
    private final PluginHost plugins;

    AdminOperations(IndexedContent content, SearchService search, Readiness readiness, FeedbackStore feedback,
            AnalyticsDatabase analyticsDatabase, EventJournal journal, JournalShipper shipper,
            LossCounters analyticsLosses, PluginHost plugins) {
        this.content = content;
        this.search = search;
        this.readiness = readiness;
        this.feedback = feedback;
        this.analyticsDatabase = analyticsDatabase;
        this.journal = journal;
        this.shipper = shipper;
        this.analyticsLosses = analyticsLosses;
        this.plugins = plugins;
    }

    @Override
    public Map<String, Object> status() throws IOException {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("version", KotaeApp.version());
        status.put("startedAt", startedAt.toString());
        status.put("ready", readiness.isReady());
        status.put("degraded", readiness.degraded());
        status.put("articles", articleCounts());
        Map<String, Object> contentStatus = new LinkedHashMap<>();
        contentStatus.put("path", content.folder.root().toString());
        contentStatus.put("files", content.sync.fileCount());
        contentStatus.put("problems", content.problems());
        contentStatus.put("synonyms", Map.of("rules", content.synonyms.current().rules(),
                "version", content.synonyms.current().version()));
        status.put("content", contentStatus);
        Map<String, Object> indexStatus = new LinkedHashMap<>();
        indexStatus.put("documents", content.index.size());
        indexStatus.put("sizeBytes", content.index.sizeOnDisk());
        indexStatus.put("lastSync", content.lastSync());
        indexStatus.put("writable", content.index.failure().isEmpty());
        indexStatus.put("failure", content.index.failure().orElse(null));
        status.put("index", indexStatus);
        Map<String, Object> votes = new LinkedHashMap<>();
        try {
            votes.put("count", feedback.size());
        } catch (FeedbackStore.FeedbackUnavailableException e) {
            votes.put("count", "unavailable");
        }
        votes.put("unreadableLines", feedback.unreadableLines());
        votes.put("tornWritesCut", feedback.tornWrites());
        status.put("feedback", votes);
        Map<String, Object> analytics = new LinkedHashMap<>();
        analytics.put("database", analyticsDatabase.description());
        analytics.put("databaseUp", shipper.databaseReachable());
        analytics.put("journalBytes", journal.bytes());
        analytics.put("pendingBytes", shipper.pendingBytes());
        analytics.put("eventsLost", analyticsLosses.lost());
        analytics.put("eventsRejected", analyticsLosses.rejected());
        status.put("analytics", analytics);
        status.put("plugins", plugins.status());
        return status;
    }

    /**
     * Rebuilds the index from the content folder and every plugin source as one change of the index, on
     * its writer thread (never the request's thread, which Jetty interrupts): searches see the old index
     * until all of it is done, then the new one. The plugin sources list their articles first, here, so
     * that the change (and every edit queued behind it) never waits for a plugin's time box.
     */
    @Override
    public Map<String, Object> reindex() throws IOException {
        long start = System.nanoTime();
        SourceSync.Listings listings = content.sources.listForReindex();
        return content.index.change(changes -> reindexNow(listings, start));
    }

    private Map<String, Object> reindexNow(SourceSync.Listings listings, long start) throws IOException {
        content.synonyms.reload();
        ContentSync.Report report = content.sync.rebuild();
        content.synced(report);
        int fromPlugins = content.sources.reindexAll(listings);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Reindexed on request: {} articles from files and {} from plugins in {} ms", report.added(),
                fromPlugins, tookMs);
        return Map.of("reindexed", report.added() + fromPlugins, "fromPlugins", fromPlugins, "problems",
                report.problems(), "tookMs", tookMs);
    }

    /** The articles in the index: in total, public and internal, per locale and per type. */
    Map<String, Object> articleCounts() throws IOException {
        SearchService.Overview all = search.overview(null, Audience.AGENTS);
        SearchService.Overview visible = search.overview(null, Audience.PUBLIC);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", all.total());
        counts.put("public", visible.total());
        counts.put("internal", all.total() - visible.total());
        counts.put("byLocale", facetMap(all, "locale"));
        counts.put("byType", facetMap(all, "type"));
        return counts;
    }

    private static Map<String, Long> facetMap(SearchService.Overview result, String dim) {
        return result.facets().get(dim).stream()
                .collect(Collectors.toMap(SearchResult.FacetValue::value, SearchResult.FacetValue::count,
                        (a, b) -> a, LinkedHashMap::new));
    }
}
