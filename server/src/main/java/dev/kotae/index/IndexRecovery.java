package dev.kotae.index;

import dev.kotae.util.DaemonThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index back after a failed write, with no restart: reopens its writer and runs a full resync
 * (every content file and plugin source compared with what the index holds, so whatever the failure
 * rolled back is written again). While writes keep failing (a disk that stays full) it retries after a
 * delay that doubles from {@link #FIRST_DELAY} to at most {@link #MAX_DELAY}. The index reports the
 * failure ({@link ArticleIndex#failure()}) until one attempt has resynced with no write failing meanwhile.
 *
 * <p>Attempts run on one daemon thread of its own, which is never interrupted (it waits for the index's
 * writer thread, where the reopening and the resync's changes run): closing stops further attempts and
 * waits for the one in progress.
 */
public final class IndexRecovery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRecovery.class);

    /** The wait before the first attempt after a failure. */
    public static final Duration FIRST_DELAY = Duration.ofMillis(500);
    /** The longest wait between attempts while writes keep failing. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);
    /** As long as a full resync of a large folder may take. */
    private static final Duration CLOSE_WAIT = Duration.ofMinutes(2);

    /** Writes everything the index should hold that it does not (a full comparison, not a rebuild). */
    @FunctionalInterface
    public interface Resync {
        void run() throws IOException;
    }

    private final ArticleIndex index;
    private final Resync resync;
    private final ScheduledThreadPoolExecutor timer =
            new ScheduledThreadPoolExecutor(1, DaemonThreads.named("kotae-index-recovery"));
    private final Object lock = new Object();
    /** An attempt is scheduled or running; guarded by {@code lock}. */
    private boolean pending;
    /** Failed attempts in a row; touched on the timer's thread only. */
    private int attempts;
    private volatile boolean closing;

    /** Recovers {@code index} after each failure from now on, with {@code resync} run after reopening. */
    public IndexRecovery(ArticleIndex index, Resync resync) {
        this.index = index;
        this.resync = resync;
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        index.onFailure(this::failed);
    }

    private void failed() {
        synchronized (lock) {
            if (closing || pending) {
                return; // the attempt scheduled or running sees this failure and tries again
            }
            pending = true;
        }
        schedule(FIRST_DELAY);
    }

    private void schedule(Duration delay) {
        try {
            timer.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void attempt() {
        if (closing) {
            return;
        }
        long failuresSeen = index.writeFailures();
        try {
            index.reopen();
            resync.run();
            synchronized (lock) {
                if (index.clearFailure(failuresSeen)) {
                    pending = false;
                    LOG.info("Index recovered after {} failed attempt(s): writes work again and everything is resynced",
                            attempts);
                    attempts = 0;
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Recovering the index failed (attempt {}): {}", attempts + 1, e.toString());
        }
        attempts++;
        schedule(delayAfter(attempts));
    }

    /** {@link #FIRST_DELAY} doubled per failed attempt, at most {@link #MAX_DELAY}. */
    static Duration delayAfter(int failedAttempts) {
        long millis = FIRST_DELAY.toMillis() << Math.min(failedAttempts, 20);
        return Duration.ofMillis(Math.min(millis, MAX_DELAY.toMillis()));
    }

    /** Stops recovering: no new attempt starts, and the one in progress is waited for (never interrupted). */
    @Override
    public void close() {
        closing = true;
        if (!DaemonThreads.stop(timer, CLOSE_WAIT)) {
            LOG.warn("Recovering the index did not finish within {} s of closing; going on without it",
                    CLOSE_WAIT.toSeconds());
        }
    }
}
