package dev.kotae.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.auth.SigningKey;
import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    @Test
    void aTokenIsValidOnlyForItsOwnBinding() {
        CsrfTokens tokens = new CsrfTokens(SigningKey.random());
        String binding = tokens.newBinding();
        String other = tokens.newBinding();
        assertNotEquals(binding, other);

        String token = tokens.token(binding, null);

        assertEquals(token, tokens.token(binding, null), "tokens are stable for one binding");
        assertTrue(tokens.valid(binding, null, token));
        assertFalse(tokens.valid(other, null, token));
        assertFalse(tokens.valid(binding, null, token.substring(1)));
        assertFalse(tokens.valid(binding, null, null));
        assertFalse(tokens.valid(null, null, token));
        assertFalse(tokens.valid(binding, null, ""));
    }

    @Test
    void aServerWithAnotherSigningKeyCannotMakeOurTokens() {
        CsrfTokens ours = new CsrfTokens(SigningKey.random());
        CsrfTokens theirs = new CsrfTokens(SigningKey.random());
        String binding = ours.newBinding();

        assertFalse(ours.valid(binding, null, theirs.token(binding, null)));
    }

    @Test
    void replicasThatShareTheSigningKeyAcceptEachOthersTokens() {
        String secret = "a-secret-shared-by-every-replica-0123456789";
        CsrfTokens one = new CsrfTokens(SigningKey.of(secret));
        CsrfTokens two = new CsrfTokens(SigningKey.of(secret));
        String binding = one.newBinding();

        assertTrue(two.valid(binding, null, one.token(binding, null)));
    }

    @Test
    void onceSignedInATokenIsBoundToTheSessionToo() {
        CsrfTokens tokens = new CsrfTokens(SigningKey.random());
        String planted = tokens.newBinding(); // a CSRF cookie someone else chose, and its anonymous token
        String theirs = tokens.token(planted, null);
        assertFalse(tokens.valid(planted, "victims-session-cookie", theirs), "useless without the session");
        String signedIn = tokens.token(planted, "victims-session-cookie");
        assertTrue(tokens.valid(planted, "victims-session-cookie", signedIn));
        assertFalse(tokens.valid(planted, "another-session", signedIn));
    }
}
