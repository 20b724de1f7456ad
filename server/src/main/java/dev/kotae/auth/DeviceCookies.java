package dev.kotae.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Device cookies (OWASP's answer to a per-account throttle that anyone can use to keep a person out): after
 * a right password the browser gets a value signed for that account name, and a later sign-in try that
 * carries one for the name typed is throttled per device instead of per account name. A stranger who
 * spends a name's allowance then slows only the browsers that never signed in as that person; the
 * person's own browser still gets in. A copied cookie gives its holder no more than one device's
 * allowance for that one name, and never the password.
 *
 * <p>The value holds its expiry, a random device id and the account name, with an HMAC-SHA256 (cut to 128
 * bits) under a key {@link SigningKey#derive derived} for this purpose alone, so it is valid on every replica
 * that shares the key and nothing is kept on the server. It is not a credential: it never signs anyone in.
 */
public final class DeviceCookies {

    /** How long a browser stays known after its last successful sign-in (the cookie's {@code Max-Age}). */
    public static final Duration LIFETIME = Duration.ofDays(90);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int DEVICE_ID = 16;
    private static final int SIGNATURE = 16;
    /** Longer values are no cookie of ours: refused before decoding. */
    private static final int MAX_LENGTH = 300;

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;
    private final Clock clock;

    /** @param clock when a cookie is issued and checked (a test's clock moves to see one expire) */
    public DeviceCookies(SigningKey signing, Clock clock) {
        this.key = signing.derive("device");
        this.clock = clock;
    }

    /** A new cookie value for the browser that {@code accountName} (lower case) just signed in from. */
    public String issue(String accountName) {
        byte[] name = accountName.getBytes(StandardCharsets.UTF_8);
        byte[] deviceId = new byte[DEVICE_ID];
        random.nextBytes(deviceId);
        byte[] payload = ByteBuffer.allocate(Long.BYTES + DEVICE_ID + name.length)
                .putLong(clock.instant().plus(LIFETIME).getEpochSecond()).put(deviceId).put(name).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /**
     * The device id in {@code cookie} if it is a value this key signed for exactly {@code accountName} (lower
     * case) and has not expired; empty for {@code null}, a forged, altered, expired or other name's value.
     */
    public Optional<String> device(String cookie, String accountName) {
        if (cookie == null || cookie.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(cookie.substring(0, dot));
            signature = DECODER.decode(cookie.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length <= Long.BYTES + DEVICE_ID || !MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(payload);
        if (!clock.instant().isBefore(Instant.ofEpochSecond(read.getLong()))) {
            return Optional.empty();
        }
        byte[] deviceId = new byte[DEVICE_ID];
        read.get(deviceId);
        byte[] name = new byte[read.remaining()];
        read.get(name);
        if (!MessageDigest.isEqual(name, accountName.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(ENCODER.encodeToString(deviceId));
    }

    private byte[] sign(byte[] payload) {
        return Arrays.copyOf(SigningKey.hmac(key, payload), SIGNATURE);
    }
}
