package dev.kotae.auth;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named person who signs in with a password: what the accounts file ({@link AccountStore}) keeps of them.
 *
 * @param name lower case, {@link #NAME}; unique among accounts regardless of case
 * @param email where the person is reached (and the author of their published edits), or {@code null}
 * @param displayName how pages may call the person, or {@code null}
 * @param passwordHash the Argon2id hash in PHC string form ({@code $argon2id$…}); never the password
 * @param disabled a disabled account cannot sign in, and its sessions end
 * @param accessChanged when the role, password or disabled flag last changed: sessions are bound to it too,
 *     so a session ended by a change does not come back when the change is undone (disable, then enable)
 */
public record Account(String name, Role role, String email, String displayName, String passwordHash,
        boolean disabled, Instant created, Instant passwordChanged, Instant accessChanged) {

    /** The longest name, in characters. */
    public static final int MAX_NAME = 64;
    /** What a name may look like once {@link #fold folded}: a letter or digit, then up to 63 of those or {@code . _ -}. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_NAME - 1) + "}");
    /** Loose on purpose: an address with one {@code @}, no spaces or angle brackets, that mail tools accept. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]{1,64}@[^\\s@<>\"]{1,255}");
    private static final int MAX_DISPLAY_NAME = 100;

    public Account {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(passwordChanged, "passwordChanged");
        Objects.requireNonNull(accessChanged, "accessChanged");
        name = normalizeName(name);
        email = checkedEmail(email);
        displayName = checkedDisplayName(displayName);
    }

    /**
     * The canonical (lower-case) form of a name as typed.
     *
     * @throws AccountException of kind {@link AccountException.Kind#INVALID} if it is not a valid name
     */
    public static String normalizeName(String typed) {
        String name = fold(typed);
        if (!NAME.matcher(name).matches()) {
            throw new AccountException(AccountException.Kind.INVALID, "a name is 1-" + MAX_NAME
                    + " letters a-z, digits, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        return name;
    }

    /**
     * A name as typed, as names are compared: without surrounding white space, in lower case; {@code ""} for
     * {@code null}. Not checked: see {@link #normalizeName}.
     */
    public static String fold(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    private static String checkedEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String stripped = email.strip();
        if (!EMAIL.matcher(stripped).matches()) {
            throw new AccountException(AccountException.Kind.INVALID, "not an e-mail address: " + stripped);
        }
        return stripped;
    }

    private static String checkedDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return null;
        }
        String stripped = displayName.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_DISPLAY_NAME
                || stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new AccountException(AccountException.Kind.INVALID,
                    "a display name is at most " + MAX_DISPLAY_NAME + " characters, without control characters");
        }
        return stripped;
    }

    /** The caller this account signs in as. */
    public Caller caller() {
        return new Caller(name, role);
    }

    public Account withRole(Role value, Instant now) {
        return new Account(name, value, email, displayName, passwordHash, disabled, created, passwordChanged, now);
    }

    public Account withDisabled(boolean value, Instant now) {
        return new Account(name, role, email, displayName, passwordHash, value, created, passwordChanged, now);
    }

    public Account withPasswordHash(String value, Instant now) {
        return new Account(name, role, email, displayName, value, disabled, created, now, now);
    }

    /** Leaves the hash out: it is not the password, but it is what an offline guesser would want. */
    @Override
    public String toString() {
        return "Account[name=" + name + ", role=" + role + ", email=" + email + ", displayName=" + displayName
                + ", disabled=" + disabled + ", created=" + created + ", passwordChanged=" + passwordChanged
                + ", accessChanged=" + accessChanged + "]";
    }
}
