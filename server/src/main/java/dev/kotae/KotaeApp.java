package dev.kotae;

import dev.kotae.config.KotaeConfig;
import dev.kotae.editing.EditorService;
import dev.kotae.index.ContentSync;
import dev.kotae.index.IndexDirectories;
import dev.kotae.learning.LearnedSink;
import dev.kotae.search.SearchService;
import dev.kotae.search.SuggestService;
import dev.kotae.util.Closer;
import dev.kotae.web.Admin;
import java.net.URI;
import java.time.Clock;

/**
 * A running Kotae: its parts built from a {@link KotaeConfig} ({@link ServerParts}), started in order
 * ({@link StartOrder}) and serving; closing shuts everything down in reverse order. A start that fails
 * closes what it had opened before it throws.
 */
public final class KotaeApp implements AutoCloseable {

    private final ServerParts parts;
    private final StartOrder startOrder;

    private KotaeApp(ServerParts parts) {
        this.parts = parts;
        this.startOrder = new StartOrder(parts);
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
        KotaeApp app = new KotaeApp(ServerParts.build(config, indexDirectories, signInClock));
        try {
            app.startOrder.run();
        } catch (Throwable e) {
            try {
                app.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return app;
    }

    public int port() {
        return parts.http.port();
    }

    public URI uri() {
        return parts.http.uri(parts.config.host());
    }

    /** The search the JSON API calls, for callers in the same JVM (benchmarks, embedding). */
    public SearchService searchService() {
        return parts.search;
    }

    /** The suggestions the JSON API calls, for callers in the same JVM. */
    public SuggestService suggestService() {
        return parts.suggest;
    }

    /** The editor the pages and the REST API use, for callers in the same JVM (tests, embedding). */
    public EditorService editor() {
        return parts.editor;
    }

    /** The status and reindex behind {@code /api/v1/admin}, for callers in the same JVM. */
    public Admin admin() {
        return parts.admin;
    }

    /**
     * Where what the help center learned from its customers is published, for callers in the same JVM
     * (the learning service, tests): searches rank with a {@link dev.kotae.learning.Learned} once it returns.
     */
    public LearnedSink learnedSink() {
        return parts.learnedSink;
    }

    /** What the last content sync did (at start-up: the initial build or comparison). */
    public ContentSync.Report lastSync() {
        return parts.content.lastSync();
    }

    static String version() {
        String version = KotaeApp.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Stops watching the content folder, then closes the parts, HTTP first. */
    @Override
    public void close() throws Exception {
        Closer stopping = new Closer();
        stopping.add(parts);
        stopping.add(startOrder);
        stopping.close();
    }
}
