package dev.kotae.plugins;

import dev.kotae.content.Article;
import dev.kotae.content.ContentException;
import dev.kotae.content.ContentProblem;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.WriterThread;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.SourceArticle;
import dev.kotae.util.Texts;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps plugin content sources' articles in the index. A refresh asks the source for all its articles
 * (time-boxed), converts them, and writes only what was added, changed or removed since the last
 * refresh. Refreshes run on one background thread, so a slow source never delays a request, and change
 * notifications that arrive while a refresh is queued are coalesced. What a refresh writes is one
 * {@link ArticleIndex#change change} of the index, made on the index's writer thread and published whole.
 *
 * <p>Failure rules: a source that throws keeps its previously indexed articles and is retried on its next
 * change; a source that does not answer in time is not called again until an administrator reindexes
 * (its stuck thread would otherwise be joined by another on every change). At most one {@code articles()}
 * call per source is ever in flight: a refresh (a reindex included) while an earlier call still has not
 * returned is skipped and reported, so a hanging source holds one thread, not one per reindex. Articles
 * that break a rule are skipped and reported one by one; the others are indexed.
 */
public final class SourceSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceSync.class);
    /** A source's own problem lines listed at most (a sheet of bad rows would otherwise flood admin status). */
    static final int MAX_SOURCE_PROBLEMS = 100;
    /** Characters of one problem line kept. */
    static final int MAX_PROBLEM_CHARS = 500;

    /** A source as administrators see it in {@code /api/v1/admin/status}. */
    public record Status(String sourceId, String state, int articles, Instant lastRefresh, String error,
            List<ContentProblem> problems) {}

    private final class Source {
        final String pluginId;
        final String sourceId;
        final ContentSource extension;
        final ClassLoader loader;
        final String key;
        /** Indexed article ids with their stamps: the index's view of this source. */
        final Map<String, String> indexed = new HashMap<>();
        volatile String state = "pending";
        volatile String error;
        volatile Instant lastRefresh;
        volatile List<ContentProblem> problems = List.of();
        volatile boolean stuck;
        /** Its first refresh has ended: loaded, failed or timed out. */
        volatile boolean loadedOnce;
        /**
         * A call to {@code articles()} has not returned yet: set when it starts, cleared on the plugin's
         * thread when it really ends, which for a call that timed out may be never.
         */
        final AtomicBoolean callInFlight = new AtomicBoolean();
        volatile Instant callStarted;
        /** Why the last call failed (e.g. its time-out), kept while it has still not returned. */
        volatile String callError;

        Source(String pluginId, String sourceId, ContentSource extension, ClassLoader loader) {
            this.pluginId = pluginId;
            this.sourceId = sourceId;
            this.extension = extension;
            this.loader = loader;
            this.key = SourceArticles.sourceKey(pluginId, sourceId);
        }

        Status status() {
            return new Status(sourceId, state, indexedCount(this), lastRefresh, error, problems);
        }
    }

    private final ArticleIndex index;
    private final SourceArticles converter;
    private final TimeBox timeBox;
    private final KotaeMetrics metrics;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** Closing waits for a plugin call in progress, which ends within its time box. */
    private final WriterThread refresher;
    /** Set by {@link #close()}: a refresh in progress stops before its next write to the index. */
    private volatile boolean closing;
    /** Indexed ids by source key, as found at start-up, until their source registers. */
    private final Map<String, Map<String, String>> indexedAtStart = new HashMap<>();

    public SourceSync(ArticleIndex index, SourceArticles converter, TimeBox timeBox, KotaeMetrics metrics) {
        this.index = index;
        this.converter = converter;
        this.timeBox = timeBox;
        this.metrics = metrics;
        this.refresher = new WriterThread("kotae-source-sync", timeBox.timeout().plusSeconds(10));
    }

    /**
     * Takes note of what plugin sources the index holds (the start-up read of the index's entries, shared
     * with the content sync), before sources are added.
     */
    public synchronized void load(Map<String, ArticleIndex.Entry> indexedEntries) {
        indexedAtStart.clear();
        indexedEntries.forEach((id, entry) -> {
            if (entry.source().startsWith("plugin:")) {
                indexedAtStart.computeIfAbsent(entry.source(), k -> new HashMap<>()).put(id, entry.stamp());
            }
        });
    }

    /**
     * Registers a started source.
     *
     * @throws IllegalArgumentException when its id is malformed or already taken
     */
    public synchronized void add(String pluginId, String sourceId, ContentSource extension, ClassLoader loader) {
        if (sourceId == null || !Article.SOURCE_ID_PATTERN.matcher(sourceId).matches()) {
            throw new IllegalArgumentException("source id '" + sourceId
                    + "' must be 1-32 characters of a-z 0-9 -, starting with a letter or digit");
        }
        Source taken = sources.get(sourceId);
        if (taken != null) {
            throw new IllegalArgumentException("source id '" + sourceId + "' is already used by plugin " + taken.pluginId);
        }
        Source source = new Source(pluginId, sourceId, extension, loader);
        Map<String, String> known = indexedAtStart.remove(source.key);
        if (known != null) {
            source.indexed.putAll(known);
        }
        sources.put(sourceId, source);
    }

    /**
     * Removes articles of sources that are gone: their plugin was removed or disabled. Articles of plugins
     * that are present but failing are kept (reported stale) so a transient failure loses nothing.
     */
    public void removeSourcesOf(Predicate<String> pluginGone) throws IOException {
        int removed = index.change(changes -> {
            synchronized (this) {
                int count = 0;
                for (var it = indexedAtStart.entrySet().iterator(); it.hasNext(); ) {
                    var entry = it.next();
                    String pluginId = entry.getKey().substring("plugin:".length(), entry.getKey().indexOf('/'));
                    if (pluginGone.test(pluginId)) {
                        for (String id : entry.getValue().keySet()) {
                            changes.delete(id);
                            count++;
                        }
                        it.remove();
                    }
                }
                return count;
            }
        });
        if (removed > 0) {
            LOG.info("Removed {} articles of plugins that are no longer installed or enabled", removed);
        }
    }

    /**
     * Queues a refresh of one of the plugin's sources; returns at once. Repeated calls before it runs are
     * merged; a source of another plugin is ignored.
     */
    public void refreshSoon(String pluginId, String sourceId) {
        Source source = sources.get(sourceId);
        if (source != null && source.pluginId.equals(pluginId)) {
            enqueue(source);
        }
    }

    /** Queues a refresh of every source. */
    public void refreshAllSoon() {
        sources.values().forEach(this::enqueue);
    }

    private void enqueue(Source source) {
        if (closing || source.stuck || !queued.add(source.sourceId)) {
            return;
        }
        refresher.execute(() -> {
            queued.remove(source.sourceId);
            refresh(source, false);
        });
    }

    /** Every source's articles as listed for a reindex ({@link #listForReindex()}), for {@link #reindexAll}. */
    public final class Listings {
        /** By source, in the order listed; null for a source that could not list (its status says why). */
        private final Map<Source, Listing> bySource;

        private Listings(Map<Source, Listing> bySource) {
            this.bySource = bySource;
        }
    }

    /**
     * Asks every source for its articles now, on the caller's thread (each call time-boxed), sources that
     * timed out before included: the first half of a reindex, done before its index change so that the
     * writer thread never waits for a plugin.
     */
    public Listings listForReindex() {
        Map<Source, Listing> bySource = new LinkedHashMap<>();
        for (Source source : List.copyOf(sources.values())) {
            source.stuck = false;
            bySource.put(source, list(source));
        }
        return new Listings(bySource);
    }

    /**
     * Re-indexes every article of {@code listings}. Called inside an {@link ArticleIndex#change index
     * change} (a reindex), every source is written in that change and published with it. Returns the
     * number of articles the listed sources have indexed.
     */
    public int reindexAll(Listings listings) {
        int total = 0;
        for (Map.Entry<Source, Listing> listed : listings.bySource.entrySet()) {
            Source source = listed.getKey();
            try {
                if (listed.getValue() != null && !closing) {
                    write(source, listed.getValue(), true);
                }
            } finally {
                source.loadedOnce = true;
            }
            total += indexedCount(source);
        }
        return total;
    }

    /**
     * Takes what the index holds now ({@code indexedEntries}, after its writer was reopened on its last
     * commit) as each source's indexed articles, and queues a refresh of every source, which writes again
     * whatever a failed index write rolled back.
     */
    public synchronized void resync(Map<String, ArticleIndex.Entry> indexedEntries) {
        for (Source source : sources.values()) {
            source.indexed.clear();
            indexedEntries.forEach((id, entry) -> {
                if (entry.source().equals(source.key)) {
                    source.indexed.put(id, entry.stamp());
                }
            });
        }
        refreshAllSoon();
    }

    /**
     * Whether every registered source has had its first refresh (loaded, failed or timed out): readiness
     * waits for it, and one broken source holds it up by one time box at most.
     */
    public boolean firstLoadsDone() {
        return sources.values().stream().allMatch(source -> source.loadedOnce);
    }

    /** Each source's state, by plugin id. */
    public Map<String, List<Status>> statusByPlugin() {
        Map<String, List<Status>> byPlugin = new LinkedHashMap<>();
        sources.values().stream().sorted((a, b) -> a.sourceId.compareTo(b.sourceId))
                .forEach(s -> byPlugin.computeIfAbsent(s.pluginId, k -> new ArrayList<>()).add(s.status()));
        return byPlugin;
    }

    private int indexedCount(Source source) {
        synchronized (this) {
            return source.indexed.size();
        }
    }

    private void refresh(Source source, boolean force) {
        try {
            refreshNow(source, force);
        } finally {
            source.loadedOnce = true;
        }
    }

    private void refreshNow(Source source, boolean force) {
        Listing listed = list(source);
        if (listed != null && !closing) {
            write(source, listed, force);
        }
    }

    /** What one call gave: the articles, and the lines of {@link ContentSource#problems()} that follow it. */
    private record Listing(List<SourceArticle> articles, List<String> problems) {}

    /**
     * The source's {@link ContentSource#problems()}, asked on the call's thread right after {@code articles()};
     * a failing call is itself the one problem, so it does not cost the articles.
     */
    private static List<String> problemsOf(Source source) {
        try {
            List<String> lines = source.extension.problems();
            return lines == null ? List.of() : lines.stream().filter(Objects::nonNull)
                    .limit(MAX_SOURCE_PROBLEMS + 1L).map(line -> Texts.shortened(line, MAX_PROBLEM_CHARS)).toList();
        } catch (RuntimeException | LinkageError e) {
            return List.of(Texts.shortened("problems() failed: " + e, MAX_PROBLEM_CHARS));
        }
    }

    /**
     * The source's articles (one time-boxed call), or null when the sync is closing or the source could not
     * list them: its status then says why.
     */
    private Listing list(Source source) {
        if (closing) {
            return null;
        }
        if (!source.callInFlight.compareAndSet(false, true)) {
            metrics.pluginFailed(source.pluginId);
            source.state = "failed";
            String call = source.callError != null ? source.callError : "articles() called at " + source.callStarted;
            source.error = call + "; it still has not returned, so this refresh is skipped (one call per source at a "
                    + "time)" + (source.indexed.isEmpty() ? "" : "; keeping " + source.indexed.size()
                    + " articles indexed before");
            LOG.warn("Plugin {}: {}", source.pluginId, source.error);
            return null;
        }
        source.state = "refreshing";
        source.callStarted = Instant.now();
        source.callError = null;
        // The flag is cleared by the call when it returns, or here when the time box gave up before the call
        // ever started (a queued call cancelled): otherwise the source would be skipped for good.
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            String what = "source " + source.sourceId + ": articles()";
            Listing listed = timeBox.call(what, source.loader, () -> {
                started.set(true);
                try {
                    List<SourceArticle> articles = source.extension.articles();
                    return articles == null ? null : new Listing(articles, problemsOf(source));
                } finally {
                    source.callInFlight.set(false);
                }
            });
            if (listed == null) {
                throw new PluginCallException("source " + source.sourceId + ": articles() returned null", false, null);
            }
            return listed;
        } catch (RejectedExecutionException e) {
            source.callInFlight.set(false); // the time box is closed: the call never started
            return null;
        } catch (PluginCallException e) {
            if (!started.get()) {
                source.callInFlight.set(false);
            }
            metrics.pluginFailed(source.pluginId);
            source.callError = e.getMessage();
            source.stuck = e.timedOut();
            source.error = e.getMessage() + (e.timedOut() ? "; not called again until a reindex" : "")
                    + (source.indexed.isEmpty() ? "" : "; keeping " + source.indexed.size() + " articles indexed before");
            source.state = "failed";
            LOG.warn("Plugin {}: {}", source.pluginId, source.error);
            return null;
        }
    }

    /**
     * Writes the source's listing as one change of the index, on the index's writer thread (joining the
     * change it is called in, if any).
     */
    private void write(Source source, Listing listed, boolean force) {
        try {
            index.change(changes -> {
                synchronized (this) {
                    applyListing(changes, source, listed, force);
                    return null;
                }
            });
            source.state = "ok";
            source.error = null;
            source.lastRefresh = Instant.now();
        } catch (IOException | RuntimeException e) {
            source.state = "failed";
            source.error = "could not index: " + e;
            LOG.error("Plugin {}: indexing source {} failed", source.pluginId, source.sourceId, e);
        }
    }

    private void applyListing(ArticleIndex.Changes changes, Source source, Listing listed, boolean force)
            throws IOException {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, String> wanted = new HashMap<>();
        int added = 0;
        int updated = 0;
        int position = 0;
        for (SourceArticle in : listed.articles()) {
            if (closing) {
                return; // what was written is published; the next start picks up the rest
            }
            position++;
            if (in == null) {
                problems.add(new ContentProblem(source.sourceId + "#" + position, "null article"));
                continue;
            }
            String id = source.sourceId + ":" + in.id();
            if (wanted.containsKey(id)) {
                problems.add(new ContentProblem(id, "duplicate id: the first article with this id is served"));
                continue;
            }
            String stamp = SourceArticles.stamp(in);
            String current = source.indexed.get(id);
            if (!force && stamp.equals(current)) {
                wanted.put(id, stamp);
                continue;
            }
            try {
                Article article = converter.convert(source.pluginId, source.sourceId, in);
                changes.upsert(article, stamp);
                wanted.put(id, stamp);
                if (current == null) {
                    added++;
                } else {
                    updated++;
                }
            } catch (ContentException e) {
                problems.add(new ContentProblem(id, e.getMessage()));
            } catch (RuntimeException e) {
                // one document the writer refuses (a term too long): reported, the others are indexed
                problems.add(new ContentProblem(id, "cannot be indexed: " + e));
            }
        }
        Set<String> gone = new HashSet<>(source.indexed.keySet());
        gone.removeAll(wanted.keySet());
        for (String id : gone) {
            changes.delete(id);
        }
        if (added + updated + gone.size() > 0) {
            LOG.info("Source {}: {} added, {} updated, {} removed", source.sourceId, added, updated, gone.size());
        }
        source.indexed.clear();
        source.indexed.putAll(wanted);
        problems.forEach(p -> LOG.warn("Source {}: skipping {}: {}", source.sourceId, p.path(), p.message()));
        // The source's own lines come first (it logs them itself), under its id: they name a row, not an article.
        List<ContentProblem> all = new ArrayList<>();
        List<String> own = listed.problems();
        own.stream().limit(MAX_SOURCE_PROBLEMS).forEach(line -> all.add(new ContentProblem(source.sourceId, line)));
        if (own.size() > MAX_SOURCE_PROBLEMS) {
            all.add(new ContentProblem(source.sourceId, "more problems than the " + MAX_SOURCE_PROBLEMS
                    + " listed; the source's log has every one"));
        }
        all.addAll(problems);
        source.problems = List.copyOf(all);
    }

    /**
     * Stops refreshing: a refresh in progress stops at its next article, queued ones do not start, and this
     * waits for the plugin call in progress (it ends within its time box). Called before the plugins are
     * unloaded, so that no refresh calls an unloaded plugin; {@link #close()} does the same.
     */
    public void stopRefreshing() {
        closing = true;
        refresher.close();
    }

    @Override
    public void close() {
        stopRefreshing();
    }
}
