package dev.kotae.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentSessionsTest {

    private static final Caller AGENT = new Caller("alice", Role.AGENT);
    private static final TokenAuthenticator.Token ALICE = new TokenAuthenticator.Token("alice", "alice-token-123", Role.AGENT);
    private static final TokenAuthenticator.Token BOB = new TokenAuthenticator.Token("bob", "bob-token-4567", Role.ADMIN);
    private static final List<TokenAuthenticator.Token> TOKENS = List.of(ALICE, BOB);
    private static final String SECRET = "the-secret-every-replica-is-given-0123456789";

    private static AgentSessions sessions(String secret, List<TokenAuthenticator.Token> tokens) {
        return new AgentSessions(Duration.ofHours(1), SigningKey.of(secret), tokens, null, Clock.systemUTC());
    }

    @Test
    void aSessionNamesItsCallerUntilItExpires() {
        ManualClock clock = new ManualClock("2026-11-22T09:00:00Z");
        AgentSessions sessions = new AgentSessions(Duration.ofHours(12), SigningKey.random(), TOKENS, null, clock);
        String id = sessions.start(AGENT);

        assertTrue(id.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), id);
        assertEquals(Optional.of(AGENT), sessions.caller(id));
        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertEquals(Optional.of(AGENT), sessions.caller(id));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), sessions.caller(id));
    }

    @Test
    void signingOutEndsOnlyThatSession() {
        AgentSessions sessions = sessions(SECRET, TOKENS);
        String first = sessions.start(AGENT);
        String second = sessions.start(AGENT);
        assertNotEquals(first, second);

        sessions.end(first);

        assertEquals(Optional.empty(), sessions.caller(first));
        for (char last : "AQgwBCDEFGHIJKLMNOPabcdefghijklmnop0123456789-_".toCharArray()) {
            String respelt = first.substring(0, first.length() - 1) + last;
            assertEquals(Optional.empty(), sessions.caller(respelt), "another spelling of a signed-out id: " + respelt);
        }
        assertEquals(Optional.of(AGENT), sessions.caller(second));
        assertEquals(Optional.empty(), sessions.caller("made-up-session-id"));
        assertEquals(Optional.empty(), sessions.caller("a.b"));
        assertEquals(Optional.empty(), sessions.caller("."));
        assertEquals(Optional.empty(), sessions.caller("%%%.%%%"));
        assertEquals(Optional.empty(), sessions.caller(null));
    }

    @Test
    void anotherReplicaWithTheSameSecretAndTokensAcceptsTheSession() {
        String id = sessions(SECRET, TOKENS).start(new Caller("bob", Role.ADMIN));

        assertEquals(Optional.of(new Caller("bob", Role.ADMIN)), sessions(SECRET, List.of(BOB, ALICE)).caller(id));
        assertEquals(Optional.empty(), sessions(SECRET + "-other", TOKENS).caller(id), "another secret");
    }

    @Test
    void aRotatedRemovedOrRegradedTokenEndsItsSessions() {
        String id = sessions(SECRET, TOKENS).start(AGENT);

        assertEquals(Optional.empty(), sessions(SECRET, List.of(
                new TokenAuthenticator.Token("alice", "alice-new-token", Role.AGENT), BOB)).caller(id), "rotated");
        assertEquals(Optional.empty(), sessions(SECRET, List.of(BOB)).caller(id), "removed");
        assertEquals(Optional.empty(), sessions(SECRET, List.of(
                new TokenAuthenticator.Token("alice", "alice-token-123", Role.ADMIN), BOB)).caller(id), "made admin");
        assertEquals(Optional.of(AGENT), sessions(SECRET, List.of(BOB, ALICE)).caller(id), "unchanged");
    }

    @Test
    void aTamperedSessionIsRefused() {
        AgentSessions sessions = sessions(SECRET, TOKENS);
        String id = sessions.start(AGENT);
        byte[] payload = Base64.getUrlDecoder().decode(id.substring(0, id.indexOf('.')));
        payload[0] ^= 1; // a later expiry
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + id.substring(id.indexOf('.'));

        assertEquals(Optional.empty(), sessions.caller(tampered));
    }

    @Test
    void onlyCallersWithATokenHaveSessions() {
        AgentSessions sessions = sessions(SECRET, TOKENS);
        assertThrows(IllegalArgumentException.class, () -> sessions.start(Caller.ANONYMOUS));
        assertThrows(IllegalArgumentException.class, () -> sessions.start(new Caller("mallory", Role.ADMIN)));
    }
}
