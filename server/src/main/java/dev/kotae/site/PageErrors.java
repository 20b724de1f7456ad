package dev.kotae.site;

import dev.kotae.http.Callers;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A page that cannot be shown becomes an HTML error page, never JSON or a stack trace. */
final class PageErrors implements ExceptionMapper<PageException> {

    private final Site site;
    /** The request being answered; one mapper serves all requests. */
    @Inject
    private Provider<ContainerRequestContext> request;

    PageErrors(Site site) {
        this.site = site;
    }

    @Override
    public Response toResponse(PageException e) {
        ContainerRequestContext current = request.get();
        return site.error(current, Callers.caller(current.getSecurityContext()), e);
    }
}
