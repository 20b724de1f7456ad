package dev.kotae.auth;

import dev.kotae.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that signs what the server hands to browsers (session cookies, CSRF tokens), so that any
 * replica that shares it accepts what another one issued: a load balancer need not be sticky.
 *
 * <p>It is the configured secret ({@code site.sessionSecret}, {@code KOTAE_SESSION_SECRET}) when there is
 * one, the same on every replica; otherwise a random one generated on first start and kept in the data
 * folder, so a single server keeps its signed-in agents across restarts. Each use gets a key of its own
 * derived from it ({@link #derive}), so a value signed for one purpose is never valid for another.
 */
public final class SigningKey {

    /** The file in the data folder that keeps a generated secret. */
    public static final String FILE = "session-secret";
    /** A configured secret shorter than this is refused: it could be guessed offline from one cookie. */
    public static final int MIN_CONFIGURED_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    private SigningKey(byte[] secret) {
        this.secret = secret.clone();
    }

    /**
     * The configured secret if not {@code null}, else the one kept in {@code dataFolder} (created there,
     * readable by the owner only, when missing).
     *
     * @throws IllegalArgumentException if the configured secret is shorter than {@link #MIN_CONFIGURED_LENGTH}
     */
    public static SigningKey load(String configured, Path dataFolder) throws IOException {
        if (configured != null) {
            return of(configured);
        }
        Path file = dataFolder.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            write(file, Base64.getEncoder().encodeToString(bytes));
        }
        String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (kept.isEmpty()) {
            throw new IOException(file + " is empty: delete it to have a new secret generated"
                    + " (everyone signed in will have to sign in again)");
        }
        return new SigningKey(kept.getBytes(StandardCharsets.UTF_8));
    }

    /** A key from a configured secret (the same text on every replica). */
    public static SigningKey of(String configured) {
        if (configured.strip().length() < MIN_CONFIGURED_LENGTH) {
            throw new IllegalArgumentException("site.sessionSecret must be at least " + MIN_CONFIGURED_LENGTH
                    + " characters (for example the output of: openssl rand -base64 32)");
        }
        return new SigningKey(configured.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** A random key that lives as long as this object: for tests, and nothing that must outlive a restart. */
    public static SigningKey random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SigningKey(bytes);
    }

    /** The key for one purpose ({@code "session"}, {@code "csrf"}): HMAC-SHA256 of the purpose under the secret. */
    public byte[] derive(String purpose) {
        return hmac(secret, purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code data} under {@code key}. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Writes the new secret whole or not at all, readable by its owner only where the file system allows. */
    private static void write(Path file, String text) throws IOException {
        AtomicFiles.writeOwnerOnly(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
