package dev.kotae.plugin;

import java.util.Objects;

/**
 * A widget endpoint's answer. The server adds CORS and security headers; bodies are sent as UTF-8.
 * Use the factories ({@link #json}, {@link #error}, {@link #badRequest}, {@link #notFound}) or
 * {@link #builder()} rather than the constructor, whose parameter list may grow in a minor version.
 *
 * @param status the HTTP status
 * @param contentType the media type, e.g. {@code application/json}
 * @param body the body text
 * @since 1.0
 */
public record WidgetResponse(int status, String contentType, String body) {

    private static final String JSON = "application/json";

    /** 200 with a JSON body you have already serialised. */
    public static WidgetResponse json(String json) {
        return new WidgetResponse(200, JSON, json);
    }

    /**
     * An error in the server's JSON shape, {@code {"error":{"code":"...","message":"..."}}}, which the
     * server's own endpoints use too; the message is JSON-escaped here.
     *
     * @param status a 4xx or 5xx status: a customer's bad input is a 4xx, never a 500
     * @param code a short machine-readable code such as {@code bad_request} or {@code rate_limited}
     * @param message a sentence for the person reading it
     * @throws IllegalArgumentException for a status outside 400-599
     * @since 1.0
     */
    public static WidgetResponse error(int status, String code, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 400-599, not " + status);
        }
        return new WidgetResponse(status, JSON, errorJson(Objects.requireNonNull(code, "code"),
                Objects.requireNonNull(message, "message")));
    }

    /** 400 with the server's JSON error shape: {@code error(400, "bad_request", message)}. */
    public static WidgetResponse badRequest(String message) {
        return error(400, "bad_request", message);
    }

    /** 404 with the server's JSON error shape. */
    public static WidgetResponse notFound() {
        return error(404, "not_found", "no such widget endpoint");
    }

    /**
     * A builder starting from {@code 200 application/json} with an empty body.
     *
     * @since 1.0
     */
    public static Builder builder() {
        return new Builder();
    }

    private static String errorJson(String code, String message) {
        return "{\"error\":{\"code\":\"" + escape(code) + "\",\"message\":\"" + escape(message) + "\"}}";
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Collects a {@link WidgetResponse}'s fields by name.
     *
     * @since 1.0
     */
    public static final class Builder {

        private int status = 200;
        private String contentType = JSON;
        private String body = "";

        private Builder() {}

        public Builder status(int value) {
            this.status = value;
            return this;
        }

        /** The media type; a text type should name its charset only if it is UTF-8. */
        public Builder contentType(String value) {
            this.contentType = value;
            return this;
        }

        public Builder body(String value) {
            this.body = value;
            return this;
        }

        /**
         * The response.
         *
         * @throws IllegalArgumentException for a status outside 100-599
         * @throws NullPointerException when the content type or body was set to {@code null}
         */
        public WidgetResponse build() {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("not an HTTP status: " + status);
            }
            return new WidgetResponse(status, Objects.requireNonNull(contentType, "contentType"),
                    Objects.requireNonNull(body, "body"));
        }
    }
}
