package dev.kotae.web;

import dev.kotae.auth.AgentSessions;
import dev.kotae.auth.Caller;
import dev.kotae.auth.SignInThrottle;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.http.BrowserCookies;
import dev.kotae.http.CsrfTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Resolves the {@code Authorization: Bearer} header to a {@link Caller}. No header means anonymous; a
 * wrong token is a 401, not a silent downgrade to anonymous, so a misconfigured client notices; an
 * address that sent too many wrong tokens gets a 429 with {@code Retry-After} until it may try again.
 *
 * <p>Without a header, a signed-in agent's session cookie (from the help-center sign-in page) counts too,
 * so the pages' own scripts see what the agent may see. A cookie is sent by the browser on its own, so
 * for anything but a read it counts only with the page's CSRF token in {@link CsrfTokens#HEADER};
 * otherwise the request goes on as anonymous.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";
    /** The {@code WWW-Authenticate} challenge of every 401. */
    static final String CHALLENGE = "Bearer realm=\"kotae\"";

    private final TokenAuthenticator authenticator;
    private final AgentSessions sessions;
    private final CsrfTokens csrf;
    /** A proxy to the request being filtered; read only for requests that carry a token. */
    @Context
    private HttpServletRequest servletRequest;

    AuthFilter(TokenAuthenticator authenticator, AgentSessions sessions, CsrfTokens csrf) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Caller caller = Caller.ANONYMOUS;
        if (header != null) {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                request.abortWith(unauthorized(request, "use 'Authorization: Bearer <token>'"));
                return;
            }
            TokenAuthenticator.Attempt attempt =
                    authenticator.attempt(header.substring(BEARER.length()).strip(), servletRequest.getRemoteAddr());
            if (attempt instanceof TokenAuthenticator.Attempt.Throttled throttled) {
                request.abortWith(tooManyTries(request, throttled.retryAfter()));
                return;
            }
            if (!(attempt instanceof TokenAuthenticator.Attempt.Accepted accepted)) {
                request.abortWith(unauthorized(request, "the bearer token is not valid"));
                return;
            }
            caller = accepted.caller();
        } else {
            String session = BrowserCookies.value(request, BrowserCookies.SESSION);
            if (session != null && (isRead(request) || csrf.valid(BrowserCookies.value(request, BrowserCookies.CSRF),
                    session, request.getHeaderString(CsrfTokens.HEADER)))) {
                caller = sessions.caller(session).orElse(Caller.ANONYMOUS);
            }
        }
        boolean secure = request.getSecurityContext().isSecure();
        Caller resolved = caller;
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return resolved;
            }

            @Override
            public boolean isUserInRole(String role) {
                return resolved.role() != null && resolved.role().name().equalsIgnoreCase(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return resolved.isAnonymous() ? null : "Bearer";
            }
        });
    }

    /**
     * The answer to a client that guessed wrong too often (its token was not looked at): JSON, or on a
     * help-center page route the short error page, with {@code Retry-After}.
     */
    private static Response tooManyTries(ContainerRequestContext request, java.time.Duration wait) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        return Response.fromResponse(JettyErrorHandler.answer(path, 429, "too_many_attempts",
                        "too many failed sign-in tries from this address; try again later"))
                .header(HttpHeaders.RETRY_AFTER, SignInThrottle.seconds(wait)).build();
    }

    /** A 401 with the challenge: JSON, or on a help-center page route the short error page. */
    private static Response unauthorized(ContainerRequestContext request, String message) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        return Response.fromResponse(JettyErrorHandler.answer(path, 401, "unauthorized", message))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    private static boolean isRead(ContainerRequestContext request) {
        String method = request.getMethod();
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
