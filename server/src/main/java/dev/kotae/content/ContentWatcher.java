package dev.kotae.content;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the content folder (recursively, new folders included) and reports changed paths in batches:
 * events are collected until the folder has been quiet for {@link #QUIET_MILLIS} (an editor's save is
 * several events), but never longer than {@link #MAX_DELAY_MILLIS}, so a change is searchable well
 * within a second. If the OS drops events, the whole folder is reported for a full comparison.
 *
 * <p>The folder itself may go away: deleted, or swapped for another one by a deploy. Once a second (and
 * whenever the root's watch ends) the watcher checks that the root is still the directory it watches.
 * While it is missing, changes are not delivered (a folder that vanished is not a help center without
 * articles: the index keeps serving what it has) and {@link #problem()} says so. When a directory is
 * there again (re-created, or swapped in), the watcher watches it afresh and reports an overflow, so the
 * listener compares everything.
 */
public final class ContentWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);
    static final long QUIET_MILLIS = 40;
    static final long MAX_DELAY_MILLIS = 250;
    /** As long as a full comparison of a large folder may take (100k articles build in about 40 s). */
    private static final long CLOSE_WAIT_MILLIS = 120_000;
    /** How often the root is checked for being deleted or swapped while no events arrive. */
    static final long ROOT_CHECK_MILLIS = 1000;

    /** Receives batches of changes. Called on the watcher's thread. */
    public interface Listener {
        /** Some files or folders (relative paths) were created, changed or deleted. */
        void changed(Set<String> relativePaths);

        /** Events were lost; compare everything. */
        void overflowed();
    }

    private final ContentFolder folder;
    private final Listener listener;
    private final WatchService watchService;
    private final Map<WatchKey, Path> watchedDirs = new HashMap<>();
    private final Thread thread;
    /** The root's watch; set on the watcher's thread only (and in the constructor). */
    private WatchKey rootKey;
    /** The root directory's identity when it was registered (device and inode), to notice a swap. */
    private Object rootIdentity;
    /** The root's watch ended (deleted, unmounted): its directory must be registered afresh. */
    private boolean rootWatchEnded;
    private volatile String problem;

    public ContentWatcher(ContentFolder folder, Listener listener) throws IOException {
        this.folder = folder;
        this.listener = listener;
        this.watchService = FileSystems.getDefault().newWatchService();
        this.rootIdentity = identity(folder.root());
        registerTree(folder.root());
        this.thread = new Thread(this::run, "kotae-content-watcher");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey first = watchService.poll(ROOT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    checkRoot();
                    continue;
                }
                Set<String> changed = new LinkedHashSet<>();
                boolean overflow = drain(first, changed);
                long deadline = System.currentTimeMillis() + MAX_DELAY_MILLIS;
                while (System.currentTimeMillis() < deadline) {
                    WatchKey next = watchService.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        break;
                    }
                    overflow |= drain(next, changed);
                }
                if (checkRoot()) {
                    deliver(changed, overflow);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Why changes are not followed now (the folder is missing), or {@code null} while it is watched.
     */
    public String problem() {
        return problem;
    }

    /**
     * Checks that the root is still the directory being watched; returns whether events may be delivered.
     * A missing root is reported (and its events dropped: deleting the folder is not deleting every
     * article); a root that is back, or was swapped for another directory, is watched afresh and compared
     * in full.
     */
    private boolean checkRoot() {
        Object now = identity(folder.root());
        if (now == null) {
            if (problem == null) {
                problem = "content folder " + folder.root() + " is missing or cannot be read; serving the last index"
                        + " until it is back";
                LOG.warn("The content folder {} is gone or cannot be read; serving the last index and waiting for it",
                        folder.root());
            }
            return false;
        }
        if (problem == null && !rootWatchEnded && now.equals(rootIdentity)) {
            return true;
        }
        watchedDirs.keySet().forEach(WatchKey::cancel);
        watchedDirs.clear();
        rootKey = null;
        rootWatchEnded = false;
        rootIdentity = now;
        registerTree(folder.root());
        if (rootKey == null) {
            rootWatchEnded = true; // vanished again while registering: the next check starts over
            return false;
        }
        LOG.info("The content folder {} is {}; watching it again and comparing everything",
                folder.root(), problem != null ? "back" : "a new directory");
        problem = null;
        deliver(Set.of(), true);
        return false; // the full comparison covers the events collected
    }

    /**
     * The directory's identity (device and inode where the OS has them), or {@code null} if it is no
     * directory, or one that cannot be listed (then it is as good as missing: once it can be read again,
     * it is compared in full).
     */
    private static Object identity(Path dir) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(dir, BasicFileAttributes.class);
            if (!attrs.isDirectory()) {
                return null;
            }
            try (java.nio.file.DirectoryStream<Path> listed = Files.newDirectoryStream(dir)) {
                // listable: nothing more to know
            }
            return attrs.fileKey() != null ? attrs.fileKey() : dir;
        } catch (IOException e) {
            return null;
        }
    }

    private void deliver(Set<String> changed, boolean overflow) {
        try {
            if (overflow) {
                listener.overflowed();
            } else if (!changed.isEmpty()) {
                listener.changed(changed);
            }
        } catch (RuntimeException | Error e) {
            // This thread is the only one that follows the folder: if it died, no change would ever be
            // indexed again while health stayed "ok". (With the launcher's flags an OutOfMemoryError still
            // ends the process, which a supervisor restarts.)
            LOG.error("Applying content changes failed; they will be picked up by the next change or reindex", e);
        }
    }

    private boolean drain(WatchKey key, Set<String> changed) {
        Path dir = watchedDirs.get(key);
        boolean overflow = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                overflow = true;
                continue;
            }
            if (dir == null) {
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            if (child.getFileName().toString().startsWith(".")) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                registerTree(child);
            } else if (event.kind() == StandardWatchEventKinds.ENTRY_MODIFY
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && !watchedDirs.containsValue(child)) {
                registerTree(child); // a folder that could not be read before (chmod'ed readable now)
            }
            changed.add(folder.relative(child));
        }
        if (!key.reset()) {
            watchedDirs.remove(key);
            if (key == rootKey) {
                rootWatchEnded = true;
            }
        }
        return overflow;
    }

    private void registerTree(Path start) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(folder.root()) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    WatchKey key = dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                    watchedDirs.put(key, dir);
                    if (dir.equals(folder.root())) {
                        rootKey = key;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot watch {}: {}", start, e.getMessage());
        }
    }

    /**
     * Stops watching and waits for a batch being applied to finish. The thread is never interrupted: the
     * listener writes the index, and an interrupt inside Lucene's file I/O closes the channel under it,
     * which closes the index writer and invalidates its write lock. Closing the watch service wakes the
     * thread instead.
     */
    @Override
    public void close() throws IOException {
        watchService.close();
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Applying a content change did not finish within {} s of closing", CLOSE_WAIT_MILLIS / 1000);
        }
    }
}
