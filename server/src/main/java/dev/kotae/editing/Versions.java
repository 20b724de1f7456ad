package dev.kotae.editing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Version names: published versions are digests of the file's bytes, draft revisions are random. */
final class Versions {

    private Versions() {}

    /** The first 20 hex digits of the SHA-256 of {@code bytes}: the same file always has the same version. */
    static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A new draft revision: never equal to an earlier one, even for the same text saved twice. */
    static String newRevision() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
