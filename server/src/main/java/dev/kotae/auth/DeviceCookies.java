package dev.kotae.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
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
    /** Longer values are no cookie of ours: refused before decoding. */
    private static final int MAX_LENGTH = 300;

    private final SignedValues values;

    /** @param clock when a cookie is issued and checked (a test's clock moves to see one expire) */
    public DeviceCookies(SigningKey signing, Clock clock) {
        this.values = new SignedValues(signing.derive("device"), MAX_LENGTH, clock);
    }

    /** A new cookie value for the browser that {@code accountName} (lower case) just signed in from. */
    public String issue(String accountName) {
        return values.seal(accountName.getBytes(StandardCharsets.UTF_8), LIFETIME);
    }

    /**
     * The device id in {@code cookie} if it is a value this key signed for exactly {@code accountName} (lower
     * case) and has not expired; empty for {@code null}, a forged, altered, expired or other name's value.
     * The device id is the value's random part.
     */
    public Optional<String> device(String cookie, String accountName) {
        return values.open(cookie).flatMap(read -> {
            byte[] deviceId = new byte[SignedValues.RANDOM];
            read.get(deviceId);
            byte[] name = new byte[read.remaining()];
            read.get(name);
            if (name.length == 0 || !MessageDigest.isEqual(name, accountName.getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            return Optional.of(ENCODER.encodeToString(deviceId));
        });
    }
}
