package dev.kotae.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kotae.http.ApiError;
import dev.kotae.http.ApiException;
import dev.kotae.http.JsonProblems;
import dev.kotae.util.InvalidRequestException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every exception that leaves a resource into a JSON {@link ApiError}; nothing leaks a stack trace. */
final class ErrorMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {}

    static final class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return ApiError.response(400, e.code(), e.getMessage());
        }
    }

    static final class BadJson implements ExceptionMapper<JsonProcessingException> {
        private final Provider<ContainerRequestContext> request;

        @Inject
        BadJson(Provider<ContainerRequestContext> request) {
            this.request = request;
        }

        @Override
        public Response toResponse(JsonProcessingException e) {
            OptionalInt refused = refusedByJetty(e);
            if (refused.isPresent()) {
                return refusal(request, refused.getAsInt());
            }
            if (bodyStalled(e)) {
                return stalled(request);
            }
            return ApiError.response(400, "bad_json", "the request body is not the expected JSON: " + JsonProblems.describe(e));
        }
    }

    /**
     * Any JAX-RS error, ours ({@link ApiException}) or Jersey's (404 for an unknown path, 405, 415, a
     * {@code NotAuthorizedException}...): the body becomes an {@link ApiError} (on a help-center page
     * route, the short error page), and headers the error set ({@code Allow}, {@code WWW-Authenticate})
     * are kept.
     */
    static final class Web implements ExceptionMapper<WebApplicationException> {
        private final Provider<ContainerRequestContext> request;

        @Inject
        Web(Provider<ContainerRequestContext> request) {
            this.request = request;
        }

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            ApiError body = e instanceof ApiException api
                    ? ApiError.of(api.code(), api.getMessage(), api.details())
                    : ApiError.of(ApiError.codeFor(status), ApiError.messageFor(status));
            // A page route (a form posted to a GET-only page, say) gets the short page, as browsers ask.
            Response shaped = JettyErrorHandler.answer(request.get().getUriInfo().getRequestUri().getRawPath(), status,
                    body);
            return Response.fromResponse(e.getResponse()).entity(shaped.getEntity()).type(shaped.getMediaType()).build();
        }
    }

    static final class Unexpected implements ExceptionMapper<Throwable> {
        private final Provider<ContainerRequestContext> request;

        @Inject
        Unexpected(Provider<ContainerRequestContext> request) {
            this.request = request;
        }

        @Override
        public Response toResponse(Throwable e) {
            OptionalInt refused = refusedByJetty(e);
            if (refused.isPresent()) {
                return refusal(request, refused.getAsInt());
            }
            if (bodyStalled(e)) {
                return stalled(request);
            }
            LOG.error("Unexpected error answering a request", e);
            return ApiError.response(500, "internal_error", ApiError.messageFor(500));
        }
    }

    /**
     * The 4xx status Jetty failed the request with, if {@code e} is (or wraps) such a failure: a body read
     * past {@link RequestBodyLimit} throws Jetty's 413 {@link HttpException} out of whatever was reading
     * it (a form, a JSON reader, a resource's own stream), and that is the caller's fault, not ours.
     */
    static OptionalInt refusedByJetty(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof HttpException jetty && jetty.getCode() >= 400 && jetty.getCode() < 500) {
                return OptionalInt.of(jetty.getCode());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Whether {@code e} is (or wraps) Jetty's idle timeout: the client stopped sending in the middle of its
     * request body (a {@code Content-Length} it never filled, a chunked body left open), so whatever was
     * reading the body gave up after {@code server.idleTimeoutSeconds}. The client's doing, not a fault.
     */
    static boolean bodyStalled(Throwable e) {
        boolean reading = false;
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (reading && cause instanceof TimeoutException) {
                return true;
            }
            reading |= cause instanceof IOException; // Jetty fails the blocked read with its timeout as the cause
        }
        return false;
    }

    /** 408 for a body that stopped arriving; one line in the log, as a client's doing needs no stack trace. */
    private static Response stalled(Provider<ContainerRequestContext> request) {
        String path = request.get().getUriInfo().getRequestUri().getRawPath();
        return JettyErrorHandler.answer(path, 408, stalledBody(request.get().getMethod(), path));
    }

    /**
     * The error for a connection that went silent mid-request, logged in one line. Mostly a body that
     * stopped arriving; a client that stopped reading a long answer fails the same way, though by then the
     * answer has begun and this one is not sent.
     */
    static ApiError stalledBody(String method, String path) {
        LOG.info("Client of {} {} stopped sending (or reading) before the exchange was complete: 408", method, path);
        return ApiError.of("body_timeout", "the request body stopped arriving before it was complete; send it again");
    }

    /** Jetty's refusal as the usual error answer: JSON, or the short page on help-center page routes. */
    private static Response refusal(Provider<ContainerRequestContext> request, int status) {
        String path = request.get().getUriInfo().getRequestUri().getRawPath();
        return JettyErrorHandler.answer(path, status, ApiError.codeFor(status), ApiError.messageFor(status));
    }
}
