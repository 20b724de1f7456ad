package dev.kotae.web;

import dev.kotae.http.ApiException;
import dev.kotae.plugins.Widgets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Widgets' static files, {@code /widgets/{plugin}/{file}}: what a site embeds with one script tag; and
 * the widget runtime all of them load, {@code /widgets/runtime.js} (the helpers and messages they share).
 * Cached briefly (a new plugin or server version shows within minutes) and usable from any origin.
 */
@Path("/widgets")
public final class WidgetAssetResource {

    private static final String RUNTIME = "/dev/kotae/web/widgets/runtime.js";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";

    private final Widgets widgets;
    private final byte[] runtime;

    public WidgetAssetResource(Widgets widgets) {
        this.widgets = widgets;
        this.runtime = readRuntime();
    }

    private static byte[] readRuntime() {
        try (InputStream in = WidgetAssetResource.class.getResourceAsStream(RUNTIME)) {
            if (in == null) {
                throw new IllegalStateException(RUNTIME + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared widget runtime; the bundled widgets' scripts load it from here. */
    @GET
    @Path("runtime.js")
    public Response runtime() {
        return cacheable(Response.ok(runtime, JAVASCRIPT));
    }

    @GET
    @Path("{plugin}/{file: .+}")
    public Response asset(@PathParam("plugin") String plugin, @PathParam("file") String file) throws IOException {
        Widgets.Asset asset = widgets.asset(plugin, file).orElseThrow(() -> ApiException.notFound("widget file"));
        return cacheable(Response.ok(asset.bytes(), asset.contentType()));
    }

    private static Response cacheable(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "public, max-age=300")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .build();
    }
}
