package dev.kotae.web;

import jakarta.ws.rs.WebApplicationException;

/** An error answer chosen by a resource: status, code and message go to the client as {@link ApiError}. */
public final class ApiException extends WebApplicationException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, status);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found");
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }
}
