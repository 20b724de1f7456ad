package dev.kotae.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's error body: {@code {"error": {"code": "bad_request", "message": "..."}}}. Every error the
 * server sends, from Jersey or from Jetty itself, has this shape.
 */
public record ApiError(Body error) {

    /**
     * A stable machine-readable code and a message for people, and for some errors further properties
     * beside them (an edit conflict's {@code currentVersion} and {@code diff}, a refused {@code field}).
     */
    public record Body(String code, String message, @JsonAnyGetter Map<String, Object> details) {
        /** Keeps the details' order; {@code null} values are left out. */
        public Body {
            Map<String, Object> present = new LinkedHashMap<>();
            if (details != null) {
                details.forEach((key, value) -> {
                    if (value != null) {
                        present.put(key, value);
                    }
                });
            }
            details = Collections.unmodifiableMap(present);
        }

        public Body(String code, String message) {
            this(code, message, Map.of());
        }
    }

    public static ApiError of(String code, String message) {
        return new ApiError(new Body(code, message));
    }

    /** An error with further properties beside code and message (null values are left out). */
    public static ApiError of(String code, String message, Map<String, Object> details) {
        return new ApiError(new Body(code, message, details));
    }

    /** This error as JSON, for answers written by Jetty rather than through JAX-RS. */
    public byte[] toJson() {
        try {
            return JsonMapper.INSTANCE.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body of strings and plain details always serializes", e);
        }
    }

    /** A JSON error response. */
    public static Response response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(of(code, message)).build();
    }

    /** The default code for an HTTP status. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            case 505 -> "http_version_not_supported";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    /** The default message for an HTTP status, safe to show (no internals). */
    public static String messageFor(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 401 -> "a valid bearer token is required";
            case 403 -> "your role may not do this";
            case 404 -> "not found";
            case 405 -> "method not allowed here";
            case 406 -> "only application/json responses are available here";
            case 413 -> "the request body is too large";
            case 414 -> "the URL is too long";
            case 415 -> "this media type is not accepted here";
            case 431 -> "the request headers are too large";
            case 503 -> "the server is not ready yet";
            case 505 -> "only HTTP/1.0 and HTTP/1.1 are served";
            default -> status >= 500 ? "internal error; it has been logged" : "the request was refused";
        };
    }
}
