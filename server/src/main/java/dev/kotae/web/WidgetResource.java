package dev.kotae.web;

import dev.kotae.http.ApiException;
import dev.kotae.plugin.WidgetRequest;
import dev.kotae.plugin.WidgetResponse;
import dev.kotae.plugins.PluginCallException;
import dev.kotae.plugins.Widgets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Widgets' server-side endpoints, {@code /api/v1/widgets/{plugin}/...}: the request is handed to the
 * plugin (time-boxed); a widget that fails answers 502 (504 when it hangs), never takes the server along.
 */
@Path("/api/v1/widgets/{plugin}")
public final class WidgetResource {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Widgets widgets;

    public WidgetResource(Widgets widgets) {
        this.widgets = widgets;
    }

    @GET
    @Path("{path: .*}")
    public Response get(@PathParam("plugin") String plugin, @PathParam("path") String path,
            @HeaderParam(Sessions.HEADER) String session, @Context UriInfo uri) {
        return forward(plugin, "GET", path, uri, "", session);
    }

    /**
     * A {@code HEAD} (a link checker, a monitor) is answered here, without the plugin: forwarded as a GET,
     * the widget would run and record a search, or an answer, no visitor asked for. 200 when the widget
     * is installed.
     */
    @HEAD
    @Path("{path: .*}")
    public Response head(@PathParam("plugin") String plugin) {
        if (!widgets.has(plugin)) {
            throw ApiException.notFound("widget");
        }
        return Response.ok().build();
    }

    @POST
    @Path("{path: .*}")
    public Response post(@PathParam("plugin") String plugin, @PathParam("path") String path,
            @HeaderParam(Sessions.HEADER) String session, @Context UriInfo uri, InputStream body) throws IOException {
        return forward(plugin, "POST", path, uri, new String(Params.body(body, MAX_BODY_BYTES), StandardCharsets.UTF_8),
                session);
    }

    private Response forward(String plugin, String method, String path, UriInfo uri, String body, String session) {
        if (!widgets.has(plugin)) {
            throw ApiException.notFound("widget");
        }
        Map<String, List<String>> query = new LinkedHashMap<>(uri.getQueryParameters(true));
        WidgetRequest request = new WidgetRequest(method, path, query, body, Sessions.valid(session));
        WidgetResponse response;
        try {
            response = widgets.handle(plugin, request);
        } catch (PluginCallException e) {
            throw new ApiException(e.timedOut() ? 504 : 502, e.timedOut() ? "plugin_timeout" : "plugin_failed",
                    "the widget " + plugin + " could not answer; see the server log");
        }
        if (response.status() < 200 || response.status() > 599) {
            throw new ApiException(502, "plugin_failed", "the widget " + plugin + " answered with a bad status");
        }
        String type = response.contentType() == null ? "application/json" : response.contentType();
        if (!type.contains("charset") && (type.startsWith("text/") || type.endsWith("json"))) {
            type += "; charset=utf-8";
        }
        return Response.status(response.status()).type(type)
                .entity(response.body() == null ? "" : response.body()).build();
    }
}
