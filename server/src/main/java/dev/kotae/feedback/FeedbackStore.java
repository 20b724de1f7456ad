package dev.kotae.feedback;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where "was this helpful?" votes are kept: a file of the server's own ({@link FileFeedbackStore}, the
 * default), or the shared analytics database when one is configured ({@link DatabaseFeedbackStore}), so
 * that every replica sees every vote. A vote is acknowledged only once it is durable.
 *
 * <p>A visitor (the anonymous visitor id a browser or API client sends) has at most one vote per article:
 * voting again changes that vote, so totals count visitors, not clicks. A vote cast without a visitor id
 * cannot be recognised again and always counts as a new one.
 */
public interface FeedbackStore extends AutoCloseable {

    int MAX_COMMENT_LENGTH = 2000;

    /** The comment as stored: stripped, and {@code null} when there is none. */
    static String cleanComment(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    /**
     * One stored vote.
     *
     * @param createdAt when the vote was first cast (a change keeps it, so lists keep their order)
     * @param visitor the anonymous visitor id it belongs to, or {@code null} for a vote nobody can change
     */
    record Feedback(String id, String articleId, boolean helpful, String comment, Instant createdAt,
            String visitor) {}

    /** Vote totals of one article. */
    record Totals(long helpful, long notHelpful) {}

    /**
     * Stores a visitor's vote and returns it once it is durable (forced to disk, or committed): the visitor's
     * earlier vote on the article is replaced (same id, same {@code createdAt}), otherwise a new one is added.
     *
     * @param visitor the anonymous visitor id, or {@code null}: then the vote is always a new one
     * @param comment the vote's comment; {@code null} or blank keeps the comment the visitor's vote had if
     *     the vote stays the same, and leaves none if it changes ({@link #commentKept})
     * @throws IOException when it could not be stored; nothing is acknowledged then
     */
    Feedback record(String articleId, String visitor, boolean helpful, String comment) throws IOException;

    /**
     * The comment a changed vote keeps: the new one if given, else the earlier vote's own only when the vote
     * stays the same. A comment says why the visitor voted as they did ("the phone number is missing" under
     * "No"); kept under the opposite vote it would read as the reason for that one, on the article page and
     * to the editors reading votes. Analytics keeps it as written, under the vote it was written with.
     */
    static String commentKept(Feedback earlier, boolean helpful, String cleaned) {
        if (cleaned != null) {
            return cleaned;
        }
        return earlier.helpful() == helpful ? earlier.comment() : null;
    }

    /** A vote nobody can change later (no visitor id): {@code record(articleId, null, helpful, comment)}. */
    default Feedback record(String articleId, boolean helpful, String comment) throws IOException {
        return record(articleId, null, helpful, comment);
    }

    /**
     * Attaches a comment to the visitor's vote on an article (replacing its comment), once it is durable.
     *
     * @return the changed vote, or empty when the visitor has not voted on the article (nothing is stored)
     * @throws IOException when it could not be stored; nothing is acknowledged then
     */
    Optional<Feedback> comment(String articleId, String visitor, String comment) throws IOException;

    /** The visitor's vote on an article, or empty when they have none (or {@code visitor} is {@code null}). */
    Optional<Feedback> vote(String articleId, String visitor);

    /** @throws FeedbackUnavailableException when the store cannot be read right now */
    Totals totals(String articleId);

    /** The most recent votes, newest first, optionally for one article ({@code null}: all). */
    List<Feedback> recent(String articleId, int limit);

    /** How many votes are stored (a changed vote counts once). */
    int size();

    /** Lines of the store's file skipped as unreadable at start (file store only). */
    default int unreadableLines() {
        return 0;
    }

    /** Incomplete lines left by failed writes and cut off since start (file store only). */
    default int tornWrites() {
        return 0;
    }

    @Override
    void close() throws IOException;

    /** The store cannot be read or written right now (its database is away); answered 503, never 500. */
    final class FeedbackUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FeedbackUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
