package dev.kotae.analytics;

import dev.kotae.plugin.KotaeEvent;
import java.time.Instant;

/**
 * An article page was opened ({@code /articles/{id}}): what the article-views report counts. The server's
 * own event, not (yet) part of the plugin API; listeners that do not know it ignore it, as
 * {@link KotaeEvent} asks of them.
 *
 * @param sessionId the visitor's anonymous session ({@code kotae_visitor}), or {@code null}
 * @param articleId the article opened
 */
public record ArticleViewEvent(Instant at, String sessionId, String articleId) implements KotaeEvent {}
