package dev.kotae.web;

import dev.kotae.auth.Caller;
import dev.kotae.auth.TokenAuthenticator;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Resolves the {@code Authorization: Bearer} header to a {@link Caller}. No header means anonymous; a
 * wrong token is a 401, not a silent downgrade to anonymous, so a misconfigured client notices.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";
    /** The {@code WWW-Authenticate} challenge of every 401. */
    static final String CHALLENGE = "Bearer realm=\"kotae\"";

    private final TokenAuthenticator authenticator;

    @Inject
    AuthFilter(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Caller caller = Caller.ANONYMOUS;
        if (header != null) {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                request.abortWith(unauthorized("use 'Authorization: Bearer <token>'"));
                return;
            }
            caller = authenticator.authenticate(header.substring(BEARER.length()).strip()).orElse(null);
            if (caller == null) {
                request.abortWith(unauthorized("the bearer token is not valid"));
                return;
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

    private static Response unauthorized(String message) {
        return Response.fromResponse(ApiError.response(401, "unauthorized", message))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    /** The caller of a request that passed this filter. */
    static Caller caller(SecurityContext context) {
        return context.getUserPrincipal() instanceof Caller caller ? caller : Caller.ANONYMOUS;
    }
}
