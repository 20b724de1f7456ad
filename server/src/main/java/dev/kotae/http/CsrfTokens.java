package dev.kotae.http;

import dev.kotae.auth.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery tokens for forms and for the pages' own scripts. A token is an HMAC of the
 * browser's {@link BrowserCookies#CSRF} cookie (and, once signed in, its session cookie) under a key
 * derived from the {@link SigningKey}: a forged request from another site can neither read those HttpOnly
 * cookies nor compute the token. Every replica that
 * shares the signing key accepts the tokens of the others, and a form left open across a restart still
 * posts.
 */
public final class CsrfTokens {

    /** The header the pages' scripts send the token in. */
    public static final String HEADER = "X-Kotae-CSRF";
    /** The form field forms send it in. */
    public static final String FIELD = "csrf";

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    public CsrfTokens(SigningKey signing) {
        this.key = signing.derive("csrf");
    }

    /** A fresh random value for the {@link BrowserCookies#CSRF} cookie. */
    public String newBinding() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The token a page embeds for a browser whose cookie holds {@code binding} and, once signed in, whose
     * session cookie holds {@code session} ({@code null} for none). Bound to the session too, so a CSRF
     * cookie someone planted in the browser (from a sibling subdomain, say) with a token of theirs does
     * not let them post as the person signed in: they cannot know the session.
     */
    public String token(String binding, String session) {
        String bound = session == null || session.isEmpty() ? binding : binding + "\n" + session;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SigningKey.hmac(key, bound.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code token} was issued for {@code binding} and {@code session}; compared in constant time. */
    public boolean valid(String binding, String session, String token) {
        if (binding == null || token == null || binding.isEmpty() || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(token(binding, session).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
