package dev.kotae.index;

import dev.kotae.content.Article;
import dev.kotae.kept.Keeps;
import dev.kotae.kept.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent article index under {@code DATA/index}: one writer, near-real-time searchers shared by
 * all requests. Searches never block on writes.
 *
 * <p>All writing runs on one thread of the index's own ({@code kotae-index-writer}), in the order it was
 * asked for: a caller hands over a whole change ({@link #change}: upserts and deletes), which runs there
 * alone and is then published once, so no two changes interleave and searches see a change as a whole
 * once it has ended. A change may convert and add its documents from several threads of its own (a full
 * build uses every core); it ends when they have. The merge after a bulk change and the reopening after a
 * failure are tasks on the same thread, so the merge after a large change (seconds for a full build of a
 * large index) holds up the change asked for next.
 *
 * <p>The commit carries a schema fingerprint. When the schema or the settings that shape documents
 * change, the index is emptied on open and rebuilt by the sync instead of serving stale documents.
 *
 * <p>The writer thread is never interrupted: an interrupt inside file I/O closes the channel under it,
 * and Lucene then closes the writer and loses its write lock. A caller that is interrupted while it waits
 * for its change (a request thread, which Jetty interrupts when it stops) stops waiting; the change goes
 * on. Work that should stop sooner (the content watcher, the plugin source sync) checks a flag of its own.
 *
 * <p>A write that fails (a full disk, a permission; Lucene closes its writer for good after such a
 * "tragic" failure) rolls the writer back to the last commit and marks the index failed: writes then
 * throw {@link IndexUnavailableException} at once, searches go on from the last published version, and
 * the failure listener (an {@link IndexRecovery}) is told, which {@link #reopen() reopens} the writer and
 * resyncs everything that was lost. The failure stays reported ({@link #failure()}) until
 * {@link #clearFailure(long)}. A change that throws otherwise is published as far as it got, and its
 * caller gets what it threw; a single document the writer refuses (a term too long) throws from
 * {@link Changes#upsert} and leaves the rest of the change to go on.
 */
public final class ArticleIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleIndex.class);

    /**
     * Bump when documents built by {@link ArticleDocuments} change shape or an {@link Analysis} chain makes
     * other terms (2: Japanese words in hiragana are indexed in katakana, see {@link HiraganaWordFilter};
     * 3: every document has every scored field, empty where the article has no such text; 4: nothing is
     * stored, hits read {@link ArticleCard} and the body text from doc values; 5: suggestions read the
     * article card too, beside their phrase keys; 7: Japanese articles index their reading vocabulary,
     * {@link ReadingVocabulary}; 8: with compounds after a prefix or ending with a verb stem, and their
     * voiced readings; 9: learned questions and the click prior, {@link LearnedPhrasings}; 10: the uploaded
     * images an article shows, {@link IndexFields#MEDIA}; 11: the rendered HTML and text of bodies whose
     * bare addresses sit in Japanese text, {@code JapaneseAutolinkBounds}).
     */
    static final String SCHEMA_VERSION = "11";
    private static final String FINGERPRINT_KEY = "kotae.fingerprint";

    /** What the index holds for one article id: where it came from and which version. */
    public record Entry(String source, String stamp) {}

    /** Why writing failed, since when; reported until a resync after reopening has succeeded. */
    public record Failure(String reason, Instant since) {}

    /**
     * One writer with the searchers opened from it, swapped as a whole when the writer is reopened.
     * {@code broken} is set once, by the first failure on this writer, which rolls it back.
     */
    private record Writing(IndexWriter writer, SearcherManager searchers, AtomicBoolean broken) {}

    private final Path path;
    private final Directory directory;
    private final Analysis analysis;
    private final String fingerprint;
    private final SearcherFactory searcherFactory;
    private volatile Writing current;
    private volatile Failure failure;
    private final AtomicLong writeFailures = new AtomicLong();
    private volatile Runnable failureListener = () -> { };
    private volatile boolean closing;
    private final Keeps kept = new Keeps();
    private final HitArticles hitArticles = new HitArticles();
    private final SuggestCards suggestCards = new SuggestCards();
    private final ArticleDocuments documents;
    /** Whether the writer merges segments (always, outside tests: see {@link #openWithoutMerges}). */
    private final boolean merging;
    private final boolean rebuilt;
    /** Documents added, replaced or removed since the last merge into one segment; writer thread only. */
    private long changedSinceMerge;
    /** The change running on the writer thread, if any: a change asked for inside it joins it. */
    private volatile Changes running;
    private final AtomicLong published = new AtomicLong();
    private volatile VersionWarmer warmer = view -> { };

    /** A change this large is a bulk change, after which the index is merged into one segment. */
    static final int MERGE_AFTER_CHANGES = 1_000;
    /** Closing lets the change in progress, those queued and a merge finish and be committed. */
    private final WriterThread writerThread = new WriterThread("kotae-index-writer", Duration.ofMinutes(2));

    private ArticleIndex(Path path, Analysis analysis, ArticleDocuments documents, String settingsFingerprint,
            IndexDirectories directories, boolean merging) throws IOException {
        this.path = path;
        this.merging = merging;
        this.analysis = analysis;
        this.documents = documents;
        Files.createDirectories(path);
        this.directory = directories.open(path);
        this.searcherFactory = new SearcherFactory() {
            @Override
            public IndexView newSearcher(org.apache.lucene.index.IndexReader reader,
                    org.apache.lucene.index.IndexReader previous) throws IOException {
                IndexView view = new IndexView(reader, documents.facetsConfig(), kept, hitArticles, suggestCards);
                warm(view);
                return view;
            }
        };
        IndexWriter writer = new IndexWriter(directory, writerConfig());
        this.fingerprint = SCHEMA_VERSION + "|" + settingsFingerprint;
        String stored = committedFingerprint(writer);
        this.rebuilt = stored != null && !stored.equals(fingerprint);
        if (stored == null || rebuilt) {
            writer.deleteAll();
        }
        writer.setLiveCommitData(Map.of(FINGERPRINT_KEY, fingerprint).entrySet());
        this.current = new Writing(writer, new SearcherManager(writer, searcherFactory), new AtomicBoolean());
    }

    /**
     * Prepares a new index version before searches see it, as Solr's auto-warming does: what searches
     * keep per version (word scores, facet ordinals, scope counts, results) is then read once by the
     * warmer instead of by the first visitors after an edit. It runs on the writer thread as part of
     * publishing, so an edit becomes searchable only after it: a warmer bounds its own time.
     */
    @FunctionalInterface
    public interface VersionWarmer {
        void warm(IndexView fresh) throws IOException;
    }

    /** Warms every version published from now on ({@link VersionWarmer}); replaces the warmer before. */
    public void warmNewVersionsWith(VersionWarmer warmer) {
        this.warmer = warmer;
    }

    /**
     * Warms {@code view} unless another change already waits on the writer thread: only the last version
     * before a quiet moment is worth warming, and a stream of writes (an import through the API) must not
     * wait for the warming of every version it makes. A failing warmer costs the next searches their
     * warmth, never the version: it is logged and the version published.
     */
    private void warm(IndexView view) {
        if (writerThread.tasks() > 1) {
            return;
        }
        try {
            warmer.warm(view);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Warming a new index version failed; it is published cold", e);
        }
    }

    /** A config for one writer: Lucene refuses to share one between writers. */
    private IndexWriterConfig writerConfig() {
        return new IndexWriterConfig(analysis.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setMergePolicy(merging ? new EditSegmentsMergePolicy(MERGE_AFTER_CHANGES) : NoMergePolicy.INSTANCE)
                .setCommitOnClose(true);
    }

    /**
     * Opens (or creates) the index in {@code path}.
     *
     * @param settingsFingerprint the settings that shape documents (e.g. default locale); a change empties
     *     the index so the sync rebuilds it
     */
    public static ArticleIndex open(Path path, Analysis analysis, ArticleDocuments documents, String settingsFingerprint)
            throws IOException {
        return open(path, analysis, documents, settingsFingerprint, IndexDirectories.FILE_SYSTEM);
    }

    /** Opens (or creates) the index in {@code path}, its files in the directory {@code directories} opens. */
    public static ArticleIndex open(Path path, Analysis analysis, ArticleDocuments documents, String settingsFingerprint,
            IndexDirectories directories) throws IOException {
        return new ArticleIndex(path, analysis, documents, settingsFingerprint, directories, true);
    }

    /**
     * Opens an index that never merges segments: each published change stays a segment of its own, with
     * its deleted documents, for tests that must check searching across segments. Merges run on Lucene's
     * own threads, so with merging on, how many segments a view holds depends on timing.
     */
    static ArticleIndex openWithoutMerges(Path path, Analysis analysis, ArticleDocuments documents)
            throws IOException {
        return new ArticleIndex(path, analysis, documents, "test", IndexDirectories.FILE_SYSTEM, false);
    }

    /** Whether opening found an index built with other settings and emptied it. */
    public boolean wasReset() {
        return rebuilt;
    }

    private String committedFingerprint(IndexWriter writer) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return null;
        }
        Map<String, String> userData = writer.getLiveCommitData() == null ? Map.of() : toMap(writer.getLiveCommitData());
        return userData.getOrDefault(FINGERPRINT_KEY, "none");
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
        Map<String, String> map = new HashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** Every indexed article id with its source and stamp, read from doc values (no stored fields). */
    public Map<String, Entry> entries() throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        IndexView view = acquire();
        try {
            for (LeafReaderContext leaf : view.getIndexReader().leaves()) {
                SortedDocValues ids = leaf.reader().getSortedDocValues(IndexFields.ID);
                SortedDocValues sources = leaf.reader().getSortedDocValues(IndexFields.SOURCE);
                BinaryDocValues stamps = leaf.reader().getBinaryDocValues(IndexFields.STAMP);
                if (ids == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = ids.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
                    String source = sources != null && sources.advanceExact(doc)
                            ? sources.lookupOrd(sources.ordValue()).utf8ToString() : "";
                    String stamp = stamps != null && stamps.advanceExact(doc) ? stamps.binaryValue().utf8ToString() : "";
                    entries.put(id, new Entry(source, stamp));
                }
            }
        } finally {
            release(view);
        }
        return entries;
    }

    /**
     * The writes of one change, published together when it ends. Its methods may be called from several
     * threads at once, while the change runs, and throw {@link IllegalStateException} after it has ended
     * (a write that slipped in then would be published with some later change, unserialised).
     */
    public final class Changes {
        private final Writing writing = current;
        private final Thread thread = Thread.currentThread();
        private final AtomicLong count = new AtomicLong();
        private volatile boolean ended;

        private Changes() { }

        /**
         * Adds or replaces the article with this id.
         *
         * @throws IndexUnavailableException while the writer is down after a failed write
         * @throws RuntimeException when the writer refuses this one document (e.g. a term too long); the
         *     article's previous document, if any, stays and the change may go on
         */
        public void upsert(Article article, String stamp) throws IOException {
            requireRunning();
            count.incrementAndGet();
            write(writing, w -> w.writer().updateDocument(new Term(IndexFields.ID, article.id()),
                    documents.toDocument(article, stamp)));
        }

        /** Removes the article with this id. */
        public void delete(String id) throws IOException {
            requireRunning();
            count.incrementAndGet();
            write(writing, w -> w.writer().deleteDocuments(new Term(IndexFields.ID, id)));
        }

        private void requireRunning() {
            if (ended) {
                throw new IllegalStateException("this change has ended; write in a new one (ArticleIndex.change)");
            }
        }
    }

    /**
     * Runs {@code change} on the writer thread after the changes asked for before it, and, if it wrote
     * anything, makes it durable and visible to new searches in one step; returns its result when it is
     * published. Asked for inside a running change (on the writer thread), it joins that change and is
     * published with it: a rebuild made of several parts publishes once. Only the writer thread joins: a
     * thread of the change's own (a worker it waits for) that asks for a change would wait for the change
     * it is part of, for ever; it writes through the {@link Changes} it was given instead. A change that
     * throws is published as far as it got. An interrupted caller stops waiting
     * ({@link java.io.InterruptedIOException}) while the change goes on.
     *
     * @throws IndexUnavailableException while the writer is down after a failed write, or the index closes
     */
    public <T> T change(IOFunction<Changes, T> change) throws IOException {
        Changes open = running;
        if (open != null && open.thread == Thread.currentThread()) {
            return change.apply(open);
        }
        try {
            return writerThread.await(() -> runAlone(change));
        } catch (RejectedExecutionException e) {
            throw new IndexUnavailableException("the index is closing", e);
        }
    }

    private <T> T runAlone(IOFunction<Changes, T> change) throws IOException {
        Changes changes = new Changes();
        running = changes;
        try {
            T result;
            try {
                result = change.apply(changes);
            } catch (Throwable e) {
                publishAfterFailure(changes, e);
                throw e;
            }
            if (changes.count.get() > 0) {
                publish(changes.writing, changes.count.get());
            }
            return result;
        } finally {
            changes.ended = true;
            running = null;
        }
    }

    /**
     * Publishes what a change that threw had written, so that it is not left for some unrelated later
     * change to publish; nothing when the writer itself failed (it was rolled back to the last commit).
     */
    private void publishAfterFailure(Changes changes, Throwable failure) {
        if (changes.count.get() == 0 || changes.writing.broken().get()) {
            return;
        }
        try {
            publish(changes.writing, changes.count.get());
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Commits and refreshes the searchers. After a bulk change (a full build, an import) the index is
     * then merged into one segment, as the next task on the writer thread, and published again: a search
     * pays for every segment it visits (term lookups, scorer set-up); single edits leave segments to the
     * merge policy.
     */
    private void publish(Writing writing, long changed) throws IOException {
        write(writing, w -> {
            w.writer().commit();
            w.searchers().maybeRefreshBlocking();
        });
        published.incrementAndGet();
        changedSinceMerge += changed;
        if (changedSinceMerge >= MERGE_AFTER_CHANGES) {
            changedSinceMerge = 0;
            try {
                writerThread.execute(this::mergeIntoOneSegment);
            } catch (RejectedExecutionException e) {
                // closing: the merge policy merges on the next start's changes
            }
        }
    }

    /** Changes (and merges) queued or running on the writer thread now. */
    int writerTasks() {
        return writerThread.tasks();
    }

    /** How many versions were published since opening (a change, a merge): tells how often searches saw a new index. */
    public long versionsPublished() {
        return published.get();
    }

    private interface WriteStep {
        void run(Writing writing) throws IOException;
    }

    /** Runs one write on {@code writing}; a failure that leaves the writer unusable fails the index. */
    private void write(Writing writing, WriteStep step) throws IOException {
        if (writing.broken().get() || writing != current) {
            throw unavailable(null);
        }
        try {
            step.run(writing);
        } catch (IOException | AlreadyClosedException e) {
            throw failed(writing, e);
        } catch (RuntimeException e) {
            if (writing.writer().getTragicException() != null) {
                throw failed(writing, e);
            }
            throw e; // one document's fault (e.g. a term too long): the writer goes on
        }
    }

    /**
     * Marks the index failed by the first failure on {@code writing}'s writer and rolls that writer back to
     * the last commit, so that nothing half-written is ever committed; later failures on the same writer
     * (other threads writing beside it) only report it.
     */
    private IndexUnavailableException failed(Writing writing, Exception cause) {
        if (closing || writing != current) {
            return unavailable(cause);
        }
        if (!writing.broken().compareAndSet(false, true)) {
            return unavailable(cause);
        }
        Throwable tragic = writing.writer().getTragicException();
        Throwable reason = tragic != null ? tragic : cause;
        Failure previous = failure;
        failure = new Failure("index write failed: " + reason, previous != null ? previous.since() : Instant.now());
        writeFailures.incrementAndGet();
        if (previous == null) {
            LOG.error("Writing the index failed; searches go on from the last published version while the writer "
                    + "is reopened", cause);
        } else {
            LOG.warn("Writing the index failed again: {}", reason.toString()); // the first failure has the trace
        }
        try {
            writing.writer().rollback();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Rolling back the failed index writer: {}", e.toString());
        }
        failureListener.run();
        return unavailable(cause);
    }

    private IndexUnavailableException unavailable(Throwable cause) {
        Failure known = failure;
        return new IndexUnavailableException(closing ? "the index is closing"
                : "the index cannot be written now (" + (known == null ? "its writer was reopened" : known.reason())
                        + "); it is being reopened and resynced", cause);
    }

    /** Called (on the failing thread, so it must not block) when a write fails the index. */
    public void onFailure(Runnable listener) {
        this.failureListener = listener;
    }

    /**
     * Opens a new writer on the index's last commit if the current one failed, and searchers from it;
     * searches holding the old version finish on it. Runs on the writer thread, between changes.
     */
    public void reopen() throws IOException {
        change(unused -> reopenNow()); // writes nothing itself, so publishes nothing
    }

    private synchronized Void reopenNow() throws IOException {
        Writing old = current;
        if (closing || !old.broken().get()) {
            return null;
        }
        IndexWriter writer = new IndexWriter(directory, writerConfig());
        try {
            writer.setLiveCommitData(Map.of(FINGERPRINT_KEY, fingerprint).entrySet());
            current = new Writing(writer, new SearcherManager(writer, searcherFactory), new AtomicBoolean());
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
        old.searchers().close();
        LOG.info("Index writer reopened");
        return null;
    }

    /** Why the index cannot be written, until a resync after reopening has succeeded; empty when it works. */
    public java.util.Optional<Failure> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** Whether writes go to a working writer now (false between a failure and the reopening). */
    public boolean writable() {
        return !current.broken().get();
    }

    /** Index writes that failed since start-up; each was rolled back. */
    public long writeFailures() {
        return writeFailures.get();
    }

    /**
     * Stops reporting the failure, if no write failed since {@code failuresSeen} ({@link #writeFailures()}
     * read before the resync) and the writer works; returns whether it did.
     */
    public synchronized boolean clearFailure(long failuresSeen) {
        if (writeFailures.get() != failuresSeen || current.broken().get()) {
            return false;
        }
        failure = null;
        return true;
    }

    private void mergeIntoOneSegment() {
        try {
            write(current, w -> {
                w.writer().forceMerge(1);
                w.writer().commit();
                w.searchers().maybeRefreshBlocking();
            });
            published.incrementAndGet();
        } catch (IndexUnavailableException e) {
            // reported by the failure; the resync after reopening publishes again
        } catch (IOException | RuntimeException e) {
            LOG.warn("Merging the index into one segment failed; searches stay correct, only slower", e);
        }
    }

    /** How searches used the kept term sets ({@link IndexView.Scope#matches}). */
    public Usage termMatchesUsage() {
        return kept.termMatches().usage();
    }

    /** How searches used the kept articles of their hits ({@link IndexView#hits}). */
    public Usage hitArticlesUsage() {
        return hitArticles.usage();
    }

    /** How unscored queries (suggestions' prefixes) used the kept sets of what they match ({@link dev.kotae.kept.QueryMatches}). */
    public Usage queryMatchesUsage() {
        return kept.queryMatches();
    }

    /** How suggestions used the kept cards of their candidates ({@link IndexView#suggestCard}). */
    public Usage suggestCardsUsage() {
        return suggestCards.usage();
    }

    /** How searches used the kept word scores ({@link IndexView.Scope#scores}). */
    public Usage wordScoresUsage() {
        return kept.wordScores().usage();
    }

    /** A searcher over the latest published version; give it back with {@link #release}. */
    public IndexView acquire() throws IOException {
        while (true) {
            Writing writing = current;
            try {
                return (IndexView) writing.searchers().acquire();
            } catch (org.apache.lucene.store.AlreadyClosedException e) {
                if (writing == current) {
                    throw e; // the index itself is closed, not a manager replaced by reopen()
                }
                // reopen() swapped in a new writer and closed the old manager just after we read it: use the new one
            }
        }
    }

    public void release(IndexView view) {
        try {
            current.searchers().release(view); // a reference count of the view's own: any manager releases it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The locales of the published articles, read once per index version, not per call. */
    public java.util.Set<String> locales() throws IOException {
        IndexView view = acquire();
        try {
            return view.locales();
        } finally {
            release(view);
        }
    }

    /** The locales of the public articles in the published version ({@link IndexView#publicLocales}). */
    public java.util.Set<String> publicLocales() throws IOException {
        IndexView view = acquire();
        try {
            return view.publicLocales();
        } finally {
            release(view);
        }
    }

    /** Number of live documents in the published version. */
    public int size() throws IOException {
        IndexView view = acquire();
        try {
            return view.getIndexReader().numDocs();
        } finally {
            release(view);
        }
    }

    /** Bytes the index takes on disk. */
    public long sizeOnDisk() {
        try (Stream<Path> files = Files.list(path)) {
            return files.mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // a segment file merged away while we listed
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        writerThread.close();
        synchronized (this) {
            closing = true;
        }
        Writing last = current;
        try (directory; IndexWriter writer = last.writer(); SearcherManager searchers = last.searchers()) {
            // closed in reverse order: searchers, writer (commits; nothing after a failure rolled it back), directory
        }
    }
}
