package dev.kotae.util;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the server's background threads (so a thread dump says whose they are) and makes them daemons:
 * each owner shuts its executor down in {@code close()} ({@link #stop}), and a thread it missed must not
 * keep the JVM alive after {@code serve} has stopped.
 */
public final class DaemonThreads implements ThreadFactory {

    private final String name;
    private final boolean numbered;
    private final AtomicInteger count = new AtomicInteger();

    private DaemonThreads(String name, boolean numbered) {
        this.name = name;
        this.numbered = numbered;
    }

    /** Every thread called {@code name} (for executors of one thread). */
    public static DaemonThreads named(String name) {
        return new DaemonThreads(name, false);
    }

    /** Threads called {@code prefix1}, {@code prefix2}, … (for pools). */
    public static DaemonThreads numbered(String prefix) {
        return new DaemonThreads(prefix, true);
    }

    /**
     * Stops {@code executor} taking work and waits up to {@code wait} for the work in progress, without
     * interrupting it: an interrupt inside Lucene's or the database's file I/O closes the file channel
     * under them. Returns whether the work finished in time (the caller says what is left behind).
     */
    public static boolean stop(ExecutorService executor, Duration wait) {
        executor.shutdown();
        try {
            return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, numbered ? name + count.incrementAndGet() : name);
        thread.setDaemon(true);
        return thread;
    }
}
