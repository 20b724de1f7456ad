package dev.kotae.plugin;

import java.time.Instant;

/**
 * A deflection widget did something on the way to (or instead of) a ticket.
 *
 * @param widget the widget's plugin id
 * @param action what happened. Common values: {@link #SHOWN} (articles were suggested), {@link #OPENED}
 *     (the customer opened one), {@link #SOLVED} ("this solved it"), {@link #NOT_SOLVED},
 *     {@link #SUBMITTED} (the customer sent the ticket anyway), {@link #ANSWERED} (a bot answered). Lower
 *     case letters and {@code -}.
 * @param query what the customer had typed, or {@code null}
 * @param articleId the article concerned, or {@code null}
 */
public record DeflectionEvent(Instant at, String sessionId, String widget, String action, String query,
        String articleId) implements KotaeEvent {

    public static final String SHOWN = "shown";
    public static final String OPENED = "opened";
    public static final String SOLVED = "solved";
    public static final String NOT_SOLVED = "not-solved";
    public static final String SUBMITTED = "submitted";
    public static final String ANSWERED = "answered";
}
