package dev.kotae.plugin;

import java.time.Instant;
import java.util.List;

/**
 * A search was run.
 *
 * @param query the query as typed, trimmed
 * @param locale the locale searched, or {@code null} for all
 * @param resultCount how many articles matched (0 marks a content gap)
 * @param topIds the ids of the first hits shown, best first
 * @param origin where the search came from: {@code api}, or {@code widget:<plugin-id>}
 *
 * @since 1.0
 */
public record SearchEvent(Instant at, String sessionId, String query, String locale, long resultCount,
        List<String> topIds, String origin) implements KotaeEvent {

    public SearchEvent {
        topIds = List.copyOf(topIds);
    }
}
