package dev.kotae.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kotae.search.InvalidRequestException;
import jakarta.ws.rs.WebApplicationException;
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

    static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401 && e.getResponse().hasEntity()) {
                return e.getResponse(); // already an ApiError with its WWW-Authenticate header
            }
            if (e instanceof ApiException api) {
                return ApiError.response(status, api.code(), api.getMessage());
            }
            Response response = ApiError.response(status, ApiError.codeFor(status), ApiError.messageFor(status));
            if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
                return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
            }
            return response;
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
