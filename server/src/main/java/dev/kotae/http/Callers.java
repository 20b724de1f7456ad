package dev.kotae.http;

import dev.kotae.auth.Caller;
import jakarta.ws.rs.core.SecurityContext;

/** Who made a request, as the API's and the pages' resources ask it. */
public final class Callers {

    private Callers() {}

    /**
     * The caller of a request that passed the authentication filter ({@code web.AuthFilter}), which put
     * it in the request's security context; anonymous for any other principal or none.
     */
    public static Caller caller(SecurityContext context) {
        return context.getUserPrincipal() instanceof Caller caller ? caller : Caller.ANONYMOUS;
    }
}
