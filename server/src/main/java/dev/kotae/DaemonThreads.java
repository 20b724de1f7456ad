package dev.kotae;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the server's background threads (so a thread dump says whose they are) and makes them daemons:
 * each owner shuts its executor down in {@code close()}, and a thread it missed must not keep the JVM
 * alive after {@code serve} has stopped.
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

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, numbered ? name + count.incrementAndGet() : name);
        thread.setDaemon(true);
        return thread;
    }
}
