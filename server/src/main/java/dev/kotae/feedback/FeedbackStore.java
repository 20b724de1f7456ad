package dev.kotae.feedback;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Where "was this helpful?" votes are kept: a file of the server's own ({@link FileFeedbackStore}, the
 * default), or the shared analytics database when one is configured ({@link DatabaseFeedbackStore}), so
 * that every replica sees every vote. A vote is acknowledged only once it is durable.
 */
public interface FeedbackStore extends AutoCloseable {

    int MAX_COMMENT_LENGTH = 2000;

    /** One stored vote. */
    record Feedback(String id, String articleId, boolean helpful, String comment, Instant createdAt) {}

    /** Vote totals of one article. */
    record Totals(long helpful, long notHelpful) {}

    /**
     * Stores a vote and returns it once it is durable (forced to disk, or committed).
     *
     * @throws IOException when it could not be stored; nothing is acknowledged then
     */
    Feedback record(String articleId, boolean helpful, String comment) throws IOException;

    /** @throws FeedbackUnavailableException when the store cannot be read right now */
    Totals totals(String articleId);

    /** The most recent votes, newest first, optionally for one article ({@code null}: all). */
    List<Feedback> recent(String articleId, int limit);

    /** How many votes are stored. */
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
