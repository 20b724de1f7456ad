package dev.kotae.web;

import dev.kotae.editing.ImageStore;
import dev.kotae.http.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;

/**
 * {@code GET /media/<yyyy>/<name>}: the uploaded images articles show. Only names {@link ImageStore}
 * produces are served, only from its folder; anything else is 404. An image is never a document: its type
 * comes from its (checked) extension, browsers may not sniff another, and were one opened directly it
 * would run in a sandbox with nothing allowed. Names are content-addressed, so a file never changes and
 * may be cached for a year.
 */
@Path("/media")
public final class MediaFileResource {

    /** Nothing may load, run or be framed; the browser still shows the image itself. */
    static final String POLICY = "default-src 'none'; sandbox";
    private static final String CACHE = "public, max-age=31536000, immutable";

    private final ImageStore images;

    public MediaFileResource(ImageStore images) {
        this.images = images;
    }

    @GET
    @Path("{name: .+}")
    public Response image(@PathParam("name") String name) {
        ImageStore.Stored image = images.find(name).orElseThrow(() -> ApiException.notFound("image"));
        StreamingOutput bytes = out -> Files.copy(image.file(), out);
        // nosniff comes with every answer (SecurityHeaders); the sandbox policy replaces the default one.
        return Response.ok(bytes, image.type().mediaType())
                .header(SecurityHeaders.POLICY_HEADER, POLICY)
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .build();
    }
}
