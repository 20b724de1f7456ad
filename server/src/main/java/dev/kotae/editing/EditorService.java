package dev.kotae.editing;

import dev.kotae.auth.Caller;
import dev.kotae.content.Article;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything the editor pages and the REST API do to articles, with the rules of who may do what:
 * agents read drafts and history; editors write drafts, ask for review, publish another editor's draft,
 * delete and restore; an admin may also publish their own draft and publish directly. Every write is
 * attributed to its caller and written to the audit log.
 *
 * <p>Publishing writes the article's Markdown file into the content folder atomically; the content
 * watcher indexes it as it does any other change. With git, each publish is a commit by the caller.
 */
public interface EditorService {

    /** Every pending draft, newest first. Agents and above. */
    List<Draft> drafts(Caller caller) throws EditNotAllowedException;

    /**
     * When each draft an editor published for a later time goes live, by article id: drafts waiting for
     * their publish time, no longer for review. Agents and above.
     */
    Map<String, Instant> scheduled(Caller caller) throws EditNotAllowedException;

    /** The pending draft of an article. Agents and above. */
    Optional<Draft> draft(Caller caller, String id) throws EditNotAllowedException;

    /**
     * What publishing the pending draft would change in the published file: a unified diff of the two
     * files ({@code ""} when it changes nothing). Empty when there is no draft, or no published file to
     * compare with (a new article). Agents and above.
     */
    Optional<String> draftChanges(Caller caller, String id) throws EditNotAllowedException;

    /** An article as its file (or plugin source) has it now. Agents and above. */
    Optional<PublishedArticle> published(Caller caller, String id) throws EditNotAllowedException;

    /**
     * Saves a draft. {@code startedFrom} is the draft revision the caller's text started from, or
     * {@code null} when no draft existed when the caller began (then {@code baseVersion} is the published
     * version it began from, {@code null} for a new article). Refused with the diff when the draft or the
     * published file changed since. {@code note} is the draft's note ({@link Draft#note()}, the history's
     * message rules): {@code null} keeps the one it has, blank removes it.
     */
    Draft saveDraft(Caller caller, EditableArticle article, String startedFrom, String baseVersion, Instant publishAt,
            String note) throws EditConflictException, EditNotAllowedException, EditRejectedException;

    /** {@link #saveDraft(Caller, EditableArticle, String, String, Instant, String)} keeping the draft's note. */
    default Draft saveDraft(Caller caller, EditableArticle article, String startedFrom, String baseVersion,
            Instant publishAt) throws EditConflictException, EditNotAllowedException, EditRejectedException {
        return saveDraft(caller, article, startedFrom, baseVersion, publishAt, null);
    }

    /** Marks the draft as ready for review; {@code revision} must be its newest. */
    Draft requestReview(Caller caller, String id, String revision)
            throws EditConflictException, EditNotAllowedException, EditRejectedException;

    /**
     * Publishes a draft (at once, or at its {@code publishAt}): by an editor other than its author, or an
     * admin. Refused when the draft changed since {@code revision} or the file changed since the draft's
     * base version.
     */
    PublishedArticle publish(Caller caller, String id, String revision, String message)
            throws EditConflictException, EditNotAllowedException, EditRejectedException;

    /** Drops a draft; the published article (if any) stays as it is. */
    void discardDraft(Caller caller, String id, String revision)
            throws EditConflictException, EditNotAllowedException, EditRejectedException;

    /**
     * Publishes without a draft (the REST API's {@code POST}/{@code PUT}), for callers allowed to publish
     * alone. {@code ifMatch} is the published version replaced, {@code null} to create a new article.
     */
    PublishedArticle publishDirectly(Caller caller, EditableArticle article, String ifMatch, String message)
            throws EditConflictException, EditNotAllowedException, EditRejectedException;

    /**
     * Whether the caller may publish without another editor's review and delete articles: an admin, or
     * any editor where review is optional.
     */
    boolean publishesAlone(Caller caller);

    /** Deletes a published article's file (kept in history, restorable). */
    void delete(Caller caller, String id, String ifMatch, String message)
            throws EditConflictException, EditNotAllowedException, EditRejectedException;

    /** How many versions {@link #history} lists at most. */
    int LISTED_VERSIONS = 200;

    /**
     * The newest {@link #LISTED_VERSIONS} published versions of an article, newest first; older ones are
     * not listed, but can still be read and restored by their version. Agents and above.
     */
    List<HistoryEntry> history(Caller caller, String id) throws EditNotAllowedException, EditRejectedException;

    /** One of the article's versions (however old), or empty when it is not one of them. Agents and above. */
    Optional<HistoryEntry> historyEntry(Caller caller, String id, String version)
            throws EditNotAllowedException, EditRejectedException;

    /** An article as one of its history versions had it; a version not in its history is not found (404). */
    EditableArticle atVersion(Caller caller, String id, String version)
            throws EditNotAllowedException, EditRejectedException;

    /**
     * A unified diff between two of the article's history versions ({@code to} {@code null}: what is
     * published now).
     */
    String diff(Caller caller, String id, String from, String to) throws EditNotAllowedException, EditRejectedException;

    /**
     * Publishes an old version again, as a new version, for callers allowed to publish alone
     * ({@link #publishesAlone}): a restore skips review. {@code version} must be one of the article's own
     * versions ({@link #history}); {@code ifMatch}, when given, is the published version the caller saw
     * ({@code null}: whatever is published now), and the restore is a conflict if the file changed since.
     */
    PublishedArticle restore(Caller caller, String id, String version, String ifMatch, String message)
            throws EditConflictException, EditNotAllowedException, EditRejectedException;

    /**
     * The article exactly as it would be published: the file's bytes through the same parser, renderer
     * and sanitiser as the content folder.
     */
    Article preview(Caller caller, EditableArticle article) throws EditNotAllowedException, EditRejectedException;

    /**
     * The newest {@code limit} entries of the audit log (every write through this service, image uploads
     * included), newest first. Admins only.
     */
    List<AuditEntry> audit(Caller caller, int limit) throws EditNotAllowedException;

    /**
     * The whole audit log, newest first, handed to {@code visitor} while it returns {@code true}: for an
     * export, without holding the log in memory. Admins only; refused before the first entry is read.
     */
    void auditLog(Caller caller, Predicate<AuditEntry> visitor) throws EditNotAllowedException;

    /** An uploaded image, stored beside the content. */
    record StoredImage(String url, String markdown) {}

    /**
     * Stores an image (PNG, JPEG, GIF or WebP, checked by its bytes; never SVG or HTML) under a name made
     * from {@code fileName} and its digest, and returns where it is served.
     */
    StoredImage upload(Caller caller, String fileName, byte[] bytes) throws EditNotAllowedException, EditRejectedException;
}
