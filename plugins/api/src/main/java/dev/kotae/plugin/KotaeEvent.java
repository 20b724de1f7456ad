package dev.kotae.plugin;

import java.time.Instant;

/**
 * Something a customer or agent did. The server publishes {@link SearchEvent}, {@link ClickEvent},
 * {@link FeedbackEvent} and {@link DeflectionEvent}; listeners should ignore types they do not know, as
 * new ones may be added.
 *
 * @since 1.0
 */
public interface KotaeEvent {

    /** When it happened. */
    Instant at();

    /**
     * The anonymous, random session id the browser chose ({@code X-Kotae-Session}), or {@code null}. Never
     * an IP address, user name or token.
     */
    String sessionId();
}
