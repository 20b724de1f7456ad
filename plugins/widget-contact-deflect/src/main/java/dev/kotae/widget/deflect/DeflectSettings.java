package dev.kotae.widget.deflect;

/**
 * The plugin's block in {@code kotae.yml}:
 *
 * <pre>
 * plugins:
 *   widget-contact-deflect:
 *     maxResults: 3        # articles suggested per query, 1-5
 *     minQueryLength: 2    # characters typed before the widget searches, 1-50
 * </pre>
 *
 * The server binds the block to this record ({@link dev.kotae.plugin.PluginContext#settings(Class)}),
 * refusing unknown keys and wrong types so that a typo ({@code maxResult}) or {@code 2.5} fails at start
 * instead of being ignored or rounded; absent keys arrive as {@code null} and get the defaults here.
 *
 * @param maxResults how many articles to suggest at most
 * @param minQueryLength the shortest query (in characters, after trimming) that is searched
 */
public record DeflectSettings(Integer maxResults, Integer minQueryLength) {

    static final int DEFAULT_MAX_RESULTS = 3;
    static final int DEFAULT_MIN_QUERY_LENGTH = 2;

    public DeflectSettings {
        maxResults = maxResults == null ? DEFAULT_MAX_RESULTS : maxResults;
        minQueryLength = minQueryLength == null ? DEFAULT_MIN_QUERY_LENGTH : minQueryLength;
        if (maxResults < 1 || maxResults > 5) {
            throw new IllegalArgumentException("maxResults must be between 1 and 5, was " + maxResults);
        }
        if (minQueryLength < 1 || minQueryLength > 50) {
            throw new IllegalArgumentException("minQueryLength must be between 1 and 50, was " + minQueryLength);
        }
    }
}
