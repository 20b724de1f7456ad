package dev.kotae.web;

import dev.kotae.http.ApiException;
import dev.kotae.plugins.Widgets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Widgets' static files, {@code /widgets/{plugin}/{file}}: what a site embeds with one script tag. Cached
 * briefly (a new plugin version shows within minutes) and usable from any origin.
 */
@Path("/widgets/{plugin}")
public final class WidgetAssetResource {

    private final Widgets widgets;

    public WidgetAssetResource(Widgets widgets) {
        this.widgets = widgets;
    }

    @GET
    @Path("{file: .+}")
    public Response asset(@PathParam("plugin") String plugin, @PathParam("file") String file) throws IOException {
        Widgets.Asset asset = widgets.asset(plugin, file).orElseThrow(() -> ApiException.notFound("widget file"));
        return Response.ok(asset.bytes(), asset.contentType())
                .header("Cache-Control", "public, max-age=300")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .build();
    }
}
