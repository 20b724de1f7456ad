package dev.kotae.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves bearer tokens to callers. Tokens are compared as SHA-256 digests in constant time and every
 * configured token is checked, so response time does not reveal how much of a guess was right.
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

    private final List<Entry> entries;

    public TokenAuthenticator(List<Token> tokens) {
        this.entries = tokens.stream().map(t -> new Entry(digest(t.token()), new Caller(t.name(), t.role()))).toList();
    }

    /** The caller holding {@code token}, or empty if no configured token matches. */
    public Optional<Caller> authenticate(String token) {
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
