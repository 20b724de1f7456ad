package dev.kotae.auth;

import java.util.Locale;

/**
 * What a person or token holder may do. Each role can do everything the roles before it can: an editor
 * is also an agent, an admin also an editor.
 */
public enum Role {
    /** Reads internal articles (playbooks) and drafts. */
    AGENT,
    /** Also writes, reviews and publishes articles. */
    EDITOR,
    /** Also reaches {@code /api/v1/admin/*}, and may publish without a second editor's review. */
    ADMIN;

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    public static Role parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role must be agent, editor or admin (got '" + value + "')");
        }
    }
}
