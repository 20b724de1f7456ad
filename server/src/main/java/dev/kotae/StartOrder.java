package dev.kotae;

import dev.kotae.auth.AccountStore;
import dev.kotae.content.ContentProblem;
import dev.kotae.content.ContentWatcher;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What starts after what once the parts are built: HTTP and the first content sync (in an order that
 * depends on whether an index from the last run can be served), then the watching of the content folder,
 * scheduled publishing and the plugins, and readiness last. Owns the content watcher it starts.
 */
final class StartOrder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartOrder.class);

    private final ServerParts parts;
    private volatile ContentWatcher watcher;
    /** Plugins are started and their sources' first refreshes queued. */
    private volatile boolean pluginsStarted;

    StartOrder(ServerParts parts) {
        this.parts = parts;
        ArticleIndex index = parts.content.index;
        parts.readiness.addCheck("index", () -> index.failure().map(ArticleIndex.Failure::reason).orElse(null));
        parts.readiness.addCheck("content", () -> watcher == null ? null : watcher.problem());
        parts.readiness.addGate("the first load of every plugin content source",
                () -> parts.config.plugins().dir() == null || (pluginsStarted && parts.content.sources.firstLoadsDone()));
    }

    void run() throws Exception {
        ArticleIndex index = parts.content.index;
        if (index.wasReset()) {
            LOG.info("Index settings changed; rebuilding the index");
        }
        // An index from the last run is served as soon as HTTP is up (readiness means "the index is open"):
        // HTTP starts first, and the content sync then catches up with what changed since. A new or reset
        // index is not ready until it is built, so there HTTP starts beside the sync, which on two cores
        // overlaps the two largest parts of start-up.
        boolean servesExistingIndex = !index.wasReset() && index.size() > 0;
        if (servesExistingIndex) {
            parts.http.start();
            parts.readiness.markReady();
            LOG.info("Listening on {}, serving the index from the last run while the content syncs",
                    parts.http.uri(parts.config.host()));
            watcher = parts.content.newWatcher(); // registering a large folder takes a while; the sync below covers it
            parts.content.syncAtStart();
        } else {
            watcher = parts.content.newWatcher();
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                try {
                    parts.http.start();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
                LOG.info("Listening on {}, ready once the index is built", parts.http.uri(parts.config.host()));
            }, task -> new Thread(task, "kotae-http-start").start());
            try {
                parts.content.syncAtStart();
            } finally {
                awaitStarted(serving);
            }
        }
        watcher.start();
        parts.scheduledPublishing.start();
        parts.learning.start(); // after the first sync: its first cycle publishes what stored evidence says
        parts.plugins.start();
        pluginsStarted = true;
        parts.readiness.markReady();
        logStartup();
    }

    private static void awaitStarted(CompletableFuture<Void> serving) throws Exception {
        try {
            serving.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void logStartup() throws IOException {
        Map<String, Object> counts = parts.admin.articleCounts();
        ContentSync.Report lastSync = parts.content.lastSync();
        List<ContentProblem> problems = parts.content.problems();
        LOG.info("Kotae {} serving {} on {}", KotaeApp.version(), parts.content.folder.root(),
                parts.http.uri(parts.config.host()));
        LOG.info("Articles: {} (index {}: {} added, {} updated, {} removed, {} unchanged in {} ms)",
                counts, parts.content.index.wasReset() ? "rebuilt" : "synced", lastSync.added(), lastSync.updated(),
                lastSync.deleted(), lastSync.unchanged(), lastSync.tookMillis());
        if (!problems.isEmpty()) {
            LOG.warn("{} content file(s) skipped:", problems.size());
            problems.forEach(p -> LOG.warn("  {}: {}", p.path(), p.message()));
        }
        if (parts.config.tokens().isEmpty() && parts.accounts.size() == 0) {
            LOG.info("No accounts and no auth tokens: internal articles and /api/v1/admin are unreachable "
                    + "(add a person with 'kotae users add NAME --role admin', or set auth.tokens in kotae.yml"
                    + " or KOTAE_AUTH_TOKENS)");
        } else {
            LOG.info("Sign-in: {} account(s) in {}, {} API token(s)", parts.accounts.size(),
                    parts.config.data().resolve(AccountStore.FILE), parts.config.tokens().size());
        }
    }

    /** Stops watching the content folder. */
    @Override
    public void close() throws Exception {
        ContentWatcher started = watcher;
        if (started != null) {
            started.close();
        }
    }
}
