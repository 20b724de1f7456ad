package dev.kotae.editing;

import dev.kotae.auth.Caller;
import dev.kotae.config.EditorConfig;
import dev.kotae.content.Article;
import dev.kotae.content.Visibility;
import dev.kotae.content.FrontMatter;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ArticleType;
import dev.kotae.content.ContentException;
import dev.kotae.content.ContentFolder;
import dev.kotae.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EditorService}: drafts under the data folder, publishing into the content folder, history
 * and the audit log. Every write runs under one lock and re-reads what it checks (the draft, the file's
 * version) under it, so two writes never both win; reads take no lock. The content watcher indexes what
 * is published, as it does any other change to the folder.
 */
public final class ArticleEditor implements EditorService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleEditor.class);
    private static final int MAX_AUDIT_ENTRIES = 10_000;
    /** Image links in a body, e.g. {@code ![](/media/2026/shop-0123456789.png)}: group 1 is the target. */
    private static final Pattern IMAGE_LINK = Pattern.compile("!\\[[^\\]]*\\]\\(\\s*<?/?([^)\\s>]+)>?");

    /** What the editor stands on; see {@link ArticleEditor#ArticleEditor(Setup)}. */
    public record Setup(ContentFolder folder, ArticleParser parser, String defaultLocale, Path dataFolder,
            ArticleLocator locator, ImageUploads images, boolean reviewRequired, Function<String, String> emails,
            Clock clock, EditorConfig.History history) {}

    private final ContentFolder folder;
    private final ArticleParser parser;
    private final String defaultLocale;
    private final ArticleFile files;
    private final ArticlePlacement placement;
    private final ImageUploads images;
    private final boolean reviewRequired;
    private final Function<String, String> emails;
    private final Clock clock;
    private final DraftStore drafts;
    private final ArticleHistory history;
    private final AuditLog audit;
    private final ArticleChecks checks;
    private final PublishedFiles onDisk;
    /** Serialises every write (drafts, files, git's index): see the class comment. */
    private final Object writeLock = new Object();

    /**
     * Opens the drafts, the audit log and the history under {@code setup.dataFolder()}: git history when
     * the content folder is inside a git work tree, else copies under {@code data/history/}.
     */
    public ArticleEditor(Setup setup) throws IOException {
        this.folder = setup.folder();
        ArticleParser parser = setup.parser();
        this.parser = parser;
        this.defaultLocale = setup.defaultLocale();
        this.files = new ArticleFile(parser);
        this.placement = new ArticlePlacement(folder, parser);
        this.images = setup.images();
        this.reviewRequired = setup.reviewRequired();
        this.emails = setup.emails();
        this.clock = setup.clock();
        Path data = setup.dataFolder();
        this.drafts = new DraftStore(data.resolve("drafts"));
        this.audit = new AuditLog(data.resolve("audit.jsonl"));
        this.checks = new ArticleChecks(parser);
        this.onDisk = new PublishedFiles(folder, parser, setup.locator(), new KnownPaths(data.resolve("article-paths.json")));
        this.history = openHistory(folder.root(), data.resolve("history"), setup.history());
        LOG.info("Article history: {}", history.describe());
    }

    /**
     * Git history when the content folder is a git work tree ({@code where} says how far up its top may be),
     * else copies under the data folder; a repository JGit cannot open (an unsupported extension, a broken
     * {@code .git}) must not stop the server from starting, so it falls back to the copies too, with a
     * warning.
     */
    private static ArticleHistory openHistory(Path contentRoot, Path historyFolder, EditorConfig.History where) {
        if (where == EditorConfig.History.FOLDER
                || (where == EditorConfig.History.AUTO && !Files.exists(contentRoot.resolve(".git")))) {
            return new FolderHistory(historyFolder);
        }
        try {
            Optional<GitHistory> git = GitHistory.open(contentRoot);
            if (git.isPresent()) {
                return git.get();
            }
            LOG.warn("editor.history is git, but the content folder {} is in no git work tree; keeping history"
                    + " under {} instead", contentRoot, historyFolder);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The content folder looks like part of a git work tree, but git could not be opened ({});"
                    + " keeping history under {} instead", e.getMessage(), historyFolder);
        }
        return new FolderHistory(historyFolder);
    }

    /**
     * Author addresses {@code <name>@<domain>}, the name reduced to what an address's local part may
     * safely hold (a token's name is free text).
     */
    public static Function<String, String> emailsAt(String domain) {
        return name -> {
            String local = name.replaceAll("[^A-Za-z0-9._-]", "_");
            return (local.isEmpty() ? "editor" : local) + "@" + domain;
        };
    }

    // ---- reading ----------------------------------------------------------------------------------------

    @Override
    public List<Draft> drafts(Caller caller) throws EditNotAllowedException {
        requireReader(caller);
        try {
            return drafts.all().stream().map(DraftStore.Stored::draft).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, Instant> scheduled(Caller caller) throws EditNotAllowedException {
        requireReader(caller);
        try {
            Map<String, Instant> scheduled = new LinkedHashMap<>();
            for (DraftStore.Stored stored : drafts.all()) {
                if (stored.approvedBy() != null && stored.draft().publishAt() != null) {
                    scheduled.put(stored.draft().id(), stored.draft().publishAt());
                }
            }
            return scheduled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Draft> draft(Caller caller, String id) throws EditNotAllowedException {
        requireReader(caller);
        if (!Article.isFileId(id)) {
            return Optional.empty();
        }
        return storedDraft(id).map(DraftStore.Stored::draft);
    }

    @Override
    public Optional<String> draftChanges(Caller caller, String id) throws EditNotAllowedException {
        Optional<Draft> draft = draft(caller, id);
        Optional<PublishedFiles.InFile> current = draft.isEmpty() ? Optional.empty() : onDisk.file(id);
        return current.map(file -> diffFromFile(file, draft.get().article(), "draft@" + draft.get().revision()));
    }

    @Override
    public Optional<PublishedArticle> published(Caller caller, String id) throws EditNotAllowedException {
        requireReader(caller);
        if (id == null || !Article.ID_PATTERN.matcher(id).matches()) {
            return Optional.empty();
        }
        PublishedFiles.Located located = onDisk.locate(id);
        if (located instanceof PublishedFiles.InFile file) {
            try {
                return Optional.of(new PublishedArticle(files.read(file.bytes()).article(), file.version(),
                        file.path(), null));
            } catch (ContentException e) {
                return Optional.empty(); // a broken file is not served either: the content problems list it
            }
        }
        if (located instanceof PublishedFiles.FromPlugin plugin) {
            Article article = plugin.article();
            return Optional.of(new PublishedArticle(EditableArticle.of(article, article.text()),
                    Versions.of(article.title() + "\n" + article.text()),
                    null, readOnlyReason(article)));
        }
        return Optional.empty();
    }

    @Override
    public List<HistoryEntry> history(Caller caller, String id) throws EditNotAllowedException, EditRejectedException {
        requireReader(caller);
        String path = historyPath(id);
        try {
            return history.log(id, path, LISTED_VERSIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<HistoryEntry> historyEntry(Caller caller, String id, String version)
            throws EditNotAllowedException, EditRejectedException {
        requireReader(caller);
        String path = historyPath(id);
        try {
            return history.find(id, path, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public EditableArticle atVersion(Caller caller, String id, String version)
            throws EditNotAllowedException, EditRejectedException {
        requireReader(caller);
        byte[] bytes = versionBytes(id, historyPath(id), version);
        try {
            return files.read(bytes).article();
        } catch (ContentException e) {
            throw new EditRejectedException("version", "version " + version + " of " + id + " is not a valid article: "
                    + e.getMessage(), 422);
        }
    }

    @Override
    public String diff(Caller caller, String id, String from, String to)
            throws EditNotAllowedException, EditRejectedException {
        requireReader(caller);
        PublishedFiles.InFile current = onDisk.file(id).orElse(null);
        String path = historyPath(id, current);
        byte[] fromBytes = versionBytes(id, path, from);
        byte[] toBytes;
        if (to == null) {
            toBytes = current == null ? new byte[0] : current.bytes();
        } else {
            toBytes = versionBytes(id, path, to);
        }
        return UnifiedDiff.of(path + "@" + from, fromBytes, path + "@" + (to == null ? "published" : to), toBytes);
    }

    @Override
    public Article preview(Caller caller, EditableArticle article) throws EditNotAllowedException, EditRejectedException {
        requireReader(caller);
        ArticleChecks.checkFields(article);
        return checks.parse(pathFor(onDisk.file(article.id()).orElse(null), article), files.write(article, today()),
                today());
    }

    @Override
    public List<AuditEntry> audit(Caller caller, int limit) throws EditNotAllowedException {
        requireAdmin(caller);
        try {
            return audit.newest(Math.max(1, Math.min(limit, MAX_AUDIT_ENTRIES)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void auditLog(Caller caller, Predicate<AuditEntry> visitor) throws EditNotAllowedException {
        requireAdmin(caller);
        try {
            audit.readNewestFirst(visitor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireAdmin(Caller caller) throws EditNotAllowedException {
        if (caller == null || !caller.isAdmin()) {
            throw new EditNotAllowedException("only admins may read the audit log");
        }
    }

    // ---- drafts -----------------------------------------------------------------------------------------

    @Override
    public Draft saveDraft(Caller caller, EditableArticle article, String startedFrom, String baseVersion,
            Instant publishAt, String note) throws EditConflictException, EditNotAllowedException, EditRejectedException {
        requireEditor(caller, "save drafts");
        refusePluginArticle(article == null ? null : article.id());
        ArticleChecks.checkFields(article);
        ArticleChecks.checkMessage(note);
        // Kept as it will be published, so that the draft shows exactly what publishing writes.
        article = article.withBody(ArticleFile.canonicalBody(article.body()));
        String id = article.id();
        synchronized (writeLock) {
            Optional<DraftStore.Stored> existing = storedDraft(id);
            PublishedFiles.InFile current = onDisk.file(id).orElse(null);
            byte[] mine = files.write(article, null);
            if (existing.isPresent()) {
                Draft now = existing.get().draft();
                if (!now.revision().equals(startedFrom)) {
                    throw new EditConflictException("the draft of " + id + " was saved by " + now.lastEditor()
                            + " since you began: merge their changes into yours and save again", now.revision(),
                            UnifiedDiff.of("draft@" + now.revision(), files.write(now.article(), null), "yours", mine));
                }
            } else if (startedFrom != null) {
                throw new EditConflictException("the draft of " + id + " was published or discarded since you began",
                        current == null ? null : current.version(), diffFromFile(current, article));
            }
            String currentVersion = current == null ? null : current.version();
            if (baseVersion == null && current != null && existing.isEmpty()) {
                throw new EditRejectedException("id", "id '" + id + "' is already used by " + current.path(), 409);
            }
            if (!Objects.equals(baseVersion, currentVersion)) {
                throw new EditConflictException(currentVersion == null
                        ? id + " was deleted since you began" : "the published " + id + " changed since you began",
                        currentVersion, diffFromFile(current, article));
            }
            checks.parse(pathFor(current, article), files.write(article, today()), today());
            Instant now = clock.instant();
            String keptNote = note != null ? why(note, null) : existing.map(s -> s.draft().note()).orElse(null);
            Draft saved = new Draft(article, baseVersion, Versions.newRevision(),
                    existing.map(s -> s.draft().state()).orElse(DraftState.DRAFT),
                    existing.map(s -> s.draft().author()).orElse(caller.name()), caller.name(),
                    existing.map(s -> s.draft().created()).orElse(now), now, publishAt, keptNote);
            // A changed text needs approving again: an approval covers what the approver read.
            putDraft(new DraftStore.Stored(saved, null, null, null));
            audit(caller, "save-draft", id, saved.revision(), keptNote);
            return saved;
        }
    }

    @Override
    public Draft requestReview(Caller caller, String id, String revision)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        requireEditor(caller, "ask for review");
        synchronized (writeLock) {
            Draft draft = currentDraft(id, revision).draft();
            PublishedFiles.InFile current = onDisk.file(id).orElse(null);
            if (current != null && Arrays.equals(current.bytes(), asPublished(current, draft.article()))) {
                // A reviewer would read an empty diff, and publishing it would change nothing.
                throw new EditRejectedException("body", "the draft of " + id
                        + " is the same as the published article: change something before asking for review", 409);
            }
            Draft inReview = new Draft(draft.article(), draft.baseVersion(), Versions.newRevision(),
                    DraftState.IN_REVIEW, draft.author(), draft.lastEditor(), draft.created(), clock.instant(),
                    draft.publishAt(), draft.note());
            putDraft(new DraftStore.Stored(inReview, null, null, null));
            audit(caller, "request-review", id, inReview.revision(), draft.note());
            return inReview;
        }
    }

    @Override
    public void discardDraft(Caller caller, String id, String revision)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        requireEditor(caller, "discard drafts");
        synchronized (writeLock) {
            currentDraft(id, revision);
            try {
                drafts.delete(id);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            audit(caller, "discard", id, revision, null);
        }
    }

    // ---- publishing -------------------------------------------------------------------------------------

    @Override
    public PublishedArticle publish(Caller caller, String id, String revision, String message)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        requireEditor(caller, "publish");
        refusePluginArticle(id);
        ArticleChecks.checkMessage(message);
        synchronized (writeLock) {
            DraftStore.Stored stored = currentDraft(id, revision);
            Draft draft = stored.draft();
            if (!caller.isAdmin()) {
                if (draft.state() != DraftState.IN_REVIEW) {
                    throw new EditNotAllowedException("the draft of " + id + " has not been sent for review yet");
                }
                if (caller.name().equals(draft.author()) || caller.name().equals(draft.lastEditor())) {
                    throw new EditNotAllowedException("another editor must review and publish this draft: you "
                            + (caller.name().equals(draft.author()) ? "wrote" : "last edited") + " it");
                }
            }
            if (draft.publishAt() != null && draft.publishAt().isAfter(clock.instant())) {
                putDraft(new DraftStore.Stored(draft, caller.name(), roleOf(caller), message));
                audit(caller, "schedule", id, draft.revision(), "at " + PublishTimes.describe(draft.publishAt(), clock.getZone())
                        + (message == null ? "" : ": " + message));
                return new PublishedArticle(draft.article(), null,
                        pathFor(onDisk.file(id).orElse(null), draft.article()), null);
            }
            return publishDraft(draft, caller.name(), roleOf(caller), message);
        }
    }

    /**
     * Publishes every approved draft whose {@code publishAt} has come (by the injected clock). The
     * scheduler calls this; a draft that cannot be published (the file changed since) stays, is logged and
     * tried again next time.
     *
     * @return how many were published
     */
    public int publishDue() {
        List<DraftStore.Stored> all;
        try {
            all = drafts.all(); // outside the lock: most runs find nothing due, and saves need not wait for that
        } catch (IOException e) {
            LOG.warn("Could not read the drafts to publish scheduled ones: {}", e.getMessage());
            return 0;
        }
        Instant now = clock.instant();
        int published = 0;
        for (DraftStore.Stored seen : all) {
            if (!isDue(seen, now)) {
                continue;
            }
            synchronized (writeLock) {
                // Saved, discarded or published meanwhile: only the draft as it is now, if still due, goes out.
                Optional<DraftStore.Stored> stored = storedDraft(seen.draft().id());
                if (stored.isEmpty() || !isDue(stored.get(), now)) {
                    continue;
                }
                Draft draft = stored.get().draft();
                try {
                    publishDraft(draft, stored.get().approvedBy(), stored.get().approverRole(),
                            stored.get().approvalMessage());
                    published++;
                } catch (EditConflictException | EditRejectedException | RuntimeException e) {
                    LOG.warn("Scheduled publish of {} failed, will retry: {}", draft.id(), e.getMessage());
                }
            }
        }
        return published;
    }

    /** Approved, with a {@code publishAt} that has come. */
    private static boolean isDue(DraftStore.Stored stored, Instant now) {
        return stored.approvedBy() != null && stored.draft().publishAt() != null
                && !stored.draft().publishAt().isAfter(now);
    }

    @Override
    public PublishedArticle publishDirectly(Caller caller, EditableArticle article, String ifMatch, String message)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        requireAlonePublisher(caller, "publish directly",
                "save a draft and ask another editor to publish it (an admin may publish directly)");
        refusePluginArticle(article == null ? null : article.id());
        ArticleChecks.checkFields(article);
        ArticleChecks.checkMessage(message);
        synchronized (writeLock) {
            PublishedFiles.InFile current = onDisk.file(article.id()).orElse(null);
            if (ifMatch == null && current != null) {
                throw new EditRejectedException("id", "id '" + article.id() + "' is already used by " + current.path()
                        + " (send If-Match to replace it)", 409);
            }
            if (ifMatch != null && current == null) {
                throw new EditRejectedException("id", "no published article " + article.id(), 404);
            }
            if (current != null && !current.version().equals(ifMatch)) {
                throw new EditConflictException("the published " + article.id() + " changed since version " + ifMatch,
                        current.version(), diffFromFile(current, article));
            }
            return write(article, pathFor(current, article), current, caller.name(), "publish", "publish-directly",
                    roleOf(caller), message, null);
        }
    }

    @Override
    public void delete(Caller caller, String id, String ifMatch, String message)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        // Deleting takes an article off the site as surely as publishing changes it: no review step
        // covers it, so it is for those who may publish alone.
        requireAlonePublisher(caller, "delete articles", "ask an admin to delete it");
        refusePluginArticle(id);
        ArticleChecks.checkMessage(message);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new EditRejectedException("If-Match", "deleting needs the version being deleted (If-Match)", 428);
        }
        synchronized (writeLock) {
            PublishedFiles.InFile current = onDisk.file(id)
                    .orElseThrow(() -> new EditRejectedException("id", "no published article " + id, 404));
            if (!current.version().equals(ifMatch)) {
                throw new EditConflictException("the published " + id + " changed since version " + ifMatch,
                        current.version(), "");
            }
            keepFound(id, current);
            try {
                // Checked again just before deleting, as a publish checks before its rename: an engineer's
                // save since is a conflict, not deleted unkept.
                byte[] now = Files.readAllBytes(folder.resolve(current.path()));
                if (!Versions.of(now).equals(current.version())) {
                    throw new EditConflictException("the file " + current.path() + " changed on disk while " + id
                            + " was being deleted: look at it again first", Versions.of(now), "");
                }
                Files.delete(folder.resolve(current.path()));
                onDisk.remember(id, current.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String why = why(message, "Delete " + id);
            recordHistory(new ArticleHistory.Change(id, current.path(), null, "delete", caller.name(),
                    emails.apply(caller.name()), clock.instant(), why, List.of()), roleOf(caller));
            audit(caller, "delete", id, current.version(), why);
        }
    }

    @Override
    public PublishedArticle restore(Caller caller, String id, String version, String ifMatch, String message)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        // A restore publishes an old text, or brings back a deleted article, with no review: as publishing
        // directly and deleting do. Others open the version as a draft and send it for review.
        requireAlonePublisher(caller, "restore versions", "open the version in the editor and send it for review");
        refusePluginArticle(id);
        ArticleChecks.checkMessage(message);
        synchronized (writeLock) {
            PublishedFiles.InFile current = onDisk.file(id).orElse(null);
            String path = historyPath(id, current);
            if (ifMatch != null) {
                if (current == null || !current.version().equals(ifMatch)) {
                    throw new EditConflictException(current == null ? id + " was deleted since version " + ifMatch
                            : "the published " + id + " changed since version " + ifMatch,
                            current == null ? null : current.version(), "");
                }
            }
            EditableArticle old;
            try {
                old = files.read(versionBytes(id, path, version)).article();
            } catch (ContentException e) {
                throw new EditRejectedException("version", "version " + version + " is not a valid article: "
                        + e.getMessage(), 422);
            }
            if (!id.equals(old.id())) {
                old = old.withId(id); // an old file that named no id took it from its file name
            }
            String why = why(message, "Restore " + id + " to " + version.substring(0, Math.min(12, version.length())));
            return write(old, path, current, caller.name(), "restore", "restore", roleOf(caller), why, null);
        }
    }

    @Override
    public StoredImage upload(Caller caller, String fileName, byte[] bytes)
            throws EditNotAllowedException, EditRejectedException {
        requireEditor(caller, "upload images");
        StoredImage stored = images.store(caller, fileName, bytes);
        // The name as sent, for the record; its control characters would reach the audit log's readers raw.
        audit(caller, "upload", null, stored.url(), fileName == null ? null : ArticleChecks.printable(fileName));
        return stored;
    }

    /** Publishes a draft under the write lock: the file must still be at the draft's base version. */
    private PublishedArticle publishDraft(Draft draft, String publisher, String role, String message)
            throws EditConflictException, EditRejectedException {
        PublishedFiles.Located located = onDisk.locate(draft.id());
        PublishedFiles.InFile current = located instanceof PublishedFiles.InFile file ? file : null;
        String currentVersion = current == null ? null : current.version();
        if (!Objects.equals(draft.baseVersion(), currentVersion)) {
            throw new EditConflictException(currentVersion == null
                    ? draft.id() + " was deleted since the draft began"
                    : "the published " + draft.id() + " changed since the draft began: save the draft again from"
                            + " the published version", currentVersion, diffFromFile(current, draft.article()));
        }
        if (current == null && located instanceof PublishedFiles.FromPlugin) {
            throw new EditRejectedException("id", "id '" + draft.id() + "' is used by a plugin article", 409);
        }
        PublishedArticle published = write(draft.article(), pathFor(current, draft.article()), current, publisher,
                "publish", "publish", role, publishMessage(draft, publisher, message), draft.revision());
        try {
            drafts.delete(draft.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return published;
    }

    /**
     * Writes the article's file (under the write lock), then its history and audit entries. The file is
     * replaced only if it is still at {@code checkedVersion}, checked again just before the rename: an
     * engineer's save while the text was prepared is a conflict, not silently overwritten.
     *
     * @param current the article's file as the caller checked it, {@code null} when there was none
     * @param historyAction {@code publish} or {@code restore}
     * @param auditAction what the audit log calls it
     */
    private PublishedArticle write(EditableArticle article, String path, PublishedFiles.InFile current, String person,
            String historyAction, String auditAction, String role, String message, String draftRevision)
            throws EditConflictException, EditRejectedException {
        EditableArticle complete = withResolvedDefaults(article, path);
        byte[] bytes = files.write(complete, today());
        checks.parse(path, bytes, today());
        Path target = safeResolve(path);
        if (Files.exists(target) && (current == null || !current.path().equals(path))) {
            throw new EditRejectedException("id", path + " already exists and holds another article", 409);
        }
        String checkedVersion = current == null ? null : current.version();
        keepFound(article.id(), current);
        try {
            if (!AtomicFiles.replaceIf(target, bytes,
                    now -> Objects.equals(now == null ? null : Versions.of(now), checkedVersion))) {
                PublishedFiles.InFile changed = onDisk.file(article.id()).orElse(null);
                throw new EditConflictException("the file " + path + " changed on disk while " + article.id()
                        + " was being published: look at it again first",
                        changed == null ? null : changed.version(), diffFromFile(changed, article));
            }
            onDisk.remember(article.id(), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = Versions.of(bytes);
        LOG.info("{} {} ({}) by {}: {}", historyAction.equals("restore") ? "Restored" : "Published", path, version,
                person, auditAction);
        String why = why(message, "Publish " + article.id() + ": " + complete.title());
        recordHistory(new ArticleHistory.Change(article.id(), path, bytes, historyAction, person, emails.apply(person),
                clock.instant(), why, linkedImages(complete.body())), role);
        appendAudit(new AuditEntry(clock.instant(), person, role, auditAction, article.id(), version,
                message == null || message.isBlank() ? (draftRevision == null ? null : "draft " + draftRevision) : why));
        return new PublishedArticle(complete, version, path, null);
    }

    // ---- the rules --------------------------------------------------------------------------------------

    private static void requireReader(Caller caller) throws EditNotAllowedException {
        if (caller == null || caller.isAnonymous()) {
            throw new EditNotAllowedException("sign in as an agent, editor or admin");
        }
    }

    private static void requireEditor(Caller caller, String what) throws EditNotAllowedException {
        requireReader(caller);
        if (!caller.canEdit()) {
            throw new EditNotAllowedException("only editors and admins may " + what);
        }
    }

    /**
     * Changes that skip review (publishing directly, deleting) are for admins, and for editors only where
     * review is optional.
     */
    @Override
    public boolean publishesAlone(Caller caller) {
        return caller.canEdit() && (caller.isAdmin() || !reviewRequired);
    }

    private void requireAlonePublisher(Caller caller, String what, String instead) throws EditNotAllowedException {
        requireEditor(caller, what);
        if (!publishesAlone(caller)) {
            throw new EditNotAllowedException("review is required here, so only an admin may " + what + ": "
                    + instead);
        }
    }

    /** Articles from plugin sources are changed in their source, never here. */
    private void refusePluginArticle(String id) throws EditNotAllowedException, EditRejectedException {
        if (id != null && id.contains(":") && Article.ID_PATTERN.matcher(id).matches()
                && onDisk.locate(id) instanceof PublishedFiles.FromPlugin plugin) {
            throw new EditNotAllowedException(readOnlyReason(plugin.article()));
        }
        if (!Article.isFileId(id)) {
            throw new EditRejectedException("id", "id '" + id + "' " + Article.FILE_ID_RULE);
        }
    }

    /** Where to change a plugin source's article instead: its source ({@code plugin:<plugin>/<source>}). */
    private static String readOnlyReason(Article article) {
        String source = article.source();
        if (source.startsWith("plugin:") && source.indexOf('/') > 0) {
            String plugin = source.substring("plugin:".length(), source.indexOf('/'));
            String sourceId = source.substring(source.indexOf('/') + 1);
            return "this article comes from the content source '" + sourceId + "' of the plugin '" + plugin
                    + "': change it there";
        }
        return "this article comes from " + source + ", not from the content folder: change it there";
    }

    // ---- files ------------------------------------------------------------------------------------------

    /** The file an article is written to: its own, or for a new one where {@link #placeNew} puts it. */
    private String pathFor(PublishedFiles.InFile current, EditableArticle article) throws EditRejectedException {
        return current != null ? current.path() : placeNew(article);
    }

    /**
     * A published draft's history message: the publisher's words, else the draft's note, naming who wrote
     * the draft when someone else publishes it (the history records the publisher); {@code null} when
     * there is nothing to say beyond the usual.
     */
    private static String publishMessage(Draft draft, String publisher, String message) {
        String said = why(message, draft.note());
        if (publisher.equals(draft.author())) {
            return said;
        }
        return (said != null ? said : "Publish " + draft.id() + ": " + draft.article().title())
                + " (written by " + draft.author() + ")";
    }

    /** The person's message for history, or {@code fallback} when they gave none. */
    private static String why(String message, String fallback) {
        return message == null || message.isBlank() ? fallback : message.strip();
    }

    /** The file a new article goes to; refused when that file already exists. */
    private String placeNew(EditableArticle article) throws EditRejectedException {
        ArticleType type = article.type() != null ? article.type() : ArticleType.FAQ;
        String locale = article.locale() != null && !article.locale().isBlank() ? article.locale().strip()
                : defaultLocale;
        if (!Article.LOCALE_PATTERN.matcher(locale).matches()) {
            throw new EditRejectedException("locale", "locale '" + locale + "' is not a language tag like ja, en or pt-BR");
        }
        String path = placement.pathFor(article.id(), type, locale, article.category());
        if (Files.exists(safeResolve(path))) {
            throw new EditRejectedException("id", path + " already exists and holds another article", 409);
        }
        return path;
    }

    private Path safeResolve(String path) throws EditRejectedException {
        try {
            return folder.resolve(path);
        } catch (IllegalArgumentException e) {
            throw new EditRejectedException("id", "that would write outside the content folder");
        }
    }

    /**
     * The file states its type, visibility and locale, as the sample files do: where the article leaves
     * one to the defaults, the folder's (the parser's own rules, {@link ArticleParser#typeOf}) is written.
     */
    private EditableArticle withResolvedDefaults(EditableArticle article, String path) throws EditRejectedException {
        if (article.type() != null && article.visibility() != null && article.locale() != null) {
            return article;
        }
        FrontMatter stated = new FrontMatter(null, null, article.type() == null ? null : article.type().key(), null,
                article.locale(), null, null, null, null, null);
        try {
            ArticleType type = article.type() != null ? article.type() : parser.typeOf(path, stated);
            return article.withDefaults(type, article.visibility() != null ? article.visibility()
                    : Visibility.defaultFor(type), parser.localeOf(path, stated));
        } catch (ContentException e) {
            throw new EditRejectedException(null, e.getMessage());
        }
    }

    /**
     * The uploaded images the body links to, so that history keeps them with the text: only names the
     * image store makes ({@code media/<yyyy>/<slug>-<digest>.<ext>}) that are regular files there. A body
     * is typed by a person, so any other link (a note, a key, a file an engineer keeps beside the content)
     * is never taken into history, however it is written.
     */
    private List<String> linkedImages(String body) {
        List<String> found = new ArrayList<>();
        Matcher link = IMAGE_LINK.matcher(body);
        String prefix = ImageStore.FOLDER + "/";
        while (link.find()) {
            // An uploaded image is served from the path it has under the content folder: /media/<name>.
            String target = link.group(1).replaceFirst("^/+", "");
            if (target.startsWith(prefix) && ImageStore.findIn(folder.root(), target.substring(prefix.length())).isPresent()
                    && !found.contains(target)) {
                found.add(target);
            }
        }
        return found;
    }


    /** The diff from the published file (or nothing) to the caller's text, both as whole files. */
    private String diffFromFile(PublishedFiles.InFile current, EditableArticle mine) {
        return diffFromFile(current, mine, "yours");
    }

    /** The diff from the published file (or nothing) to {@code text}, named {@code name}, both as whole files. */
    private String diffFromFile(PublishedFiles.InFile current, EditableArticle text, String name) {
        byte[] theirs = current == null ? new byte[0] : current.bytes();
        return UnifiedDiff.of(current == null ? "/dev/null" : "published@" + current.version(), theirs, name,
                asPublished(current, text));
    }

    /**
     * The file publishing {@code text} over {@code current} would write (the folder's defaults filled in as
     * publishing fills them), dated as {@code current} is, so that neither a date nor a default left unsaid
     * shows as a change.
     */
    private byte[] asPublished(PublishedFiles.InFile current, EditableArticle text) {
        if (current == null) {
            return files.write(text, null);
        }
        LocalDate updated = null;
        try {
            updated = files.read(current.bytes()).updated();
        } catch (ContentException e) {
            // a broken file: compare without a date
        }
        EditableArticle complete = text;
        try {
            complete = withResolvedDefaults(text, current.path());
        } catch (EditRejectedException e) {
            // a locale or type the folder cannot place: shown as typed, and refused when published
        }
        return files.write(complete, updated);
    }

    private String historyPath(String id) throws EditRejectedException {
        return historyPath(id, Article.isFileId(id) ? onDisk.file(id).orElse(null) : null);
    }

    /** The path whose history is the article's: its file's now ({@code current}), else where it last was. */
    private String historyPath(String id, PublishedFiles.InFile current) throws EditRejectedException {
        if (!Article.isFileId(id)) {
            throw new EditRejectedException("id", "no history for '" + id + "': only content-folder articles have one",
                    404);
        }
        if (current != null) {
            return current.path();
        }
        return onDisk.lastKnownPath(id).orElseThrow(() -> new EditRejectedException("id", "no article " + id, 404));
    }

    /** The bytes of one of the article's own versions; any other version is not found. */
    private byte[] versionBytes(String id, String path, String version) throws EditRejectedException {
        try {
            if (history.find(id, path, version).isEmpty()) {
                throw new EditRejectedException("version", "no version " + version + " of " + id, 404);
            }
            return history.contentAt(id, path, version).orElseThrow(() -> new EditRejectedException("version",
                    "no version " + version + " of " + id, 404));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- drafts, history and audit ------------------------------------------------------------------------

    private Optional<DraftStore.Stored> storedDraft(String id) {
        try {
            return drafts.get(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The draft, if {@code revision} is its newest; else a conflict naming the newest. */
    private DraftStore.Stored currentDraft(String id, String revision) throws EditConflictException, EditRejectedException {
        if (!Article.isFileId(id)) {
            throw new EditRejectedException("id", "no draft of '" + id + "'", 404);
        }
        DraftStore.Stored stored = storedDraft(id)
                .orElseThrow(() -> new EditRejectedException("id", "no draft of " + id, 404));
        if (!stored.draft().revision().equals(revision)) {
            throw new EditConflictException("the draft of " + id + " was saved by " + stored.draft().lastEditor()
                    + " since revision " + revision + ": look at it again first", stored.draft().revision(), "");
        }
        return stored;
    }

    private void putDraft(DraftStore.Stored stored) {
        try {
            drafts.put(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the file about to be replaced or deleted in the history when the history does not have it (it
     * was written outside the editor). When that fails the change is refused: it could lose the only copy.
     */
    private void keepFound(String id, PublishedFiles.InFile current) throws EditRejectedException {
        if (current == null) {
            return;
        }
        try {
            history.keepFound(id, current.path(), current.bytes(), clock.instant());
        } catch (IOException | RuntimeException e) {
            // A git lock held by someone's commit or pull is the usual cause: worth trying again shortly.
            LOG.warn("Could not keep {} in the history ({}) before changing it: {}", current.path(), history.describe(),
                    e.getMessage(), e);
            throw new EditRejectedException(null, "the history could not keep " + current.path()
                    + " as it was before this change (" + e.getMessage() + "); nothing was changed: try again shortly",
                    503);
        }
    }

    /**
     * The file is written and is the source of truth by now: a history that cannot be written (git refused)
     * is not turned into a failed publish the caller would retry. It is not hidden either: it is logged
     * and written to the audit log as {@code history-failed}, for an admin to repair.
     */
    private void recordHistory(ArticleHistory.Change change, String role) {
        try {
            history.record(change);
        } catch (IOException | RuntimeException e) {
            LOG.error("Wrote {} ({}) but could not record it in the history ({}): {}", change.path(), change.action(),
                    history.describe(), e.getMessage(), e);
            appendAudit(new AuditEntry(clock.instant(), change.person(), role, "history-failed", change.id(), null,
                    change.action() + " of " + change.path() + " is not in the history: " + e.getMessage()));
        }
    }

    private void audit(Caller caller, String action, String id, String version, String message) {
        appendAudit(new AuditEntry(clock.instant(), caller.name(), roleOf(caller), action, id, version, message));
    }

    private void appendAudit(AuditEntry entry) {
        try {
            audit.append(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String roleOf(Caller caller) {
        return caller.role() == null ? "anonymous" : caller.role().name().toLowerCase(Locale.ROOT);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    /** Closes the git repository, if history is kept in git. */
    @Override
    public void close() {
        if (history instanceof GitHistory git) {
            git.close();
        }
    }
}
