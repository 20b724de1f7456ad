package dev.kotae.analytics;

/**
 * Who an event came from, as far as learning from events needs to know and no further: kept beside the
 * event in the journal and the database, never handed to plugins (their {@code KotaeEvent} types stay as
 * they are). Never the client's address itself, only a keyed hash of it ({@link ClientAddresses}).
 *
 * @param audience {@code public} for an anonymous caller, {@code agents} for a signed-in one, or
 *     {@code null} when not known (a plugin's own event)
 * @param client the keyed hash of the client's address, or {@code null} when not known
 * @param automated whether the request looked automated: a crawler's {@code User-Agent}, or a browser's
 *     pre-fetch ({@code Sec-Purpose} / {@code Purpose: prefetch}); learning ignores such events
 */
public record Requester(String audience, String client, boolean automated) {

    /** An anonymous visitor's audience. */
    public static final String PUBLIC = "public";
    /** A signed-in caller's audience. */
    public static final String AGENTS = "agents";
    /** Nothing known: events recorded by plugins, and rows stored before requesters were kept. */
    public static final Requester UNKNOWN = new Requester(null, null, false);

    public Requester {
        if (audience != null && !PUBLIC.equals(audience) && !AGENTS.equals(audience)) {
            throw new IllegalArgumentException("audience must be public or agents");
        }
    }

    /** The same requester, for a search in {@code value}'s audience ({@code public} or {@code agents}). */
    public Requester withAudience(String value) {
        return new Requester(value, client, automated);
    }
}
