package dev.kotae.editing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes approved drafts once their {@code publishAt} has come: checks at start-up (a server that was
 * down at the time publishes them then) and every {@code interval} after. One background thread.
 */
public final class PublishScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublishScheduler.class);

    private final ArticleEditor editor;
    private final ScheduledExecutorService executor;
    private final Duration interval;

    /** @param threads makes the one thread (a daemon, named for thread dumps) */
    public PublishScheduler(ArticleEditor editor, Duration interval, ThreadFactory threads) {
        this.editor = editor;
        this.interval = interval;
        this.executor = Executors.newSingleThreadScheduledExecutor(threads);
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            int published = editor.publishDue();
            if (published > 0) {
                LOG.info("Published {} scheduled draft(s)", published);
            }
        } catch (RuntimeException e) {
            LOG.warn("Scheduled publishing failed, will retry: {}", e.getMessage(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("A scheduled publish was still running at shutdown");
        }
    }
}
