package dev.kotae.plugin;

import java.time.Instant;

/**
 * "Was this helpful?" was answered on an article.
 *
 * @param comment the optional comment, or {@code null}
 *
 * @since 1.0
 */
public record FeedbackEvent(Instant at, String sessionId, String articleId, boolean helpful, String comment)
        implements KotaeEvent {}
