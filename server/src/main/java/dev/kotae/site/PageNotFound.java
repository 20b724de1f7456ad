package dev.kotae.site;

import dev.kotae.auth.Caller;
import dev.kotae.http.ApiError;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * An unknown address: a browser following a dead link gets the help center's 404 page, an API client
 * (anything under {@code /api/}, or not asking for HTML) the usual JSON error.
 */
final class PageNotFound implements ExceptionMapper<NotFoundException> {

    private final Site site;
    /** The request being answered; one mapper serves all requests. */
    @Inject
    private Provider<ContainerRequestContext> request;

    PageNotFound(Site site) {
        this.site = site;
    }

    @Override
    public Response toResponse(NotFoundException e) {
        ContainerRequestContext current = request.get();
        String path = current.getUriInfo().getPath(false);
        boolean wantsPage = !path.startsWith("/api/") && !path.startsWith("api/")
                && current.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE)
                        && !t.isWildcardType());
        if (!wantsPage) {
            return ApiError.response(404, ApiError.codeFor(404), ApiError.messageFor(404));
        }
        // Unmatched requests have not passed the auth filter; the page is the same for everyone anyway.
        return site.error(current, Caller.ANONYMOUS, 404);
    }
}
