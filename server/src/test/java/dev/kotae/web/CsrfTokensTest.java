package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    @Test
    void aTokenIsValidOnlyForItsOwnBinding() {
        CsrfTokens tokens = new CsrfTokens();
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
    void anotherServerProcessCannotMakeOurTokens() {
        CsrfTokens ours = new CsrfTokens();
        CsrfTokens theirs = new CsrfTokens();
        String binding = ours.newBinding();

        assertFalse(ours.valid(binding, theirs.token(binding)));
    }
}
