package dev.kotae.plugin;

/**
 * A widget endpoint's answer. The server adds CORS and security headers; bodies are sent as UTF-8.
 *
 * @param status the HTTP status
 * @param contentType the media type, e.g. {@code application/json}
 * @param body the body text
 */
public record WidgetResponse(int status, String contentType, String body) {

    /** 200 with a JSON body you have already serialised. */
    public static WidgetResponse json(String json) {
        return new WidgetResponse(200, "application/json", json);
    }

    /** 400 with the server's JSON error shape. */
    public static WidgetResponse badRequest(String message) {
        return new WidgetResponse(400, "application/json", errorJson("bad_request", message));
    }

    /** 404 with the server's JSON error shape. */
    public static WidgetResponse notFound() {
        return new WidgetResponse(404, "application/json", errorJson("not_found", "no such widget endpoint"));
    }

    private static String errorJson(String code, String message) {
        StringBuilder escaped = new StringBuilder();
        for (char c : message.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + escaped + "\"}}";
    }
}
