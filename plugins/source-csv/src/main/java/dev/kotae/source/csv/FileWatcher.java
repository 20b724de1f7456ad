package dev.kotae.source.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls files for changes of size and modification time (and for appearing or disappearing) and reports
 * each change once.
 *
 * <p>Polling rather than a {@code WatchService}: sheets often live on network shares and synced folders
 * where change events are missing or late, and Excel saves by replacing the file, which watch services
 * report as a burst of delete and create events. A stat per file per second costs nothing.
 */
final class FileWatcher implements AutoCloseable {

    static final String THREAD_NAME = "source-csv-watch";

    private static final Logger log = LoggerFactory.getLogger(FileWatcher.class);

    private final List<Path> files;
    private final Duration interval;
    private final Runnable onChange;
    private ScheduledExecutorService executor;
    private List<Stamp> last;

    /**
     * @param files the files to watch
     * @param interval time between polls
     * @param onChange called on the watcher's thread after a poll that saw any file change
     */
    FileWatcher(List<Path> files, Duration interval, Runnable onChange) {
        this.files = List.copyOf(files);
        this.interval = interval;
        this.onChange = onChange;
    }

    /** What a poll sees of a file; a missing or unreadable file is {@link #MISSING}. */
    private record Stamp(long size, FileTime modified) {
        static final Stamp MISSING = new Stamp(-1, null);
    }

    /** Takes the current state as the baseline and starts polling on a daemon thread. */
    synchronized void start() {
        if (executor != null) {
            return;
        }
        last = stamps();
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true); // never keeps the server's JVM alive
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops polling; returns at once. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private void poll() {
        // A scheduled task that throws is never run again, so nothing may escape.
        try {
            List<Stamp> now = stamps();
            if (!now.equals(last)) {
                last = now;
                onChange.run();
            }
        } catch (RuntimeException e) {
            log.warn("source-csv: watching {} failed: {}", files, e.toString(), e);
        }
    }

    private List<Stamp> stamps() {
        List<Stamp> stamps = new ArrayList<>(files.size());
        for (Path file : files) {
            stamps.add(stamp(file));
        }
        return stamps;
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.size(), attributes.lastModifiedTime());
        } catch (IOException e) {
            // Missing, or unreadable, which counts as gone: the reload that follows reports the actual error.
            return Stamp.MISSING;
        }
    }
}
