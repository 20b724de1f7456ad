package dev.kotae.feedback;

import dev.kotae.analytics.EventBus;
import dev.kotae.analytics.Requester;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.FeedbackEvent;
import dev.kotae.util.InvalidRequestException;
import java.io.IOException;
import java.util.Optional;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Casts "was this helpful?" votes: one per visitor per article, which the visitor may change and comment
 * on afterwards. A vote is stored, counted and published to event listeners whenever it changes something
 * (a first vote, a switch between helpful and not, a new comment); repeating the same vote changes nothing.
 * The JSON API and the help-center page's forms both vote through here, so a vote is the same wherever it
 * came from.
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
     * A stored vote and whether this cast created it (rather than changing the visitor's earlier one).
     */
    public record Cast(FeedbackStore.Feedback vote, boolean created) {}

    /**
     * Records a visitor's vote on an article the caller may see (the caller checks that first), replacing
     * the visitor's earlier vote on it.
     *
     * @param comment optional free text; blank keeps the comment the visitor's vote already had if the vote
     *     stays the same, and leaves none if it changes ({@link FeedbackStore#commentKept})
     * @param visitor the anonymous visitor id, or {@code null} (then the vote cannot be changed later)
     * @param requester who voted, kept beside the vote's event for learning
     * @throws InvalidRequestException {@code bad_feedback} when the comment is too long
     */
    public Cast cast(String articleId, boolean helpful, String comment, String visitor, Requester requester)
            throws IOException {
        String text = checked(comment);
        Optional<FeedbackStore.Feedback> earlier = store.vote(articleId, visitor);
        FeedbackStore.Feedback stored = store.record(articleId, visitor, helpful, text);
        boolean changed = earlier.isEmpty() || earlier.get().helpful() != helpful
                || text != null && !text.equals(earlier.get().comment());
        if (changed) {
            published(stored, visitor, text, requester);
        }
        return new Cast(stored, earlier.isEmpty());
    }

    /**
     * Attaches a comment to the visitor's vote on an article, the second step after voting.
     *
     * @return the vote with its new comment, or empty when the visitor has not voted on it (nothing stored)
     * @throws InvalidRequestException {@code bad_feedback} when the comment is too long
     */
    public Optional<FeedbackStore.Feedback> comment(String articleId, String comment, String visitor,
            Requester requester) throws IOException {
        String text = checked(comment);
        Optional<FeedbackStore.Feedback> stored = store.comment(articleId, visitor, text);
        if (stored.isPresent() && text != null) {
            published(stored.get(), visitor, text, requester);
        }
        return stored;
    }

    /** The visitor's current vote on an article, or empty (always, for a {@code null} visitor). */
    public Optional<FeedbackStore.Feedback> current(String articleId, String visitor) {
        return store.vote(articleId, visitor);
    }

    /** How many helpful and unhelpful votes an article has (one per visitor). */
    public FeedbackStore.Totals totals(String articleId) {
        return store.totals(articleId);
    }

    private void published(FeedbackStore.Feedback vote, String visitor, String comment, Requester requester) {
        metrics.feedback(vote.helpful());
        events.publish(new FeedbackEvent(java.time.Instant.now(), visitor, vote.articleId(), vote.helpful(), comment),
                requester);
    }

    private static String checked(String comment) {
        String text = FeedbackStore.cleanComment(comment);
        if (text != null && text.length() > FeedbackStore.MAX_COMMENT_LENGTH) {
            throw new InvalidRequestException("bad_feedback",
                    "comment may be at most " + FeedbackStore.MAX_COMMENT_LENGTH + " characters");
        }
        // Text as YAML defines it (line breaks and tabs, no other control character, no unpaired surrogate,
        // U+FFFE or U+FFFF), the check front matter uses: stored as UTF-8, an unpaired surrogate half would
        // become '?', so such a comment is refused rather than changed.
        if (text != null && !StreamReader.isPrintable(text)) {
            throw new InvalidRequestException("bad_feedback",
                    "comment must be text: no control characters but line breaks and tabs, no unpaired surrogate");
        }
        return text;
    }
}
