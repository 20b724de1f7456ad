package dev.kotae.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery tokens for forms and for the pages' own scripts. A token is an HMAC of the
 * browser's {@link BrowserCookies#CSRF} cookie under a key only this server knows: a forged request from
 * another site can neither read that HttpOnly cookie nor compute the token. The key is random per
 * process, so a form left open across a restart is refused and simply reloaded.
 */
public final class CsrfTokens {

    /** The header the pages' scripts send the token in. */
    public static final String HEADER = "X-Kotae-CSRF";
    /** The form field forms send it in. */
    public static final String FIELD = "csrf";

    private static final String ALGORITHM = "HmacSHA256";
    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];

    public CsrfTokens() {
        random.nextBytes(key);
    }

    /** A fresh random value for the {@link BrowserCookies#CSRF} cookie. */
    public String newBinding() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token a page embeds for a browser whose cookie holds {@code binding}. */
    public String token(String binding) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(binding.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code token} was issued for {@code binding}; compared in constant time. */
    public boolean valid(String binding, String token) {
        if (binding == null || token == null || binding.isEmpty() || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(token(binding).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
