package dev.kotae.auth;

import java.security.Principal;

/**
 * Who made a request: anonymous, or the named holder of a token with a role.
 *
 * @param role {@code null} for anonymous callers
 */
public record Caller(String name, Role role) implements Principal {

    public static final Caller ANONYMOUS = new Caller("anonymous", null);

    @Override
    public String getName() {
        return name;
    }

    public boolean isAnonymous() {
        return role == null;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may write, review and publish articles (an editor or an admin). */
    public boolean canEdit() {
        return role != null && role.includes(Role.EDITOR);
    }
}
