package dev.kotae.editing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * History in git, when the content folder is inside a git work tree: each publish, delete and restore is
 * a commit of only that file (and the untracked images it links to), authored by the person and committed
 * by Kotae; whatever else is changed or staged in the work tree is left as it is. The history of a file is
 * its {@code git log}, so commits made outside Kotae (an engineer's, a merge, a pull) show up too.
 */
final class GitHistory implements ArticleHistory, AutoCloseable {

    /** Marks the commits Kotae made, with what they were; other commits are {@code change}s. */
    private static final String ACTION_TRAILER = "Kotae-Action: ";
    private static final Pattern TRAILER = Pattern.compile("\\n\\n" + ACTION_TRAILER + "([a-z-]+)\\s*$");
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}");
    private static final Logger LOG = LoggerFactory.getLogger(GitHistory.class);
    private static final PersonIdent KOTAE = new PersonIdent("Kotae", "kotae@users.noreply.kotae");

    private final Repository repository;
    private final Path workTree;
    private final Path contentRoot;

    private GitHistory(Repository repository, Path contentRoot) {
        this.repository = repository;
        this.workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
        this.contentRoot = contentRoot.toAbsolutePath().normalize();
    }

    /** Git history for the content folder, or empty when it is not inside a (non-bare) git work tree. */
    static Optional<GitHistory> open(Path contentRoot) throws IOException {
        // JGit measures a file system's timestamp resolution the first time it meets it (seconds, once per
        // machine, cached in ~/.config/jgit); measured in the background, the first publish is not held up.
        FS.FileStoreAttributes.setBackground(true);
        // Not readEnvironment(): a GIT_DIR set for some other purpose (a hook, a CI step) must not make the
        // server commit into that repository; the content folder's own place decides.
        FileRepositoryBuilder builder = new FileRepositoryBuilder()
                .findGitDir(contentRoot.toAbsolutePath().normalize().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        Repository repository = builder.build();
        if (repository.isBare()) {
            repository.close();
            return Optional.empty();
        }
        return Optional.of(new GitHistory(repository, contentRoot));
    }

    /**
     * {@inheritDoc}
     *
     * <p>An image git ignores is left out (git add skips it; naming it in the commit would fail it). If the
     * commit fails anyway, what this call staged is unstaged again, so the engineer's index is as it was
     * for those paths, and the failure is thrown.
     */
    @Override
    public String record(Change change) throws IOException {
        String file = gitPath(change.path());
        List<String> staged = new ArrayList<>();
        try (Git git = new Git(repository)) {
            try {
                return commit(git, change, file, staged);
            } catch (GitAPIException | RuntimeException e) {
                unstage(git, staged);
                throw new IOException("git commit of " + file + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Stages the change, noting each path in {@code staged} first, and commits only those paths. */
    private String commit(Git git, Change change, String file, List<String> staged) throws GitAPIException, IOException {
        if (change.bytes() != null) {
            staged.add(file);
            git.add().addFilepattern(file).call();
        } else if (!tracked(file)) {
            return null; // deleted before it was ever committed: nothing for git to record
        } else {
            staged.add(file);
            git.rm().setCached(true).addFilepattern(file).call();
        }
        CommitCommand commit = git.commit().setOnly(file);
        for (String image : change.images()) {
            String imagePath = gitPath(image);
            if (!tracked(imagePath)) {
                staged.add(imagePath);
                git.add().addFilepattern(imagePath).call();
                if (inIndex(imagePath)) {
                    commit.setOnly(imagePath);
                }
            }
        }
        RevCommit made = commit
                .setAuthor(new PersonIdent(change.person(), change.email(), change.when(), ZoneOffset.UTC))
                .setCommitter(new PersonIdent(KOTAE, change.when(), ZoneOffset.UTC))
                .setMessage(change.message() + "\n\n" + ACTION_TRAILER + change.action() + "\n")
                .setSign(false)
                .setNoVerify(true)
                .setAllowEmpty(true)
                .call();
        return made.name();
    }

    /** Puts the index entries of {@code paths} back as HEAD has them (none, for a file HEAD lacks). */
    private void unstage(Git git, List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        try {
            var reset = git.reset();
            paths.forEach(reset::addPath);
            reset.call();
        } catch (GitAPIException | RuntimeException e) {
            LOG.error("Could not unstage {} after a failed commit; check git status: {}", paths, e.getMessage(), e);
        }
    }

    /**
     * Commits the work tree's file as found when git's status says HEAD does not have it so (untracked,
     * modified, staged): uncommitted work. Status, not a byte comparison, decides, so line-ending and other
     * filters never make an empty commit. A file git ignores is not kept (nor are its changes recorded):
     * refusing every write of it would be worse.
     */
    @Override
    public String keepFound(String id, String path, byte[] bytes, Instant when) throws IOException {
        String file = gitPath(path);
        try (Git git = new Git(repository)) {
            Status status = git.status().addPath(file).call();
            if (status.getIgnoredNotInIndex().contains(file)) {
                LOG.warn("{} is ignored by git: its history cannot keep it before this change", file);
                return null;
            }
            if (status.isClean()) {
                return null;
            }
        } catch (GitAPIException e) {
            throw new IOException("git status of " + file + " failed: " + e.getMessage(), e);
        }
        return record(new Change(id, path, bytes, "change", FOUND_AUTHOR, KOTAE.getEmailAddress(), when,
                FOUND_MESSAGE, List.of()));
    }

    /** Whether git's index holds the file: git add leaves an ignored file out. */
    private boolean inIndex(String file) throws IOException {
        return repository.readDirCache().findEntry(file) >= 0;
    }

    @Override
    public List<HistoryEntry> log(String id, String path, int limit) throws IOException {
        List<HistoryEntry> entries = new ArrayList<>();
        ObjectId head = repository.resolve(Constants.HEAD);
        if (head == null) {
            return entries; // no commits yet
        }
        try (Git git = new Git(repository)) {
            for (RevCommit commit : git.log().add(head).addPath(gitPath(path)).setMaxCount(limit).call()) {
                entries.add(entry(commit));
            }
        } catch (GitAPIException e) {
            throw new IOException("git log of " + path + " failed: " + e.getMessage(), e);
        }
        return entries;
    }

    /** Walks the file's {@code git log} from HEAD until it meets the commit: never another branch's commit. */
    @Override
    public Optional<HistoryEntry> find(String id, String path, String version) throws IOException {
        if (version == null || !COMMIT_ID.matcher(version).matches()) {
            return Optional.empty();
        }
        ObjectId head = repository.resolve(Constants.HEAD);
        if (head == null) {
            return Optional.empty();
        }
        try (Git git = new Git(repository)) {
            for (RevCommit commit : git.log().add(head).addPath(gitPath(path)).call()) {
                if (commit.name().equals(version)) {
                    return Optional.of(entry(commit));
                }
            }
            return Optional.empty();
        } catch (GitAPIException e) {
            throw new IOException("git log of " + path + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> contentAt(String id, String path, String version) throws IOException {
        if (version == null || !COMMIT_ID.matcher(version).matches()) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit;
            try {
                commit = walk.parseCommit(ObjectId.fromString(version));
            } catch (org.eclipse.jgit.errors.MissingObjectException
                    | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
                return Optional.empty();
            }
            try (TreeWalk tree = TreeWalk.forPath(repository, gitPath(path), commit.getTree())) {
                if (tree == null) {
                    return Optional.empty();
                }
                return Optional.of(repository.open(tree.getObjectId(0)).getBytes());
            }
        }
    }

    /** A commit as a history entry: Kotae's own say what they were in a trailer, others are changes. */
    private static HistoryEntry entry(RevCommit commit) {
        String message = commit.getFullMessage();
        Matcher trailer = TRAILER.matcher(message);
        String action = "change";
        if (trailer.find()) {
            action = trailer.group(1);
            message = message.substring(0, trailer.start());
        }
        PersonIdent author = commit.getAuthorIdent();
        return new HistoryEntry(commit.name(), author.getWhenAsInstant(), author.getName(), message.strip(), action);
    }

    @Override
    public String describe() {
        return "git (" + workTree + ")";
    }

    /** A path under the content folder as git names it: relative to the work tree. */
    private String gitPath(String contentPath) {
        return workTree.relativize(contentRoot.resolve(contentPath).normalize()).toString().replace('\\', '/');
    }

    private boolean tracked(String file) throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD + "^{tree}");
        if (head == null) {
            return false;
        }
        try (TreeWalk tree = TreeWalk.forPath(repository, file, head)) {
            return tree != null;
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
