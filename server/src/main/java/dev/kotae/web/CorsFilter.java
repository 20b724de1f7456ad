package dev.kotae.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Lets any site use the public API and embed widgets (a contact form on the shop's own domain calls the
 * help center). Only anonymous use is allowed cross-origin: {@code Authorization} is not an allowed
 * header and credentials are never allowed, so a page elsewhere cannot use an agent's token or cookie,
 * and internal articles stay out of reach. Admin endpoints get no CORS headers at all.
 */
@PreMatching
final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final List<String> PUBLIC_PATHS = List.of("api/v1/search", "api/v1/suggest", "api/v1/articles",
            "api/v1/categories", "api/v1/events", "api/v1/widgets/", "widgets/");
    private static final String ALLOWED_HEADERS = "Content-Type, " + Sessions.HEADER;

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && request.getHeaderString("Origin") != null
                && isPublic(request)) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Allow-Methods", "GET, POST")
                    .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", "600")
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString("Origin") != null && isPublic(request)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
        }
    }

    private static boolean isPublic(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return PUBLIC_PATHS.stream().anyMatch(relative::startsWith);
    }
}
