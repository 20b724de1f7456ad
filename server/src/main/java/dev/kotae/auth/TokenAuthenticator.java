package dev.kotae.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves bearer tokens to callers. Tokens are compared as SHA-256 digests in constant time and every
 * configured token is checked, so response time does not reveal how much of a guess was right. Tries
 * from a client address that keeps guessing wrong are throttled ({@link SignInThrottle}).
 */
public final class TokenAuthenticator {

    /** A configured token. */
    public record Token(String name, String token, Role role) {
        public Token {
            if (token == null || token.length() < 8) {
                throw new IllegalArgumentException("token of '" + name + "' must be at least 8 characters");
            }
        }

        @Override
        public String toString() {
            return "Token[name=" + name + ", role=" + role + "]"; // never log the secret
        }
    }

    private record Entry(byte[] digest, Caller caller) {}

    /** What came of a try to sign in with a token. */
    public sealed interface Attempt {
        /** The token is right: it is {@code caller}'s. */
        record Accepted(Caller caller) implements Attempt {}

        /** No configured token is this one. */
        record Refused() implements Attempt {}

        /** The address failed too often: the token was not looked at; try again after {@code retryAfter}. */
        record Throttled(java.time.Duration retryAfter) implements Attempt {}
    }

    private final List<Entry> entries;
    private final SignInThrottle throttle;

    /** @param throttle counts wrong tokens per client address; may be shared with password sign-in */
    public TokenAuthenticator(List<Token> tokens, SignInThrottle throttle) {
        this.entries = tokens.stream().map(t -> new Entry(digest(t.token()), new Caller(t.name(), t.role()))).toList();
        this.throttle = throttle;
    }

    /**
     * Signs in with {@code token} from a client at {@code address} (the peer, or the address a trusted
     * proxy forwarded): a wrong token counts against the address, and an address that failed too often
     * is refused without its token being compared.
     */
    public Attempt attempt(String token, String address) {
        Optional<java.time.Duration> wait = throttle.tryToSignIn(address);
        if (wait.isPresent()) {
            return new Attempt.Throttled(wait.get());
        }
        Optional<Caller> caller = authenticate(token);
        if (caller.isEmpty()) {
            return new Attempt.Refused();
        }
        throttle.succeeded(address);
        return new Attempt.Accepted(caller.get());
    }

    /** The caller holding {@code token}, or empty if no configured token matches; never throttled. */
    Optional<Caller> authenticate(String token) {
        byte[] presented = digest(token);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), presented) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return entries.size();
    }

    /** The SHA-256 digest of a token, as it is compared (and as sessions fingerprint it). */
    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
