package dev.kotae.auth;

/**
 * A change to the accounts that was refused, and why. The message is for the person who asked and never
 * contains a password.
 */
public final class AccountException extends RuntimeException {

    /** Why a change was refused. */
    public enum Kind {
        /** No account has that name. */
        UNKNOWN,
        /** The name is taken (by another account, regardless of case, or by a configured token). */
        DUPLICATE,
        /** The password does not meet {@link PasswordPolicy}, or its two typings differ. */
        WEAK_PASSWORD,
        /** A name, e-mail address or display name is not acceptable. */
        INVALID
    }

    private final Kind kind;

    public AccountException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
