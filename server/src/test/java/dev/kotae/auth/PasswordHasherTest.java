package dev.kotae.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Argon2id at OWASP's parameters, and which passwords the policy accepts. */
class PasswordHasherTest {

    private static final PasswordHasher HASHER = new PasswordHasher();

    @Test
    void hashesAreArgon2idWithOwaspParametersAndASaltEachTime() {
        String hash = HASHER.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertFalse(hash.contains("correct horse"), hash);
        assertNotEquals(hash, HASHER.hash("correct horse battery staple"), "a fresh salt every time");
        assertTrue(HASHER.matches("correct horse battery staple", hash));
        assertFalse(HASHER.matches("correct horse battery stapl", hash));
        assertFalse(HASHER.matches("correct horse battery staple", "$2a$10$notargon"), "only Argon2id hashes count");
        assertFalse(HASHER.matches("correct horse battery staple", null));
    }

    @Test
    void theDummyHashForUnknownNamesCostsWhatARealOneDoes() {
        String real = HASHER.hash("any passphrase at all");
        String parameters = real.substring(0, real.lastIndexOf('$', real.lastIndexOf('$') - 1));
        assertTrue(PasswordHasher.DUMMY.startsWith(parameters + "$"), "same algorithm, memory, iterations, lanes: "
                + parameters + " vs " + PasswordHasher.DUMMY);
        assertEquals(real.length(), PasswordHasher.DUMMY.length(), "same salt and hash lengths");
    }

    @Test
    void aJapanesePassphraseWorksAndFullWidthDigitsAreTheSameAsHalfWidth() {
        String hash = HASHER.hash("いろはにほへと１２３");
        assertTrue(HASHER.matches("いろはにほへと123", hash), "NFKC: full- and half-width digits are one password");
        assertTrue(HASHER.matches("いろはにほへと１２３", hash));
        assertFalse(HASHER.matches("いろはにほへと124", hash));
    }

    @Test
    void thePolicyCountsCharactersNotBytesAndHasNoCompositionRules() {
        PasswordPolicy.check("aaaaaaaaaa"); // ten of one letter: long enough, no other rule
        PasswordPolicy.check("あいうえおかきくけこ"); // ten kana
        PasswordPolicy.check("x".repeat(PasswordPolicy.MAX_LENGTH));
        AccountException shortOne = assertThrows(AccountException.class, () -> PasswordPolicy.check("short-pw1"));
        assertEquals(AccountException.Kind.WEAK_PASSWORD, shortOne.kind());
        assertFalse(shortOne.getMessage().contains("short-pw1"), "the message never repeats the password");
        assertThrows(AccountException.class, () -> PasswordPolicy.check("あいうえおかきくけ"));
        assertThrows(AccountException.class, () -> PasswordPolicy.check("x".repeat(PasswordPolicy.MAX_LENGTH + 1)));
        assertThrows(AccountException.class, () -> PasswordPolicy.check(null));
    }
}
