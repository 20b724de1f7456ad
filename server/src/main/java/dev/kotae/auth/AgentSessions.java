package dev.kotae.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in web sessions: an agent proves a token once on the sign-in page and then carries a random
 * session id in a cookie instead of the token. Sessions live in memory and end at a fixed time after
 * sign-in (an agent's shift), on sign-out, or when the server restarts; the token itself is never stored
 * in the browser.
 */
public final class AgentSessions {

    /** Bounds memory if something signs in in a loop; the oldest sessions go first. */
    static final int MAX_SESSIONS = 10_000;

    private record Session(Caller caller, Instant expiresAt) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration lifetime;
    private final Clock clock;

    public AgentSessions(Duration lifetime) {
        this(lifetime, Clock.systemUTC());
    }

    AgentSessions(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Starts a session for a signed-in caller and returns its id (256 random bits, URL-safe). */
    public String start(Caller caller) {
        if (caller.isAnonymous()) {
            throw new IllegalArgumentException("only a signed-in caller has a session");
        }
        purgeExpired();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.entrySet().stream().min(Map.Entry.comparingByValue(
                    java.util.Comparator.comparing(Session::expiresAt))).ifPresent(e -> sessions.remove(e.getKey()));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(caller, clock.instant().plus(lifetime)));
        return id;
    }

    /** The caller of a live session, or empty for an unknown, ended or expired id. */
    public Optional<Caller> caller(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session.caller());
    }

    /** Ends a session (sign-out); unknown ids are ignored. */
    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    public int size() {
        return sessions.size();
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next().expiresAt())) {
                it.remove();
            }
        }
    }
}
