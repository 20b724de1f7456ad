package dev.kotae.http;

import jakarta.ws.rs.WebApplicationException;
import java.util.Map;

/** An error answer chosen by a resource: status, code and message go to the client as {@link ApiError}. */
public final class ApiException extends WebApplicationException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Map<String, Object> details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** An error whose body carries {@code details} beside code and message (see {@link ApiError#of(String, String, Map)}). */
    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message, status);
        this.code = code;
        this.details = details;
    }

    public String code() {
        return code;
    }

    /** Further properties of the error body; empty for most errors. */
    public Map<String, Object> details() {
        return details;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found");
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }
}
