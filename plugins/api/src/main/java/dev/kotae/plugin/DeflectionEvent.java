package dev.kotae.plugin;

import java.time.Instant;

/**
 * A deflection widget did something on the way to (or instead of) a ticket.
 *
 * <p>The action is a string, not an enum, on purpose: the set is open (a widget may report its own steps,
 * and browsers post actions to {@code /api/v1/events}), and the value is stored as it is in analytics.
 * Use the constants for the steps the server reports on.
 *
 * @param widget the widget's plugin id
 * @param action what happened. Common values: {@link #SHOWN} (articles were suggested), {@link #OPENED}
 *     (the customer opened one), {@link #SOLVED} ("this solved it"), {@link #NOT_SOLVED},
 *     {@link #SUBMITTED} (the customer sent the ticket anyway), {@link #ANSWERED} (a bot answered). Lower
 *     case letters and {@code -}.
 * @param query what the customer had typed, or {@code null}
 * @param articleId the article concerned, or {@code null}
 * @since 1.0
 */
public record DeflectionEvent(Instant at, String sessionId, String widget, String action, String query,
        String articleId) implements KotaeEvent {

    public static final String SHOWN = "shown";
    public static final String OPENED = "opened";
    public static final String SOLVED = "solved";
    public static final String NOT_SOLVED = "not-solved";
    public static final String SUBMITTED = "submitted";
    public static final String ANSWERED = "answered";

    /**
     * A builder for an event of this widget with this action, happening now.
     *
     * @param widget the widget's plugin id ({@link PluginContext#pluginId()})
     * @param action what happened, e.g. {@link #ANSWERED}
     * @since 1.0
     */
    public static Builder builder(String widget, String action) {
        return new Builder(widget, action);
    }

    /**
     * Collects the optional fields of a {@link DeflectionEvent} by name.
     *
     * @since 1.0
     */
    public static final class Builder {

        private final String widget;
        private final String action;
        private Instant at;
        private String sessionId;
        private String query;
        private String articleId;

        private Builder(String widget, String action) {
            this.widget = widget;
            this.action = action;
        }

        /** When it happened; default the moment {@link #build()} is called. */
        public Builder at(Instant value) {
            this.at = value;
            return this;
        }

        /** The browser's anonymous session id ({@link WidgetRequest#sessionId()}), or {@code null}. */
        public Builder sessionId(String value) {
            this.sessionId = value;
            return this;
        }

        public Builder query(String value) {
            this.query = value;
            return this;
        }

        public Builder articleId(String value) {
            this.articleId = value;
            return this;
        }

        public DeflectionEvent build() {
            return new DeflectionEvent(at != null ? at : Instant.now(), sessionId, widget, action, query, articleId);
        }
    }
}
