package dev.kotae.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.net.InetAddress;
import java.time.Duration;

/**
 * The cookies the help-center pages set, and how: every one {@code HttpOnly} unless a script must read
 * it, {@code SameSite=Lax} (sent when an agent follows a link from a ticket, never with a cross-site
 * form post), {@code Path=/}, and {@code Secure} as {@code site.secureCookies} decides.
 */
public final class BrowserCookies {

    /** The signed-in agent's session id. */
    public static final String SESSION = "kotae_session";
    /** A random value that CSRF tokens are bound to (a double-submit secret the page cannot read). */
    public static final String CSRF = "kotae_csrf";
    /** The anonymous visitor id analytics groups events by; a script reads it, so not HttpOnly. */
    public static final String VISITOR = "kotae_visitor";
    /**
     * A browser someone signed in from with their password ({@link dev.kotae.auth.DeviceCookies}): their
     * later tries are throttled apart from strangers' tries for the same name. Kept across sign-out.
     */
    public static final String DEVICE = "kotae_device";
    /** The chosen UI language. */
    public static final String LANGUAGE = "kotae_lang";

    private final Boolean secure;

    /** @param secure {@code true}/{@code false} to force the {@code Secure} flag, {@code null} for automatic */
    public BrowserCookies(Boolean secure) {
        this.secure = secure;
    }

    /** The value of a request cookie, or {@code null}. */
    public static String value(ContainerRequestContext request, String name) {
        Cookie cookie = request.getCookies().get(name);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    /** A cookie that lasts for the browser session, or for {@code maxAge} when given. */
    public NewCookie cookie(ContainerRequestContext request, String name, String value, Duration maxAge,
            boolean httpOnly) {
        NewCookie.Builder builder = new NewCookie.Builder(name).value(value).path("/").httpOnly(httpOnly)
                .sameSite(NewCookie.SameSite.LAX).secure(isSecure(request));
        if (maxAge != null) {
            builder.maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()));
        }
        return builder.build();
    }

    /** A cookie that tells the browser to forget {@code name}. */
    public NewCookie expired(ContainerRequestContext request, String name) {
        return cookie(request, name, "", Duration.ZERO, true);
    }

    /**
     * Whether cookies to this request get {@code Secure}: forced by configuration, else when the request
     * came over HTTPS (directly or per a proxy's {@code X-Forwarded-Proto}) or to a loopback address,
     * which browsers treat as a secure origin even over plain HTTP.
     */
    boolean isSecure(ContainerRequestContext request) {
        if (secure != null) {
            return secure;
        }
        if (request.getSecurityContext().isSecure() || "https".equals(request.getUriInfo().getRequestUri().getScheme())) {
            return true;
        }
        String host = request.getUriInfo().getRequestUri().getHost();
        if (host == null) {
            return false;
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        try {
            return isLiteralAddress(host) && InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Only IP literals are resolved, so a Host header never triggers a DNS lookup. */
    private static boolean isLiteralAddress(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }
}
