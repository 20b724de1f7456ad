package dev.kotae.plugin;

import java.time.Instant;

/**
 * "Was this helpful?" was answered on an article.
 *
 * @param comment the optional comment, or {@code null}
 */
public record FeedbackEvent(Instant at, String sessionId, String articleId, boolean helpful, String comment)
        implements KotaeEvent {}
