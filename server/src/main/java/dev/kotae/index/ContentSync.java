package dev.kotae.index;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentException;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.ContentFolderMissingException;
import dev.kotae.content.ContentProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the content folder. At start-up it compares every file's stamp with the
 * indexed one and re-parses only what changed; on a change event it handles just the changed paths.
 *
 * <p>Ids must be unique: when two files claim one id, the file whose path sorts first is served and the
 * other is reported, so the outcome does not depend on the order in which files were seen. Each sync is
 * one {@link ArticleIndex#change change} of the index: it runs on the index's writer thread, reading and
 * indexing files on every core of its own pool for a large batch, and searches see it whole once it is
 * done. Nothing is compared against a missing folder ({@link ContentFolderMissingException}): a folder
 * that is gone for a moment does not empty the index. A file whose document the index refuses (a term too
 * long) is reported and not served, like a file that cannot be parsed, and is read again on its next change.
 */
public final class ContentSync {

    private static final Logger LOG = LoggerFactory.getLogger(ContentSync.class);
    private static final String SOURCE_PREFIX = "content:";
    private static final String DUPLICATE = "duplicate id ";
    /** Below this many files, work stays on the calling thread (a watcher batch is usually one file). */
    private static final int PARALLEL_BATCH = 64;
    /**
     * Bytes of files read and held parsed at once. A parsed article takes a few times its file's size, and
     * 150 files of 1.9 MB arriving together ran a 512 MB heap out when all were held before indexing.
     */
    static final long ROUND_BYTES = 16L * 1024 * 1024;
    /** Bytes of files from which even a few are read in parallel (a few large files are as much work as many small). */
    private static final long PARALLEL_BYTES = 1024 * 1024;

    /** What one sync did. */
    public record Report(int added, int updated, int deleted, int unchanged, int problems, long tookMillis) {
        public int changed() {
            return added + updated + deleted;
        }

        /** This report followed by {@code later}, a later part of the same sync: counts add up, the time is later's. */
        Report plus(Report later) {
            return new Report(added + later.added, updated + later.updated, deleted + later.deleted,
                    unchanged + later.unchanged, later.problems, later.tookMillis);
        }
    }

    /**
     * A content file as last seen: its stamp and the id it declares, or why it could not be parsed; or, with
     * no stamp, something the folder walk passed over (a symbolic link, an unreadable folder) and why.
     */
    private record FileEntry(String stamp, String id, String problem) {}

    private final ContentFolder folder;
    private final ArticleParser parser;
    private final ArticleIndex index;
    private final long roundBytes;
    /** Own pool, not the common one: plugins and the JVM may use that, and its size is what we ask for here. */
    private final ForkJoinPool workers = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private final SortedMap<String, FileEntry> files = new TreeMap<>();
    private final Map<String, TreeSet<String>> pathsById = new HashMap<>();
    /** Mirror of what the index holds, so change handling needs no index reads. */
    private final Map<String, ArticleIndex.Entry> indexed = new HashMap<>();
    private volatile List<ContentProblem> problems = List.of();
    /** {@link #files}' size as the last sync left it, readable while a sync runs. */
    private volatile int fileCount;

    public ContentSync(ContentFolder folder, ArticleParser parser, ArticleIndex index) {
        this(folder, parser, index, ROUND_BYTES);
    }

    /** With rounds of {@code roundBytes} (tests make them small, to have many). */
    ContentSync(ContentFolder folder, ArticleParser parser, ArticleIndex index, long roundBytes) {
        this.folder = folder;
        this.parser = parser;
        this.index = index;
        this.roundBytes = roundBytes;
    }

    /** Compares the whole folder with the index and applies the differences. */
    public Report syncAll() throws IOException {
        return syncAll(index.entries());
    }

    /**
     * Compares the whole folder with the index, given the index's current {@link ArticleIndex#entries()}
     * (read once at start-up and shared with the plugin sources), and applies the differences.
     */
    public Report syncAll(Map<String, ArticleIndex.Entry> indexedNow) throws IOException {
        return index.change(changes -> {
            synchronized (this) {
                folder.requirePresent();
                indexed.clear();
                indexed.putAll(indexedNow);
                return scanFolder(changes);
            }
        });
    }

    /**
     * Re-reads every file and re-indexes it; searches see the old documents until the change it belongs
     * to is published (a reindex also refreshes the plugin sources in the same change). Articles from
     * other sources (plugins) are left alone.
     */
    public Report rebuild() throws IOException {
        return index.change(changes -> {
            synchronized (this) {
                folder.requirePresent();
                Map<String, ArticleIndex.Entry> before = index.entries();
                indexed.clear();
                Report report = scanFolder(changes);
                // Every file that serves an article was re-indexed; what no file serves any more goes.
                int gone = 0;
                for (Map.Entry<String, ArticleIndex.Entry> entry : before.entrySet()) {
                    if (entry.getValue().source().startsWith(SOURCE_PREFIX) && !indexed.containsKey(entry.getKey())) {
                        changes.delete(entry.getKey());
                        gone++;
                    }
                }
                return new Report(report.added(), report.updated(), report.deleted() + gone, report.unchanged(),
                        report.problems(), report.tookMillis());
            }
        });
    }

    private Report scanFolder(ArticleIndex.Changes changes) throws IOException {
        long start = System.nanoTime();
        Map<String, ArticleIndex.Entry> indexedByPath = new HashMap<>();
        Map<String, String> idByPath = new HashMap<>();
        indexed.forEach((id, entry) -> {
            if (entry.source().startsWith(SOURCE_PREFIX)) {
                String path = entry.source().substring(SOURCE_PREFIX.length());
                indexedByPath.put(path, entry);
                idByPath.put(path, id);
            }
        });
        files.clear();
        pathsById.clear();
        List<Map.Entry<String, String>> toLoad = new ArrayList<>();
        ContentFolder.Listing listing = folder.walk(null);
        listing.passedOver().forEach(this::passOver);
        for (String path : listing.files()) {
            String stamp = folder.stamp(path);
            if (stamp == null) {
                continue;
            }
            ArticleIndex.Entry known = indexedByPath.get(path);
            if (known != null && known.stamp().equals(stamp)) {
                put(path, new FileEntry(stamp, idByPath.get(path), null));
            } else {
                toLoad.add(Map.entry(path, stamp));
            }
        }
        Set<String> ids = new HashSet<>(pathsById.keySet()); // the unchanged files' ids; the others' come as read
        ids.addAll(idByPath.values());
        toLoad.sort(Map.Entry.comparingByKey()); // the folder walk's order is the file system's
        return loadInRounds(changes, toLoad, ids, start);
    }

    /**
     * Reads and indexes {@code toLoad} (path and stamp) a round of at most {@link #ROUND_BYTES} at a time, so
     * what is held parsed at once is bounded whatever arrives together; then settles {@code otherIds}, which
     * no file read here claims (deleted files, or ids a file gave up). All of it is one change of the index.
     */
    private Report loadInRounds(ArticleIndex.Changes changes, List<Map.Entry<String, String>> toLoad,
            Set<String> otherIds, long start) throws IOException {
        Report done = new Report(0, 0, 0, 0, 0, 0);
        Set<String> settled = new HashSet<>();
        for (List<Map.Entry<String, String>> round : rounds(toLoad)) {
            // Reading and rendering are independent per file; results are kept in path order. A round of a
            // few large files is worth the cores as much as one of many small ones.
            List<Loaded> loaded = inParallel(round, file -> read(file.getKey(), file.getValue()),
                    round.size() >= PARALLEL_BATCH || (round.size() > 1 && bytesOf(round) >= PARALLEL_BYTES));
            Map<String, Article> parsed = new HashMap<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < round.size(); i++) {
                String id = keep(round.get(i).getKey(), loaded.get(i), parsed).id();
                if (id != null) {
                    ids.add(id);
                }
            }
            // An id claimed in an earlier round is settled again: the path that sorts first wins, whichever round
            // read it, and a later claimant takes over when the earlier winner was refused by the index. Such an
            // id also counts as unchanged once.
            done = done.plus(reconcile(changes, ids, parsed, start));
            settled.addAll(ids);
        }
        Set<String> rest = new HashSet<>(otherIds);
        rest.removeAll(settled);
        done = done.plus(reconcile(changes, rest, new HashMap<>(), start)); // (a duplicate that now wins is read here)
        // Published once, at the end: admin status never shows a sync's first rounds as its outcome.
        List<ContentProblem> found = collectProblems();
        warnOfNewDuplicates(problems, found);
        problems = found;
        fileCount = (int) files.values().stream().filter(entry -> entry.stamp() != null).count();
        return new Report(done.added(), done.updated(), done.deleted(), done.unchanged(), found.size(), done.tookMillis());
    }

    /** {@code toLoad} in order, cut into rounds of at most {@link #ROUND_BYTES} (a larger file is a round alone). */
    private List<List<Map.Entry<String, String>>> rounds(List<Map.Entry<String, String>> toLoad) {
        List<List<Map.Entry<String, String>>> rounds = new ArrayList<>();
        List<Map.Entry<String, String>> round = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, String> file : toLoad) {
            long size = ContentFolder.sizeIn(file.getValue());
            if (!round.isEmpty() && bytes + size > roundBytes) {
                rounds.add(round);
                round = new ArrayList<>();
                bytes = 0;
            }
            round.add(file);
            bytes += size;
        }
        if (!round.isEmpty()) {
            rounds.add(round);
        }
        return rounds;
    }

    /**
     * Applies changes to some paths (files or folders, relative to the content folder): new, modified
     * and deleted files are indexed, re-indexed or removed.
     */
    public Report apply(Collection<String> changedPaths) throws IOException {
        return index.change(changes -> {
            synchronized (this) {
                return applyPaths(changes, changedPaths);
            }
        });
    }

    private Report applyPaths(ArticleIndex.Changes changes, Collection<String> changedPaths) throws IOException {
        folder.requirePresent();
        long start = System.nanoTime();
        Set<String> paths = new TreeSet<>();
        List<ContentProblem> passedOver = new ArrayList<>();
        for (String changed : changedPaths) {
            paths.add(changed);
            if (folder.isDirectory(changed)) {
                ContentFolder.Listing listing = folder.walk(changed);
                paths.addAll(listing.files());
                passedOver.addAll(listing.passedOver());
            } else {
                String why = folder.linkProblem(changed);
                if (why != null) {
                    passedOver.add(new ContentProblem(changed, why));
                }
            }
            String asFolder = changed + "/";
            files.keySet().stream().filter(known -> known.startsWith(asFolder)).forEach(paths::add);
        }
        Set<String> formerIds = new HashSet<>();
        List<Map.Entry<String, String>> toLoad = new ArrayList<>();
        for (String path : paths) {
            FileEntry old = remove(path);
            if (old != null && old.id() != null) {
                formerIds.add(old.id());
            }
            String stamp = ContentFolder.isArticleFile(Path.of(path)) ? folder.stamp(path) : null;
            if (stamp != null) {
                toLoad.add(Map.entry(path, stamp));
            }
        }
        passedOver.forEach(this::passOver);
        return loadInRounds(changes, toLoad, formerIds, start);
    }

    /** Files that are not served, and why; sorted by path. */
    public List<ContentProblem> problems() {
        return problems;
    }

    /**
     * Number of content files seen (served or not) as of the last sync. Not waiting for a sync in progress:
     * admin status asks for it, and one slow file (commonmark takes minutes on some shapes) held it.
     */
    public int fileCount() {
        return fileCount;
    }

    private Report reconcile(ArticleIndex.Changes changes, Set<String> ids, Map<String, Article> parsed, long startNanos)
            throws IOException {
        int added = 0;
        int updated = 0;
        int deleted = 0;
        int unchanged = 0;
        List<Served> toIndex = new ArrayList<>();
        for (String id : ids) {
            ArticleIndex.Entry current = indexed.get(id);
            Served served = servedVersion(id, parsed);
            if (served == null) {
                if (current != null && current.source().startsWith(SOURCE_PREFIX)) {
                    changes.delete(id);
                    indexed.remove(id);
                    deleted++;
                }
                continue;
            }
            ArticleIndex.Entry wanted = new ArticleIndex.Entry(SOURCE_PREFIX + served.path(), served.stamp());
            if (wanted.equals(current) && served.article() == null) {
                unchanged++;
                continue;
            }
            toIndex.add(served);
        }
        Map<String, String> refused = upsertAll(changes, toIndex);
        for (Served served : toIndex) {
            String id = served.article().id();
            ArticleIndex.Entry current = indexed.get(id);
            String why = refused.get(served.path());
            if (why == null) {
                indexed.put(id, new ArticleIndex.Entry(SOURCE_PREFIX + served.path(), served.stamp()));
                if (current == null) {
                    added++;
                } else {
                    updated++;
                }
                continue;
            }
            // Reported like a file that cannot be parsed: not served, and read again on its next change.
            remove(served.path());
            keep(served.path(), new Loaded(new FileEntry(served.stamp(), null, "cannot be indexed: " + why), null),
                    parsed);
            if (current != null && current.source().startsWith(SOURCE_PREFIX)) {
                changes.delete(id);
                indexed.remove(id);
                deleted++;
            }
        }
        return new Report(added, updated, deleted, unchanged, 0, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private record Served(String path, String stamp, Article article) {}

    /**
     * Indexes the articles (the index writer takes documents from several threads); returns, by path, why
     * the writer refused some of them. One refused document stops neither the others nor the change.
     */
    private Map<String, String> upsertAll(ArticleIndex.Changes changes, List<Served> toIndex) throws IOException {
        Map<String, String> refused = new ConcurrentHashMap<>();
        try {
            inParallel(toIndex, served -> {
                try {
                    changes.upsert(served.article(), served.stamp());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    refused.put(served.path(), e.toString());
                }
                return served;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return refused;
    }

    /** {@code task} applied to each item in order: on every core for a large batch (a full build), else here. */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> task) {
        return inParallel(items, task, items.size() >= PARALLEL_BATCH);
    }

    private <T, R> List<R> inParallel(List<T> items, Function<T, R> task, boolean parallel) {
        if (!parallel) {
            return items.stream().map(task).toList();
        }
        return workers.submit(() -> items.parallelStream().map(task).toList()).join();
    }

    private static long bytesOf(List<Map.Entry<String, String>> files) {
        return files.stream().mapToLong(file -> ContentFolder.sizeIn(file.getValue())).sum();
    }

    /**
     * The file that serves this id (the first path claiming it), parsed. A file that was skipped as a
     * duplicate and now wins is parsed here; if it has meanwhile become unparsable, the next one wins.
     */
    private Served servedVersion(String id, Map<String, Article> parsed) {
        while (true) {
            TreeSet<String> candidates = pathsById.get(id);
            if (candidates == null || candidates.isEmpty()) {
                return null;
            }
            String path = candidates.first();
            FileEntry entry = files.get(path);
            ArticleIndex.Entry current = indexed.get(id);
            // A file re-read because of a change event is re-indexed even if its stamp looks the same: an edit
            // within the file system's timestamp granularity that keeps the size must not be lost.
            if (current != null && current.source().equals(SOURCE_PREFIX + path) && current.stamp().equals(entry.stamp())
                    && !parsed.containsKey(path)) {
                return new Served(path, entry.stamp(), null); // unchanged: no need to parse
            }
            Article article = parsed.get(path);
            if (article == null) {
                remove(path);
                FileEntry reloaded = load(path, entry.stamp(), parsed);
                if (!id.equals(reloaded.id())) {
                    continue;
                }
                article = parsed.get(path);
            }
            return new Served(path, entry.stamp(), article);
        }
    }

    private FileEntry load(String path, String stamp, Map<String, Article> parsed) {
        return keep(path, read(path, stamp), parsed);
    }

    /** A file read and parsed, or why it could not be: no shared state, so files can be read in parallel. */
    private record Loaded(FileEntry entry, Article article) {}

    private Loaded read(String path, String stamp) {
        try {
            ContentFolder.FileContent file = folder.read(path);
            Article article = parser.parse(path, file.bytes(), file.modified());
            return new Loaded(new FileEntry(stamp, article.id(), null), article);
        } catch (ContentException e) {
            return new Loaded(new FileEntry(stamp, null, e.getMessage()), null);
        } catch (AccessDeniedException e) {
            return new Loaded(new FileEntry(stamp, null, "cannot read file: permission denied (the server's user needs"
                    + " read access)"), null);
        } catch (IOException | RuntimeException e) {
            return new Loaded(new FileEntry(stamp, null, "cannot read file: " + e.getMessage()), null);
        }
    }

    private FileEntry keep(String path, Loaded loaded, Map<String, Article> parsed) {
        FileEntry entry = loaded.entry();
        if (loaded.article() != null) {
            parsed.put(path, loaded.article());
        }
        if (entry.problem() != null) {
            LOG.warn("Skipping {}: {}", path, entry.problem());
        }
        put(path, entry);
        return entry;
    }

    /** Lists what the folder walk passed over (a link, an unreadable folder) among the problems; nothing is read. */
    private void passOver(ContentProblem problem) {
        LOG.warn("Not serving {}: {}", problem.path(), problem.message());
        put(problem.path(), new FileEntry(null, null, problem.message()));
    }

    private void put(String path, FileEntry entry) {
        files.put(path, entry);
        if (entry.id() != null) {
            pathsById.computeIfAbsent(entry.id(), id -> new TreeSet<>()).add(path);
        }
    }

    private FileEntry remove(String path) {
        FileEntry old = files.remove(path);
        if (old != null && old.id() != null) {
            TreeSet<String> paths = pathsById.get(old.id());
            if (paths != null) {
                paths.remove(path);
                if (paths.isEmpty()) {
                    pathsById.remove(old.id());
                }
            }
        }
        return old;
    }

    /**
     * Logs each duplicate id the last sync did not report: a file parse problem is logged when read, but a
     * duplicate only shows once both files are known, and when the newcomer's path sorts first it takes the
     * id over from a page that was being served, which whoever watches the log must hear of.
     */
    private static void warnOfNewDuplicates(List<ContentProblem> before, List<ContentProblem> now) {
        Set<ContentProblem> known = new HashSet<>(before);
        now.stream().filter(problem -> problem.message().startsWith(DUPLICATE) && !known.contains(problem))
                .forEach(problem -> LOG.warn("Not serving {}: {}", problem.path(), problem.message()));
    }

    private List<ContentProblem> collectProblems() {
        List<ContentProblem> found = new ArrayList<>();
        files.forEach((path, entry) -> {
            if (entry.problem() != null) {
                found.add(new ContentProblem(path, entry.problem()));
            }
        });
        pathsById.forEach((id, paths) -> {
            if (paths.size() > 1) {
                String winner = paths.first();
                paths.tailSet(winner, false).forEach(path -> found.add(new ContentProblem(path, DUPLICATE + "'" + id
                        + "': " + winner + " has it too and is served, as the path that sorts first; this file is"
                        + " skipped")));
            }
        });
        found.sort(Comparator.comparing(ContentProblem::path));
        return List.copyOf(found);
    }
}
