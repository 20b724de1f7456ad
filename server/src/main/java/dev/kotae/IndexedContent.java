package dev.kotae;

import dev.kotae.content.ContentFolder;
import dev.kotae.content.ContentFolderMissingException;
import dev.kotae.content.ContentProblem;
import dev.kotae.content.ContentWatcher;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugins.SourceSync;
import dev.kotae.synonyms.SynonymsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index kept in step with the content folder and the plugin sources: compared with both at start,
 * after a change in the folder and after the index writer failed, and what the last comparison of the
 * folder did (the start-up log, the admin status). The folder's synonyms file is read again with every
 * change of it (and every full comparison), without touching the index.
 */
final class IndexedContent {

    private static final Logger LOG = LoggerFactory.getLogger(IndexedContent.class);

    final ContentFolder folder;
    final ContentSync sync;
    final SourceSync sources;
    final ArticleIndex index;
    final SynonymsFile synonyms;
    private final KotaeMetrics metrics;
    private volatile ContentSync.Report lastSync;

    IndexedContent(ContentFolder folder, ContentSync sync, SourceSync sources, ArticleIndex index,
            SynonymsFile synonyms, KotaeMetrics metrics) {
        this.folder = folder;
        this.sync = sync;
        this.sources = sources;
        this.index = index;
        this.synonyms = synonyms;
        this.metrics = metrics;
    }

    /** The content files not used as they are, and why: articles skipped, a synonyms file refused; by path. */
    List<ContentProblem> problems() {
        List<ContentProblem> problems = new ArrayList<>(sync.problems());
        synonyms.problem().ifPresent(problems::add);
        problems.sort(Comparator.comparing(ContentProblem::path));
        return problems;
    }

    /** What the last content sync did (at start-up: the initial build or comparison); null before it. */
    ContentSync.Report lastSync() {
        return lastSync;
    }

    /** Remembers what a sync of the whole folder done elsewhere (an admin reindex) did. */
    void synced(ContentSync.Report report) {
        lastSync = report;
    }

    void syncAtStart() throws IOException {
        synonyms.reload();
        Map<String, ArticleIndex.Entry> indexed = index.entries(); // one read of the index for both syncs
        lastSync = sync.syncAll(indexed);
        sources.load(indexed);
    }

    /**
     * After the index writer was reopened: compares every content file and plugin source with what the
     * index holds now (its last commit), so that whatever the failed write rolled back is written again.
     */
    void resyncAfterIndexFailure() throws IOException {
        Map<String, ArticleIndex.Entry> indexed = index.entries();
        sources.resync(indexed);
        try {
            lastSync = sync.syncAll(indexed);
        } catch (ContentFolderMissingException e) {
            // Reported as the content part being degraded; the watcher compares in full once the folder is
            // back. The index itself works again, so its recovery is done.
            LOG.info("Index writer recovered; the content folder is missing, so its articles are compared once it is back");
        }
    }

    /** A watcher of the content folder, registered but not yet delivering (see {@link ContentWatcher#start()}). */
    ContentWatcher newWatcher() throws IOException {
        return new ContentWatcher(folder, new ContentWatcher.Listener() {
            @Override
            public void changed(Set<String> paths) {
                if (SynonymsFile.isAmong(paths)) {
                    synonyms.reload(); // first: it takes milliseconds, and needs no index change
                }
                applyChanges(() -> sync.apply(paths));
            }

            @Override
            public void overflowed() {
                synonyms.reload();
                applyChanges(sync::syncAll);
            }
        });
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
}
