package dev.kotae.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentSessionsTest {

    private static final Caller AGENT = new Caller("alice", Role.AGENT);

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-22T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSessionNamesItsCallerUntilItExpires() {
        ManualClock clock = new ManualClock();
        AgentSessions sessions = new AgentSessions(Duration.ofHours(12), clock);
        String id = sessions.start(AGENT);

        assertTrue(id.matches("[A-Za-z0-9_-]{43}"), id);
        assertEquals(Optional.of(AGENT), sessions.caller(id));
        clock.now = clock.now.plus(Duration.ofHours(12).minusSeconds(1));
        assertEquals(Optional.of(AGENT), sessions.caller(id));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(Optional.empty(), sessions.caller(id));
        assertEquals(0, sessions.size());
    }

    @Test
    void signingOutEndsOnlyThatSession() {
        AgentSessions sessions = new AgentSessions(Duration.ofHours(1));
        String first = sessions.start(AGENT);
        String second = sessions.start(AGENT);
        assertNotEquals(first, second);

        sessions.end(first);

        assertEquals(Optional.empty(), sessions.caller(first));
        assertEquals(Optional.of(AGENT), sessions.caller(second));
        assertEquals(Optional.empty(), sessions.caller("made-up-session-id"));
        assertEquals(Optional.empty(), sessions.caller(null));
    }

    @Test
    void anonymousCallersHaveNoSession() {
        assertThrows(IllegalArgumentException.class, () -> new AgentSessions(Duration.ofHours(1)).start(Caller.ANONYMOUS));
    }

    @Test
    void theNumberOfSessionsIsBounded() {
        AgentSessions sessions = new AgentSessions(Duration.ofHours(1));
        for (int i = 0; i < AgentSessions.MAX_SESSIONS + 5; i++) {
            sessions.start(AGENT);
        }
        assertEquals(AgentSessions.MAX_SESSIONS, sessions.size());
    }
}
