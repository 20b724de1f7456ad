package dev.kotae.editing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Names made from content: published versions are digests of the file's bytes, draft revisions are
 * random, and file names get ASCII slugs.
 */
final class Versions {

    private Versions() {}

    /** The first 20 hex digits of the SHA-256 of {@code bytes}: the same file always has the same version. */
    static String of(byte[] bytes) {
        return sha256(bytes).substring(0, 20);
    }

    /** The SHA-256 of {@code bytes} in lower-case hex (64 digits). */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * {@code Gift Wrapping & Noshi} → {@code gift-wrapping-noshi}: lower-case ASCII letters and digits
     * joined by single hyphens, at most {@code maxLength} long; accents are dropped and anything else is a
     * separator, so only a name's ASCII letters and digits are left.
     */
    static String slug(String text, int maxLength) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > maxLength ? slug.substring(0, maxLength).replaceAll("-+$", "") : slug;
    }

    static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A new draft revision: never equal to an earlier one, even for the same text saved twice. */
    static String newRevision() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
