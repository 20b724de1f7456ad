package dev.kotae.widget.deflect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * Unknown keys are rejected so that a typo ({@code maxResult}) fails at start instead of being ignored.
 *
 * @param maxResults how many articles to suggest at most
 * @param minQueryLength the shortest query (in characters, after trimming) that is searched
 */
public record DeflectSettings(Integer maxResults, Integer minQueryLength) {

    static final int DEFAULT_MAX_RESULTS = 3;
    static final int DEFAULT_MIN_QUERY_LENGTH = 2;
    private static final Set<String> KNOWN_KEYS = Set.of("maxResults", "minQueryLength");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            // 2.5 suggestions is a mistake worth reporting, not something to round silently.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

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

    /** The defaults. */
    public static DeflectSettings defaults() {
        return new DeflectSettings(null, null);
    }

    /**
     * Reads and checks the settings map the server hands over.
     *
     * @throws IllegalArgumentException naming the bad key or value, for administrators to read
     */
    public static DeflectSettings from(Map<String, Object> settings) {
        if (settings == null || settings.isEmpty()) {
            return defaults();
        }
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(KNOWN_KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) " + unknown + " for widget-contact-deflect; known: "
                    + new TreeSet<>(KNOWN_KEYS));
        }
        try {
            return MAPPER.convertValue(settings, DeflectSettings.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad widget-contact-deflect settings: " + readable(e), e);
        }
    }

    /**
     * Jackson wraps both our range checks and its own type errors; the readable part is our message or
     * Jackson's original message (without its source location) plus the offending key.
     */
    private static String readable(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                return cause.getMessage();
            }
            if (cause instanceof JsonMappingException mapping && mapping.getCause() == null) {
                String key = mapping.getPath().isEmpty() ? "" : mapping.getPath().get(0).getFieldName() + ": ";
                return key + mapping.getOriginalMessage();
            }
        }
        return e.getMessage();
    }
}
