package dev.kotae.plugin;

import java.util.List;
import java.util.Map;

/**
 * A request to a widget's endpoint, already decoded by the server.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the path below {@code /api/v1/widgets/<plugin-id>/}, without a leading slash (may be empty)
 * @param query the query parameters, decoded
 * @param body the request body as UTF-8 text ({@code POST}; at most 64 KiB), or an empty string
 * @param sessionId the anonymous session id the browser sent ({@code X-Kotae-Session}), or {@code null}
 *
 * @since 1.0
 */
public record WidgetRequest(String method, String path, Map<String, List<String>> query, String body,
        String sessionId) {

    public WidgetRequest {
        query = Map.copyOf(query);
        body = body == null ? "" : body;
    }

    /** The first value of a query parameter, or {@code null}. */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
