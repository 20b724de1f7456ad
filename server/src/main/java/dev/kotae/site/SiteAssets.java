package dev.kotae.site;

import dev.kotae.http.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** {@code /assets/kotae.js}, {@code /assets/kotae.css} and {@code /assets/editor.js}. */
@Path("/assets/{name}")
public final class SiteAssets {

    private static final String FOREVER = "public, max-age=31536000, immutable";
    private static final String BRIEFLY = "public, max-age=300";

    private final Site site;

    public SiteAssets(Site site) {
        this.site = site;
    }

    @GET
    public Response asset(@PathParam("name") String name, @QueryParam("v") String version) {
        AssetBundle.Asset asset = site.assets().get(name);
        if (asset == null) {
            throw ApiException.notFound("asset"); // read by scripts and stylesheets: JSON, not a page
        }
        // Only the current version's URL may be cached for good; any other is a stale or made-up link.
        String caching = site.assets().version().equals(version) ? FOREVER : BRIEFLY;
        return Response.ok(asset.bytes(), asset.mediaType()).header("Cache-Control", caching).build();
    }
}
