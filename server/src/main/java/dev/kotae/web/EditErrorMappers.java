package dev.kotae.web;

import dev.kotae.editing.EditConflictException;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.http.Callers;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The editing API's answers to what {@link dev.kotae.editing.EditorService} refuses, in one place: the
 * resources let its checked exceptions through, and these turn them into the API's errors (through
 * {@link ErrorMappers.Web}, so they are shaped like every other error). The editor pages catch the same
 * exceptions themselves and show them in the form.
 */
final class EditErrorMappers {

    private EditErrorMappers() {}

    /**
     * 412 {@code edit_conflict} when the caller named the version it started from ({@code If-Match}) and
     * it is stale; 409 when it did not (a draft or an article with that id appeared meanwhile).
     */
    static final class Conflict implements ExceptionMapper<EditConflictException> {
        private final Provider<ContainerRequestContext> request;
        private final ErrorMappers.Web web;

        @Inject
        Conflict(Provider<ContainerRequestContext> request) {
            this.request = request;
            this.web = new ErrorMappers.Web(request);
        }

        @Override
        public Response toResponse(EditConflictException e) {
            boolean named = request.get().getHeaderString(HttpHeaders.IF_MATCH) != null;
            return web.toResponse(EditRequests.conflict(e, named ? 412 : 409));
        }
    }

    /** 403 {@code forbidden}, or 401 with the challenge for an anonymous caller. */
    static final class NotAllowed implements ExceptionMapper<EditNotAllowedException> {
        private final Provider<ContainerRequestContext> request;
        private final ErrorMappers.Web web;

        @Inject
        NotAllowed(Provider<ContainerRequestContext> request) {
            this.request = request;
            this.web = new ErrorMappers.Web(request);
        }

        @Override
        public Response toResponse(EditNotAllowedException e) {
            return web.toResponse(EditRequests.notAllowed(e, Callers.caller(request.get().getSecurityContext())));
        }
    }

    /** Its own 4xx status, naming the field at fault. */
    static final class Rejected implements ExceptionMapper<EditRejectedException> {
        private final ErrorMappers.Web web;

        @Inject
        Rejected(Provider<ContainerRequestContext> request) {
            this.web = new ErrorMappers.Web(request);
        }

        @Override
        public Response toResponse(EditRejectedException e) {
            return web.toResponse(EditRequests.rejected(e));
        }
    }
}
