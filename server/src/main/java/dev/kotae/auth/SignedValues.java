package dev.kotae.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Values the server hands to a browser and takes back unchanged (a session id, a device cookie), signed so
 * that nothing need be kept on the server and every replica that shares the {@link SigningKey} accepts them.
 *
 * <p>A value is {@code b64url(payload) "." b64url(signature)}: the payload is when it expires (8 bytes,
 * epoch seconds), {@link #RANDOM} random bytes, then the caller's body; the signature is HMAC-SHA256 of
 * the payload under a key derived for one purpose, cut to 128 bits. Each user lays out its own body.
 */
final class SignedValues {

    /** How many random bytes follow the expiry: a nonce, or a device id. */
    static final int RANDOM = 16;
    /** The signature is HMAC-SHA256 cut to 128 bits, as much as the random part. */
    private static final int SIGNATURE = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;
    private final int maxLength;
    private final Clock clock;

    /**
     * @param key the key for this purpose alone ({@link SigningKey#derive})
     * @param maxLength longer values are none of ours: refused before decoding
     * @param clock when a value is sealed and opened
     */
    SignedValues(byte[] key, int maxLength, Clock clock) {
        this.key = key.clone();
        this.maxLength = maxLength;
        this.clock = clock;
    }

    /** A new value holding {@code body}, valid for {@code lifetime} from now. */
    String seal(byte[] body, Duration lifetime) {
        byte[] randomBytes = new byte[RANDOM];
        random.nextBytes(randomBytes);
        byte[] payload = ByteBuffer.allocate(Long.BYTES + RANDOM + body.length)
                .putLong(clock.instant().plus(lifetime).getEpochSecond()).put(randomBytes).put(body).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /**
     * The random part and the body of {@code value} (a buffer positioned at the random part) if this key
     * sealed it and it has not expired; empty for {@code null}, a forged, altered or expired value.
     */
    Optional<ByteBuffer> open(String value) {
        if (value == null || value.length() > maxLength) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(value.substring(0, dot));
            signature = DECODER.decode(value.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Only the one spelling we issue: Base64 ignores a last character's unused bits, so several strings
        // decode to one value, and one refused by its spelling (a signed-out id) must not come back as another.
        if (payload.length < Long.BYTES + RANDOM
                || !value.equals(ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature))
                || !MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(payload);
        if (!clock.instant().isBefore(Instant.ofEpochSecond(read.getLong()))) {
            return Optional.empty();
        }
        return Optional.of(read.slice());
    }

    private byte[] sign(byte[] payload) {
        return Arrays.copyOf(SigningKey.hmac(key, payload), SIGNATURE);
    }
}
