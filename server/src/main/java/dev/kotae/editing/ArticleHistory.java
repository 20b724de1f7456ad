package dev.kotae.editing;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The published versions of each article: git commits when the content folder is in a git work tree
 * ({@link GitHistory}), else copies under the data folder ({@link FolderHistory}). Chosen once at
 * start-up; called under the editor's write lock for {@link #record}.
 */
interface ArticleHistory {

    /**
     * One change the editor has just made to an article's file.
     *
     * @param path the file under the content folder ({@code /} separators)
     * @param bytes the file's new bytes, or {@code null} when it was deleted
     * @param action {@code publish}, {@code delete} or {@code restore}
     * @param images uploaded images (under {@code media/}) the body links to, to keep with it (git:
     *     committed with it when not yet tracked and not ignored)
     */
    record Change(String id, String path, byte[] bytes, String action, String person, String email, Instant when,
            String message, List<String> images) {}

    /** Keeps the change; returns its history version. */
    String record(Change change) throws IOException;

    /** Who {@link #keepFound} names as a kept file's author: nobody the editor knows wrote it. */
    String FOUND_AUTHOR = "Kotae";

    /** The note {@link #keepFound} gives a kept file. */
    String FOUND_MESSAGE = "As found in the content folder before this change";

    /**
     * Keeps {@code bytes}, the article's file as the editor found it just before replacing or deleting it,
     * as a version ({@code change}, by {@link #FOUND_AUTHOR}) unless the history's newest version of it
     * already is exactly that. A file written outside the editor (the content a help center started with,
     * an engineer's edit) is then never lost by a publish or a delete, and can be restored. Returns the
     * version kept, or {@code null} when nothing needed keeping.
     */
    String keepFound(String id, String path, byte[] bytes, Instant when) throws IOException;

    /**
     * The newest {@code limit} versions of the article at {@code path}, newest first: a page shows them
     * without walking a long history to its start.
     */
    List<HistoryEntry> log(String id, String path, int limit) throws IOException;

    /**
     * {@code version} if it is one of the article's own versions, as {@link #log} lists them (however
     * old: the listing is cut, this is not), else empty. Only such a version may be read or restored: a
     * repository also holds commits that never were this article's published text (an unmerged branch,
     * another file's change).
     */
    Optional<HistoryEntry> find(String id, String path, String version) throws IOException;

    /**
     * The file's bytes as of {@code version}, or empty when the version is unknown or had no file. Does not
     * check that the version is the article's: see {@link #find}.
     */
    Optional<byte[]> contentAt(String id, String path, String version) throws IOException;

    /** Which kind, for logs and status. */
    String describe();
}
