package dev.kotae.plugin;

import java.time.Instant;

/**
 * A search result was opened.
 *
 * @param query the query whose results were shown
 * @param articleId the article opened
 * @param rank its 1-based position in the results
 *
 * @since 1.0
 */
public record ClickEvent(Instant at, String sessionId, String query, String articleId, int rank)
        implements KotaeEvent {}
