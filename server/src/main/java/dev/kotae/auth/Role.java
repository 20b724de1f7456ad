package dev.kotae.auth;

import java.util.Locale;

/** What a token holder may do. An admin can do everything an agent can. */
public enum Role {
    /** Reads internal articles (playbooks). */
    AGENT,
    /** Also reaches {@code /api/v1/admin/*}. */
    ADMIN;

    public static Role parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role must be agent or admin (got '" + value + "')");
        }
    }
}
