package dev.kotae.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.search.Audience;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenAuthenticatorTest {

    private final TokenAuthenticator authenticator = new TokenAuthenticator(List.of(
            new TokenAuthenticator.Token("alice", "secret-123", Role.AGENT),
            new TokenAuthenticator.Token("root", "other-456", Role.ADMIN)), SignInThrottle.measuredBy(Clock.systemUTC()));

    @Test
    void rightTokenResolvesToItsCallerAndRole() {
        Caller alice = authenticator.authenticate("secret-123").orElseThrow();
        assertEquals("alice", alice.name());
        assertEquals(Role.AGENT, alice.role());
        assertFalse(alice.isAdmin());
        assertFalse(alice.isAnonymous());
        assertEquals(Audience.AGENTS, Audience.of(alice));

        Caller root = authenticator.authenticate("other-456").orElseThrow();
        assertEquals("root", root.name());
        assertEquals(Role.ADMIN, root.role());
        assertTrue(root.isAdmin());
    }

    @Test
    void wrongTokenIsRejected() {
        assertEquals(Optional.empty(), authenticator.authenticate("secret-124"));
        assertEquals(Optional.empty(), authenticator.authenticate("secret-12"));
        assertEquals(Optional.empty(), authenticator.authenticate("secret-1234"));
        assertEquals(Optional.empty(), authenticator.authenticate("SECRET-123"));
        assertEquals(Optional.empty(), authenticator.authenticate(""));
    }

    @Test
    void noTokensConfiguredRejectsEverything() {
        TokenAuthenticator none = new TokenAuthenticator(List.of(), SignInThrottle.measuredBy(Clock.systemUTC()));
        assertEquals(0, none.size());
        assertTrue(none.authenticate("secret-123").isEmpty());
    }

    @Test
    void shortTokensAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenAuthenticator.Token("bob", "1234567", Role.AGENT));
        assertThrows(IllegalArgumentException.class, () -> new TokenAuthenticator.Token("bob", null, Role.AGENT));
    }

    @Test
    void tokenToStringHidesTheSecret() {
        String text = new TokenAuthenticator.Token("alice", "secret-123", Role.AGENT).toString();
        assertTrue(text.contains("alice"), text);
        assertFalse(text.contains("secret-123"), text);
    }

    @Test
    void anonymousCallerSeesPublicOnly() {
        assertTrue(Caller.ANONYMOUS.isAnonymous());
        assertEquals(Audience.PUBLIC, Audience.of(Caller.ANONYMOUS));
    }
}
