package dev.kotae.web;

import java.util.regex.Pattern;

/**
 * The anonymous session id a browser may send ({@code X-Kotae-Session}): a random value it chose, used
 * only to group one visitor's events. Anything that does not look like one is ignored, never stored.
 */
final class Sessions {

    static final String HEADER = "X-Kotae-Session";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private Sessions() {}

    /** The id if it is well-formed, else {@code null}. */
    static String valid(String raw) {
        return raw != null && VALID.matcher(raw).matches() ? raw : null;
    }

    /** Whether a value is absent or well-formed (for endpoints that reject malformed ids). */
    static boolean acceptable(String raw) {
        return raw == null || VALID.matcher(raw).matches();
    }
}
