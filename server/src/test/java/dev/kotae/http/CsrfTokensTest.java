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

        String token = tokens.token(binding);

        assertEquals(token, tokens.token(binding), "tokens are stable for one binding");
        assertTrue(tokens.valid(binding, token));
        assertFalse(tokens.valid(other, token));
        assertFalse(tokens.valid(binding, token.substring(1)));
        assertFalse(tokens.valid(binding, null));
        assertFalse(tokens.valid(null, token));
        assertFalse(tokens.valid(binding, ""));
    }

    @Test
    void aServerWithAnotherSigningKeyCannotMakeOurTokens() {
        CsrfTokens ours = new CsrfTokens(SigningKey.random());
        CsrfTokens theirs = new CsrfTokens(SigningKey.random());
        String binding = ours.newBinding();

        assertFalse(ours.valid(binding, theirs.token(binding)));
    }

    @Test
    void replicasThatShareTheSigningKeyAcceptEachOthersTokens() {
        String secret = "a-secret-shared-by-every-replica-0123456789";
        CsrfTokens one = new CsrfTokens(SigningKey.of(secret));
        CsrfTokens two = new CsrfTokens(SigningKey.of(secret));
        String binding = one.newBinding();

        assertTrue(two.valid(binding, one.token(binding)));
    }
}
