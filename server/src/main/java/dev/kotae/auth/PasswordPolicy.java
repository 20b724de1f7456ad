package dev.kotae.auth;

import java.text.Normalizer;

/**
 * Which passwords are accepted: long enough to resist guessing, with no composition rules (NIST SP 800-63B),
 * so a passphrase in any script is fine. Lengths count characters (code points), so a Japanese passphrase
 * of ten kana is ten characters.
 *
 * <p>Every password is NFKC-normalized before it is checked, hashed or compared: the same passphrase typed
 * with full-width or half-width digits, or composed differently by another input method, is the same
 * password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** Bounds the work of hashing a submitted password; far beyond any passphrase. */
    public static final int MAX_LENGTH = 1_000;

    private PasswordPolicy() {}

    /** The form a password is hashed and compared in. */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /**
     * Refuses a password that is too short or too long; says why without repeating it.
     *
     * @throws AccountException of kind {@link AccountException.Kind#WEAK_PASSWORD}
     */
    public static void check(String password) {
        String normalized = normalize(password == null ? "" : password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH) {
            throw new AccountException(AccountException.Kind.WEAK_PASSWORD,
                    "the password is too short: at least " + MIN_LENGTH + " characters (a passphrase is fine)");
        }
        if (length > MAX_LENGTH) {
            throw new AccountException(AccountException.Kind.WEAK_PASSWORD,
                    "the password is too long: at most " + MAX_LENGTH + " characters");
        }
    }

    /** Whether a submitted password is too long to be worth hashing (it cannot match any stored one). */
    static boolean tooLongToTry(String password) {
        return password.length() > 4 * MAX_LENGTH;
    }
}
