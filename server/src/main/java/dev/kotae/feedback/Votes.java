package dev.kotae.feedback;

import dev.kotae.analytics.EventBus;
import dev.kotae.analytics.Requester;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.FeedbackEvent;
import dev.kotae.util.InvalidRequestException;
import java.io.IOException;

/**
 * Casts a "was this helpful?" vote: stores it, counts it and publishes it to event listeners. The JSON
 * API and the help-center page's form both vote through here, so a vote is the same wherever it came from.
 */
public final class Votes {

    private final FeedbackStore store;
    private final KotaeMetrics metrics;
    private final EventBus events;

    public Votes(FeedbackStore store, KotaeMetrics metrics, EventBus events) {
        this.store = store;
        this.metrics = metrics;
        this.events = events;
    }

    /**
     * Records a vote on an article the caller may see (the caller checks that first).
     *
     * @param comment optional free text; blank means none
     * @param session the anonymous session id, or {@code null}
     * @param requester who voted, kept beside the vote's event for learning
     * @throws InvalidRequestException {@code bad_feedback} when the comment is too long
     */
    public FeedbackStore.Feedback cast(String articleId, boolean helpful, String comment, String session,
            Requester requester) throws IOException {
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > FeedbackStore.MAX_COMMENT_LENGTH) {
            throw new InvalidRequestException("bad_feedback",
                    "comment may be at most " + FeedbackStore.MAX_COMMENT_LENGTH + " characters");
        }
        FeedbackStore.Feedback stored = store.record(articleId, helpful, text);
        metrics.feedback(helpful);
        events.publish(new FeedbackEvent(stored.createdAt(), session, articleId, helpful, text), requester);
        return stored;
    }

    /** How many helpful and unhelpful votes an article has. */
    public FeedbackStore.Totals totals(String articleId) {
        return store.totals(articleId);
    }
}
