package dev.kotae.web;

import dev.kotae.editing.EditConflictException;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.http.ApiException;
import dev.kotae.http.Callers;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The editing API's answers to what {@link dev.kotae.editing.EditorService} refuses, in one place: the
 * resources let its checked exceptions through, and these turn them into the API's errors (through
 * {@link ErrorMappers.Web}, so they are shaped like every other error). The editor pages catch the same
 * exceptions themselves and show them in the form.
 */
abstract sealed class EditErrorMappers<E extends Exception> implements ExceptionMapper<E> {

    private final Provider<ContainerRequestContext> request;
    private final ErrorMappers.Web web;

    EditErrorMappers(Provider<ContainerRequestContext> request) {
        this.request = request;
        this.web = new ErrorMappers.Web(request);
    }

    @Override
    public final Response toResponse(E e) {
        return web.toResponse(error(e, request.get()));
    }

    /** The API error for {@code e}, refused while answering {@code request}. */
    abstract WebApplicationException error(E e, ContainerRequestContext request);

    /**
     * 412 {@code edit_conflict} when the caller named the version it started from ({@code If-Match}) and
     * it is stale; 409 when it did not (a draft or an article with that id appeared meanwhile). Both carry
     * what to start again from and a diff to merge by hand.
     */
    static final class Conflict extends EditErrorMappers<EditConflictException> {
        @Inject
        Conflict(Provider<ContainerRequestContext> request) {
            super(request);
        }

        @Override
        WebApplicationException error(EditConflictException e, ContainerRequestContext request) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("currentVersion", e.currentVersion());
            details.put("diff", e.diff());
            int status = request.getHeaderString(HttpHeaders.IF_MATCH) != null ? 412 : 409;
            return new ApiException(status, "edit_conflict", e.getMessage(), details);
        }
    }

    /** 403 {@code forbidden}, or 401 with the challenge for an anonymous caller. */
    static final class NotAllowed extends EditErrorMappers<EditNotAllowedException> {
        @Inject
        NotAllowed(Provider<ContainerRequestContext> request) {
            super(request);
        }

        @Override
        WebApplicationException error(EditNotAllowedException e, ContainerRequestContext request) {
            if (Callers.caller(request.getSecurityContext()).isAnonymous()) {
                return new NotAuthorizedException(AuthFilter.CHALLENGE);
            }
            return new ApiException(403, "forbidden", e.getMessage());
        }
    }

    /**
     * Its own 4xx status, naming the field at fault: 404 is the API's plain {@code not_found}, 415 for an
     * image {@code unsupported_image}.
     */
    static final class Rejected extends EditErrorMappers<EditRejectedException> {
        @Inject
        Rejected(Provider<ContainerRequestContext> request) {
            super(request);
        }

        @Override
        WebApplicationException error(EditRejectedException e, ContainerRequestContext request) {
            String code = switch (e.status()) {
                case 404 -> "not_found";
                case 409 -> "conflict";
                case 413 -> "body_too_large";
                case 415 -> "unsupported_image";
                case 428 -> "precondition_required";
                case 503 -> "history_unavailable";
                default -> "invalid_" + (e.field() == null ? "request" : "field");
            };
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("field", e.field());
            // The contract promises a 4xx, or a 503 when the history cannot keep a file before it is replaced
            // (nothing changed; try again); anything else would be a bug in the service.
            int status = e.status() >= 400 && e.status() < 500 || e.status() == 503 ? e.status() : 400;
            return new ApiException(status, code, e.getMessage(), details);
        }
    }
}
