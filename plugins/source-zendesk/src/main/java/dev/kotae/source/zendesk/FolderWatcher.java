package dev.kotae.source.zendesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a folder's {@code *.json} files (names, sizes, modification times) on a daemon thread and runs a
 * callback when anything differs from the previous poll.
 *
 * <p>Polling rather than a {@code WatchService}: exports are often copied onto network or container
 * mounts where file events are not delivered, and one directory listing a second costs nothing. A change
 * caught half-written simply triggers another callback once the copy completes.
 */
final class FolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final Path folder;
    private final Duration interval;
    private final String threadName;
    private final Runnable onChange;
    private ScheduledExecutorService executor;
    private Map<String, FileState> last;

    /**
     * @param folder the folder to watch (its {@code *.json} files, not sub-folders)
     * @param interval the time between two polls
     * @param threadName the polling thread's name, so it can be told apart in thread dumps
     * @param onChange run on the polling thread after each change
     */
    FolderWatcher(Path folder, Duration interval, String threadName, Runnable onChange) {
        this.folder = folder;
        this.interval = interval;
        this.threadName = threadName;
        this.onChange = onChange;
    }

    /** Takes the baseline now, so a change made right after {@code start} returns is not missed. */
    synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("already started");
        }
        last = snapshot(folder);
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true); // never keeps the server's JVM alive
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops polling; returns promptly and never throws. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    private void poll() {
        // An exception escaping a scheduled task cancels all later runs, so nothing may escape.
        try {
            Map<String, FileState> now = snapshot(folder);
            if (!now.equals(last)) {
                last = now;
                onChange.run();
            }
        } catch (RuntimeException e) {
            LOG.warn("source-zendesk: watching {} failed; will retry", folder, e);
        }
    }

    /**
     * The state of the folder's {@code *.json} files: name to size and modification time. A missing folder
     * is an empty map, so deleting the export counts as a change (and the next read reports it).
     */
    static Map<String, FileState> snapshot(Path folder) {
        Map<String, FileState> files = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : stream) {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        files.put(file.getFileName().toString(),
                                new FileState(attributes.size(), attributes.lastModifiedTime()));
                    }
                } catch (NoSuchFileException gone) {
                    // Deleted between listing and reading: it is simply not part of this snapshot.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return files;
    }

    /** One file's size and modification time. */
    record FileState(long size, FileTime modified) {}
}
