package dev.kotae;

import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.analytics.EventBus;
import dev.kotae.analytics.ClickLedger;
import dev.kotae.analytics.EventJournal;
import dev.kotae.analytics.EventThrottle;
import dev.kotae.analytics.JournalShipper;
import dev.kotae.analytics.LossCounters;
import dev.kotae.analytics.RetentionPurge;
import dev.kotae.analytics.PageViews;
import dev.kotae.analytics.RecentEvents;
import dev.kotae.auth.AccountStore;
import dev.kotae.auth.Accounts;
import dev.kotae.auth.AgentSessions;
import dev.kotae.auth.DeviceCookies;
import dev.kotae.auth.PasswordHasher;
import dev.kotae.auth.PasswordSignIn;
import dev.kotae.auth.SignInThrottle;
import dev.kotae.auth.SigningKey;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.config.KotaeConfig;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.ContentWatcher;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.editing.ImageStore;
import dev.kotae.editing.ArticleEditor;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.PublishScheduler;
import dev.kotae.feedback.DatabaseFeedbackStore;
import dev.kotae.feedback.FeedbackStore;
import dev.kotae.feedback.FileFeedbackStore;
import dev.kotae.feedback.Votes;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.IndexDirectories;
import dev.kotae.index.IndexRecovery;
import dev.kotae.index.SuggestKeys;
import dev.kotae.index.KeptPerVersion;
import dev.kotae.index.WriterThread;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugins.PluginHost;
import dev.kotae.plugins.PublicHelpCenter;
import dev.kotae.plugins.SourceArticles;
import dev.kotae.plugins.SourceSync;
import dev.kotae.plugins.TimeBox;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import dev.kotae.search.CategoryService;
import dev.kotae.search.Locales;
import dev.kotae.search.ResultCache;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SearchService;
import dev.kotae.search.SuggestService;
import dev.kotae.site.Site;
import dev.kotae.util.DaemonThreads;
import dev.kotae.web.Admin;
import dev.kotae.http.CsrfTokens;
import dev.kotae.web.HttpServer;
import dev.kotae.web.Readiness;
import dev.kotae.search.TrackedSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Kotae: assembles content, index, search and HTTP from a {@link KotaeConfig}, serves, and
 * shuts everything down in reverse order. The single place where the parts are wired together.
 */
public final class KotaeApp implements AutoCloseable, Admin {

    private static final Logger LOG = LoggerFactory.getLogger(KotaeApp.class);

    private final KotaeConfig config;
    private final Instant startedAt = Instant.now();
    private final Analysis analysis = new Analysis();
    private final SuggestKeys suggestKeys = new SuggestKeys();
    private final KotaeMetrics metrics = new KotaeMetrics();
    private final Readiness readiness = new Readiness();
    private final ContentFolder folder;
    private final ArticleIndex index;
    private final ContentSync sync;
    /** Reopens the index writer after a failed write and resyncs what was lost. */
    private final IndexRecovery recovery;
    private final FeedbackStore feedback;
    private final AnalyticsDatabase analyticsDatabase;
    private final RetentionPurge retentionPurge;
    private final LossCounters analyticsLosses;
    private final EventJournal journal;
    private final JournalShipper shipper;
    private final SearchService search;
    private final SuggestService suggest;
    private final HttpServer http;
    private final EventBus events = new EventBus(metrics);
    private final TimeBox timeBox;
    private final SourceSync sources;
    private final PluginHost plugins;
    /** Drafts, review, publishing into the content folder, history and the audit log. */
    private final ArticleEditor editor;
    private final PublishScheduler scheduledPublishing;
    /** The named accounts of {@code data/accounts.json}, followed as the file changes. */
    private final Accounts accounts;
    private volatile ContentSync.Report lastSync;
    /** Reindexes asked for over HTTP run here, not on the request's thread (see {@link WriterThread}). */
    private final WriterThread reindexing = new WriterThread("kotae-reindex", Duration.ofMinutes(2));
    private volatile ContentWatcher watcher;
    /** Plugins are started and their sources' first refreshes queued. */
    private volatile boolean pluginsStarted;

    private KotaeApp(KotaeConfig config, IndexDirectories indexDirectories, Clock signInClock) throws IOException {
        this.config = config;
        if (!Files.isDirectory(config.content())) {
            throw new IOException("content folder not found: " + config.content().toAbsolutePath()
                    + " (pass --content DIR)");
        }
        this.folder = new ContentFolder(config.content());
        Path data = config.data().toAbsolutePath();
        // The analytics database (connection pool, schema migrations) opens beside the index: a third of a
        // second of start-up each, with nothing shared.
        // Created here, before either opener runs: both would create it, and H2 fails when the folder
        // appears between its own check and its mkdir.
        Files.createDirectories(data);
        // Read before anything is opened, so a bad secret file stops start-up with nothing to release.
        SigningKey signing = SigningKey.load(config.site().sessionSecret(), data);
        PasswordHasher passwordHasher = new PasswordHasher();
        this.accounts = Accounts.open(AccountStore.inDataFolder(data, passwordHasher), config.tokens().stream()
                .map(dev.kotae.auth.TokenAuthenticator.Token::name).collect(Collectors.toSet()));
        CompletableFuture<AnalyticsDatabase> analyticsOpening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                analyticsOpening.complete(AnalyticsDatabase.open(config.analytics(), data));
            } catch (Throwable e) {
                analyticsOpening.completeExceptionally(e);
            }
        }, "kotae-analytics-open");
        opener.start();
        try {
            this.index = ArticleIndex.open(data.resolve("index"), analysis, new ArticleDocuments(suggestKeys),
                    "locale=" + config.defaultLocale() + ";locales=" + config.locales(), indexDirectories);
        } catch (IOException | RuntimeException e) {
            analyticsOpening.thenAccept(AnalyticsDatabase::close); // once it is open, whenever that is
            if (e instanceof LockObtainFailedException) {
                throw new IOException("data folder " + data + " is in use by another Kotae server", e);
            }
            throw e;
        }
        MarkdownRenderer markdown = new MarkdownRenderer();
        ArticleParser parser = new ArticleParser(markdown, new HashSet<>(config.locales()), config.defaultLocale());
        this.sync = new ContentSync(folder, parser, index);
        // Votes stay in a file of this server's own, unless a shared database is configured (see below).
        FileFeedbackStore voteFile = config.analytics().jdbcUrl() == null
                ? new FileFeedbackStore(data.resolve("feedback.jsonl")) : null;
        AnalyticsDatabase database = null;
        try {
            database = opened(analyticsOpening);
            // Events are journaled before they are acknowledged, and shipped from the journal to the database.
            Path journalFolder = data.resolve("analytics-journal");
            Files.createDirectories(journalFolder);
            this.analyticsLosses = LossCounters.load(journalFolder.resolve("losses.properties"));
            this.journal = EventJournal.open(journalFolder, config.analytics().journalMaxMb() * 1024 * 1024,
                    config.analytics().journalFsync(), analyticsLosses);
        } catch (SQLException | IOException e) {
            // The index is open by now: release it, or a retry in this JVM would find the folder locked.
            if (database != null) {
                database.close();
            }
            index.close();
            if (voteFile != null) {
                voteFile.close();
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        // With a shared database, votes live there: every replica sees every vote.
        this.feedback = voteFile != null ? voteFile : new DatabaseFeedbackStore(database);
        this.shipper = new JournalShipper(journal, database, analyticsLosses, metrics, Duration.ofSeconds(60));
        events.journalTo(journal);
        shipper.start();
        this.retentionPurge = new RetentionPurge(database, config.analytics().retention(), Clock.systemUTC());
        retentionPurge.start();
        this.analyticsDatabase = database;
        Locales locales = new Locales(new HashSet<>(config.locales()), this::indexedLocales);
        this.search = new SearchService(index, analysis, locales, config.search().cacheBytes(), config.search().ranking());
        this.suggest = new SuggestService(index, suggestKeys, search, locales);
        ArticleService articles = new ArticleService(index, analysis);
        CategoryService categories = new CategoryService(search);
        RecentEvents recentEvents = new RecentEvents();
        events.subscribe("recent", recentEvents);
        this.timeBox = new TimeBox(config.plugins().timeout());
        this.sources = new SourceSync(index, new SourceArticles(markdown, new HashSet<>(config.locales()),
                config.defaultLocale()), timeBox, metrics);
        this.recovery = new IndexRecovery(index, this::resyncAfterIndexFailure);
        readiness.addCheck("index", () -> index.failure().map(ArticleIndex.Failure::reason).orElse(null));
        readiness.addCheck("content", () -> watcher == null ? null : watcher.problem());
        readiness.addGate("the first load of every plugin content source",
                () -> config.plugins().dir() == null || (pluginsStarted && sources.firstLoadsDone()));
        this.plugins = new PluginHost(config.plugins(), data.resolve("plugins"),
                new PublicHelpCenter(search, suggest, articles), events, sources, timeBox, metrics);
        AgentSessions agentSessions = new AgentSessions(config.site().agentSession(), signing, config.tokens(), accounts,
                Clock.systemUTC());
        // One allowance per address for wrong tokens and wrong passwords together; another per account name
        // (or per device cookie, for a browser that signed in as that person before).
        SignInThrottle perAddress = SignInThrottle.measuredBy(signInClock);
        PasswordSignIn passwordSignIn = new PasswordSignIn(accounts, passwordHasher, perAddress,
                SignInThrottle.measuredBy(signInClock), new DeviceCookies(signing, signInClock));
        Site site = new Site(config.site(), config.defaultLocale(), new CsrfTokens(signing), agentSessions);
        int searchConcurrency = config.search().concurrencyOn(Runtime.getRuntime().availableProcessors());
        ClickLedger clicks = new ClickLedger();
        ImageStore images = new ImageStore(config.content(), config.editor().maxImageBytes(), Clock.systemUTC());
        this.editor = new ArticleEditor(new ArticleEditor.Setup(folder, parser, config.defaultLocale(), data,
                id -> articles.article(id, Audience.AGENTS), images, config.editor().reviewRequired(),
                authorEmails(accounts, ArticleEditor.emailsAt(config.editor().authorEmailDomain())),
                Clock.systemDefaultZone(), config.editor().history()));
        this.scheduledPublishing = new PublishScheduler(editor, Duration.ofSeconds(15),
                DaemonThreads.named("kotae-scheduled-publish"));
        this.http = new HttpServer(config.host(), config.port(), searchConcurrency, config.server(), config.editor(), new HttpServer.Services(search,
                suggest, articles, categories, feedback, new TokenAuthenticator(config.tokens(), perAddress), this, readiness, metrics, events,
                recentEvents, plugins, new TrackedSearch(search, metrics, events, clicks),
                new Votes(feedback, metrics, events), new PageViews(), agentSessions, site,
                new AnalyticsReports(analyticsDatabase), new EventThrottle(config.analytics().eventsPerMinute()), clicks,
                editor, passwordSignIn, images));
        ResultCache results = search.resultCache();
        metrics.counter("kotae_search_cache_hits", "Searches answered from the result cache", results::hits);
        metrics.counter("kotae_search_cache_misses", "Searches computed while the result cache is on", results::misses);
        metrics.gauge("kotae_search_cache_bytes", "Estimated heap the result cache takes", results::bytes);
        metrics.gauge("kotae_search_cache_entries", "Search results the result cache keeps", results::size);
        keptFigures(metrics, "term_sets", "Term document sets", "counting matches", index.termMatchesUsage());
        keptFigures(metrics, "word_scores", "Word scores", "ranking", index.wordScoresUsage());
        metrics.contentGauge("kotae_articles", "Articles in the index", () -> safeSize());
        metrics.contentGauge("kotae_content_problems", "Content files skipped because of errors", () -> sync.problems().size());
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

    /**
     * The e-mail address a git commit by this person is authored with: the account's own, else one made up
     * from the name under {@code editor.authorEmailDomain} (token holders, accounts without an address).
     */
    private static java.util.function.Function<String, String> authorEmails(Accounts accounts,
            java.util.function.Function<String, String> otherwise) {
        return name -> accounts.email(name).orElseGet(() -> otherwise.apply(name));
    }

    /** The figures of what searches keep per index version, e.g. {@code kotae_search_term_sets_hits_total}. */
    private static void keptFigures(KotaeMetrics metrics, String name, String what, String purpose,
            KeptPerVersion.Usage usage) {
        metrics.counter("kotae_search_" + name + "_hits", what + " read from those kept for " + purpose, usage::hits);
        metrics.counter("kotae_search_" + name + "_misses", what + " read from the index (none kept)", usage::misses);
        metrics.gauge("kotae_search_" + name + "_bytes", "Heap the " + what.toLowerCase(java.util.Locale.ROOT)
                + " of the newest version take", usage::bytes);
    }

    /** Builds the parts, starts serving, syncs the index with the content folder and starts watching it. */
    public static KotaeApp start(KotaeConfig config) throws Exception {
        return start(config, IndexDirectories.FILE_SYSTEM);
    }

    /** {@link #start(KotaeConfig)} with the index's files in the directories {@code indexDirectories} opens. */
    public static KotaeApp start(KotaeConfig config, IndexDirectories indexDirectories) throws Exception {
        return start(config, indexDirectories, Clock.systemUTC());
    }

    /**
     * {@link #start(KotaeConfig, IndexDirectories)} with the clock sign-in throttles refill by: tests move
     * one forward to see a throttled sign-in allowed again without waiting.
     */
    public static KotaeApp start(KotaeConfig config, IndexDirectories indexDirectories, Clock signInClock)
            throws Exception {
        KotaeApp app = new KotaeApp(config, indexDirectories, signInClock);
        try {
            app.run();
        } catch (Exception e) {
            app.close();
            throw e;
        }
        return app;
    }

    private void run() throws Exception {
        if (index.wasReset()) {
            LOG.info("Index settings changed; rebuilding the index");
        }
        // An index from the last run is served as soon as HTTP is up (readiness means "the index is open"):
        // HTTP starts first, and the content sync then catches up with what changed since. A new or reset
        // index is not ready until it is built, so there HTTP starts beside the sync, which on two cores
        // overlaps the two largest parts of start-up.
        boolean servesExistingIndex = !index.wasReset() && index.size() > 0;
        if (servesExistingIndex) {
            http.start();
            readiness.markReady();
            LOG.info("Listening on {}, serving the index from the last run while the content syncs",
                    http.uri(config.host()));
            watcher = newWatcher(); // registering a large folder takes a while; the sync below covers it
            syncAtStart();
        } else {
            watcher = newWatcher();
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                try {
                    http.start();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
                LOG.info("Listening on {}, ready once the index is built", http.uri(config.host()));
            }, task -> new Thread(task, "kotae-http-start").start());
            try {
                syncAtStart();
            } finally {
                awaitStarted(serving);
            }
        }
        watcher.start();
        scheduledPublishing.start();
        plugins.start();
        pluginsStarted = true;
        readiness.markReady();
        logStartup();
    }

    private static AnalyticsDatabase opened(CompletableFuture<AnalyticsDatabase> opening) throws SQLException {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A watcher of the content folder, registered but not yet delivering (see {@link ContentWatcher#start()}). */
    private ContentWatcher newWatcher() throws IOException {
        return new ContentWatcher(folder, new ContentWatcher.Listener() {
            @Override
            public void changed(Set<String> paths) {
                applyChanges(() -> sync.apply(paths));
            }

            @Override
            public void overflowed() {
                applyChanges(sync::syncAll);
            }
        });
    }

    private void syncAtStart() throws IOException {
        Map<String, ArticleIndex.Entry> indexed = index.entries(); // one read of the index for both syncs
        lastSync = sync.syncAll(indexed);
        sources.load(indexed);
    }

    /**
     * After the index writer was reopened: compares every content file and plugin source with what the
     * index holds now (its last commit), so that whatever the failed write rolled back is written again.
     */
    private void resyncAfterIndexFailure() throws IOException {
        Map<String, ArticleIndex.Entry> indexed = index.entries();
        sources.resync(indexed);
        try {
            lastSync = sync.syncAll(indexed);
        } catch (dev.kotae.content.ContentFolderMissingException e) {
            // Reported as the content part being degraded; the watcher compares in full once the folder is
            // back. The index itself works again, so its recovery is done.
            LOG.info("Index writer recovered; the content folder is missing, so its articles are compared once it is back");
        }
    }

    private static void awaitStarted(CompletableFuture<Void> serving) throws Exception {
        try {
            serving.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private interface SyncStep {
        ContentSync.Report run() throws IOException;
    }

    private void applyChanges(SyncStep step) {
        try {
            ContentSync.Report report = step.run();
            lastSync = report;
            metrics.synced();
            if (report.changed() > 0) {
                LOG.info("Content changed: {} added, {} updated, {} removed in {} ms", report.added(), report.updated(),
                        report.deleted(), report.tookMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void logStartup() throws IOException {
        Map<String, Object> counts = articleCounts();
        LOG.info("Kotae {} serving {} on {}", version(), folder.root(), http.uri(config.host()));
        LOG.info("Articles: {} (index {}: {} added, {} updated, {} removed, {} unchanged in {} ms)",
                counts, index.wasReset() ? "rebuilt" : "synced", lastSync.added(), lastSync.updated(),
                lastSync.deleted(), lastSync.unchanged(), lastSync.tookMillis());
        if (!sync.problems().isEmpty()) {
            LOG.warn("{} content file(s) skipped:", sync.problems().size());
            sync.problems().forEach(p -> LOG.warn("  {}: {}", p.path(), p.message()));
        }
        if (config.tokens().isEmpty() && accounts.size() == 0) {
            LOG.info("No accounts and no auth tokens: internal articles and /api/v1/admin are unreachable "
                    + "(add a person with 'kotae users add NAME --role admin', or set auth.tokens in kotae.yml"
                    + " or KOTAE_AUTH_TOKENS)");
        } else {
            LOG.info("Sign-in: {} account(s) in {}, {} API token(s)", accounts.size(),
                    config.data().resolve(AccountStore.FILE), config.tokens().size());
        }
    }

    public int port() {
        return http.port();
    }

    /** The search the JSON API calls, for callers in the same JVM (benchmarks, embedding). */
    public SearchService searchService() {
        return search;
    }

    /** The suggestions the JSON API calls, for callers in the same JVM. */
    public SuggestService suggestService() {
        return suggest;
    }

    /** The editor the pages and the REST API use, for callers in the same JVM (tests, embedding). */
    public EditorService editor() {
        return editor;
    }

    /** What the last content sync did (at start-up: the initial build or comparison). */
    public ContentSync.Report lastSync() {
        return lastSync;
    }

    public URI uri() {
        return http.uri(config.host());
    }

    @Override
    public Map<String, Object> status() throws IOException {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("version", version());
        status.put("startedAt", startedAt.toString());
        status.put("ready", readiness.isReady());
        status.put("degraded", readiness.degraded());
        status.put("articles", articleCounts());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("path", folder.root().toString());
        content.put("files", sync.fileCount());
        content.put("problems", sync.problems());
        status.put("content", content);
        Map<String, Object> indexStatus = new LinkedHashMap<>();
        indexStatus.put("documents", index.size());
        indexStatus.put("sizeBytes", index.sizeOnDisk());
        indexStatus.put("lastSync", lastSync);
        indexStatus.put("writable", index.failure().isEmpty());
        indexStatus.put("failure", index.failure().orElse(null));
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

    @Override
    public Map<String, Object> reindex() throws IOException {
        return reindexing.await(this::reindexNow);
    }

    private Map<String, Object> reindexNow() throws IOException {
        long start = System.nanoTime();
        ContentSync.Report report = sync.rebuild();
        lastSync = report;
        int fromPlugins = sources.reindexAll();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Reindexed on request: {} articles from files and {} from plugins in {} ms", report.added(),
                fromPlugins, tookMs);
        return Map.of("reindexed", report.added() + fromPlugins, "fromPlugins", fromPlugins, "problems",
                report.problems(), "tookMs", tookMs);
    }

    private Map<String, Object> articleCounts() throws IOException {
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

    private Set<String> indexedLocales() {
        try {
            return index.locales();
        } catch (IOException e) {
            return Set.of();
        }
    }

    private double safeSize() {
        try {
            return index.size();
        } catch (IOException e) {
            return -1;
        }
    }

    static String version() {
        String version = KotaeApp.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public void close() throws Exception {
        // Closed last-first: http (no new requests), events (delivered before listeners stop; the analytics
        // lane is drained into the database), plugins, sources, the time box, the analytics database, a
        // reindex in progress, then the index.
        // The journal shipper delivers what it can before the database closes; the rest stays journaled.
        try (analysis; suggestKeys; index; reindexing; feedback; analyticsDatabase; journal; shipper; retentionPurge;
                timeBox; sources; plugins; events; recovery; editor; scheduledPublishing; http) {
            if (watcher != null) {
                watcher.close();
            }
        }
    }
}
