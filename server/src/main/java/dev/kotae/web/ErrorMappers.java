package dev.kotae.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kotae.search.InvalidRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
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
        @Override
        public Response toResponse(JsonProcessingException e) {
            return ApiError.response(400, "bad_json", "the request body is not the expected JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Any JAX-RS error, ours ({@link ApiException}) or Jersey's (404 for an unknown path, 405, 415, a
     * {@code NotAuthorizedException}...): the body becomes an {@link ApiError}, and headers the error set
     * ({@code Allow}, {@code WWW-Authenticate}) are kept.
     */
    static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            ApiError body = e instanceof ApiException api
                    ? ApiError.of(api.code(), api.getMessage())
                    : ApiError.of(ApiError.codeFor(status), ApiError.messageFor(status));
            return Response.fromResponse(e.getResponse()).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.error("Unexpected error answering a request", e);
            return ApiError.response(500, "internal_error", ApiError.messageFor(500));
        }
    }
}
