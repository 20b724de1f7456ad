package dev.kotae.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Headers every response carries: no MIME sniffing, no referrer leaks, and no caching of answers that
 * depend on who asked (an agent's search must not be served to the next customer by a shared cache).
 */
final class SecurityHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "strict-origin-when-cross-origin");
        if (request.getHeaderString("Authorization") != null) {
            headers.putSingle("Cache-Control", "private, no-store");
        } else if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-cache");
        }
        headers.putSingle("Vary", "Authorization");
    }
}
