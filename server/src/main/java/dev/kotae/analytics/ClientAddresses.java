package dev.kotae.analytics;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client addresses as analytics keeps them: an HMAC-SHA256 under a key of the server's own (derived from
 * its signing key), cut to 128 bits. Distinct addresses stay distinct, so learning can count them, but the
 * address cannot be recovered from the database nor confirmed by hashing guesses without the key; replicas
 * that share the signing key hash an address alike.
 *
 * <p>Also tells requests that look automated apart: crawlers and scripts by their {@code User-Agent}, and
 * a browser's speculative pre-fetch by {@code Sec-Purpose} or {@code Purpose}.
 */
public final class ClientAddresses {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int HASH_BYTES = 16;
    /**
     * User agents that announce a robot or a scripted client. Java's own HTTP client is not among them on
     * purpose: integrations and the relevance evaluation search with it on visitors' behalf.
     */
    private static final Pattern AUTOMATED_AGENT = Pattern.compile(
            "(?i)bot\\b|bot/|crawl|spider|slurp|headless|lighthouse|preview|facebookexternalhit|python-requests"
                    + "|python-urllib|scrapy|curl/|wget/|go-http-client|phantomjs|httrack|monitor");

    /** One initialised Mac per request thread: every search hashes its address, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs;

    /** @param key a key for this purpose alone (e.g. {@code SigningKey.derive("client-address")}) */
    public ClientAddresses(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        });
    }

    /** The keyed hash of {@code address} (URL-safe Base64, 22 characters), or {@code null} for none. */
    public String hash(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        byte[] digest = macs.get().doFinal(address.strip().getBytes(StandardCharsets.UTF_8)); // doFinal resets it
        byte[] cut = new byte[HASH_BYTES];
        System.arraycopy(digest, 0, cut, 0, HASH_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cut);
    }

    /**
     * Whether a request with these headers looks automated: a robot's or script's {@code User-Agent}, or a
     * pre-fetch ({@code Sec-Purpose: prefetch}, {@code Purpose: prefetch}), which no person asked for.
     */
    public static boolean looksAutomated(String userAgent, String secPurpose, String purpose) {
        if (isPrefetch(secPurpose) || isPrefetch(purpose)) {
            return true;
        }
        return userAgent != null && AUTOMATED_AGENT.matcher(userAgent).find();
    }

    private static boolean isPrefetch(String header) {
        return header != null && header.toLowerCase(java.util.Locale.ROOT).contains("prefetch");
    }

    /**
     * The requester of a request from {@code address} (the client's, as the server's trusted-proxy handling
     * resolved it), by an anonymous visitor or a signed-in caller, whose headers {@code headers} gives by name.
     */
    public Requester requester(boolean signedIn, String address, Function<String, String> headers) {
        return new Requester(signedIn ? Requester.AGENTS : Requester.PUBLIC, hash(address),
                looksAutomated(headers.apply("User-Agent"), headers.apply("Sec-Purpose"), headers.apply("Purpose")));
    }
}
