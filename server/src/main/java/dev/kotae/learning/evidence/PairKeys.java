package dev.kotae.learning.evidence;

import dev.kotae.learning.Evidence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a (query group, article, scope) pair is keyed in the learning tables: a SHA-256 of the three, since
 * a query group is too long for a portable primary key.
 */
final class PairKeys {

    private PairKeys() {}

    static String of(Evidence.Key key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key.queryGroup().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(key.articleId().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(key.scope().key().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
