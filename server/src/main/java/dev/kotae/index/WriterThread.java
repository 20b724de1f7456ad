package dev.kotae.index;

import dev.kotae.util.DaemonThreads;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.util.IOSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread for work that writes the index or waits for it to be written (the index's own writer
 * thread; a plugin source's refresh), running its tasks in order. It is never interrupted (see
 * {@link ArticleIndex}): closing lets
 * the task in progress and those queued run to their end, waits up to a bound, and only then gives up
 * with a warning. Tasks that should stop sooner check a flag of their own.
 */
public final class WriterThread implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriterThread.class);

    private final String name;
    private final Duration closeWait;
    private final ExecutorService executor;
    /** Tasks queued or running. */
    private final AtomicInteger tasks = new AtomicInteger();

    /** A thread called {@code name}; {@link #close()} waits up to {@code closeWait} for its work. */
    public WriterThread(String name, Duration closeWait) {
        this.name = name;
        this.closeWait = closeWait;
        this.executor = Executors.newSingleThreadExecutor(DaemonThreads.named(name));
    }

    /** Queues {@code task}; returns at once. */
    public void execute(Runnable task) {
        tasks.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    tasks.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            tasks.decrementAndGet();
            throw e;
        }
    }

    /** How many tasks are queued or running now (the running one included). */
    public int tasks() {
        return tasks.get();
    }

    /**
     * Runs {@code task} on this thread and waits for its result. An interrupted caller stops waiting
     * ({@link InterruptedIOException}) while the task goes on: the caller may be a request thread that
     * Jetty interrupts when it stops.
     */
    public <T> T await(IOSupplier<T> task) throws IOException {
        tasks.incrementAndGet();
        Future<T> done;
        try {
            done = executor.submit(() -> {
                try {
                    return task.get();
                } finally {
                    tasks.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            tasks.decrementAndGet();
            throw e;
        }
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped waiting for " + name + ", which goes on");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (!DaemonThreads.stop(executor, closeWait)) {
            LOG.warn("{} did not finish its work within {} s of closing; going on without it", name,
                    closeWait.toSeconds());
        }
    }
}
