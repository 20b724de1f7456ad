package dev.kotae.web;

import dev.kotae.editing.ImageStore;
import dev.kotae.http.ApiException;
import dev.kotae.http.Callers;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.nio.file.Files;

/**
 * {@code GET /media/<yyyy>/<name>}: the uploaded images articles show. Only names {@link ImageStore}
 * produces are served, only from its folder; anything else is 404. An image is as visible as the articles
 * that show it: an anonymous caller gets one only while a public article shows or links to it, so an image
 * uploaded for a draft or an internal playbook is 404 to them (agents and editors get every image). An
 * image is never a document: its type comes from its (checked) extension, browsers may not sniff another,
 * and were one opened directly it would run in a sandbox with nothing allowed. Names are content-addressed,
 * so a file never changes and its name is its validator: a public image may be kept by any cache for five
 * minutes, then revalidated (304), so one its articles stopped showing is gone from caches within minutes;
 * the others are kept by no shared cache.
 */
@Path("/media")
public final class MediaFileResource {

    /** Nothing may load, run or be framed; the browser still shows the image itself. */
    static final String POLICY = "default-src 'none'; sandbox";
    private static final String PUBLIC_CACHE = "public, max-age=300";

    private final ImageStore images;
    private final ArticleService articles;

    public MediaFileResource(ImageStore images, ArticleService articles) {
        this.images = images;
        this.articles = articles;
    }

    @GET
    @Path("{name: .+}")
    public Response image(@PathParam("name") String name, @Context SecurityContext security, @Context Request request)
            throws IOException {
        ImageStore.Stored image = images.find(name).orElseThrow(() -> ApiException.notFound("image"));
        Audience audience = Audience.of(Callers.caller(security));
        boolean shownToAnyone = articles.showsImage(name, Audience.PUBLIC);
        if (!shownToAnyone && audience == Audience.PUBLIC) {
            throw ApiException.notFound("image"); // as if it were not there: its name says nothing to a stranger
        }
        EntityTag tag = new EntityTag(name.substring(name.lastIndexOf('-') + 1)); // the digest: the bytes' own
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.header(HttpHeaders.CACHE_CONTROL, shownToAnyone ? PUBLIC_CACHE : null).build();
        }
        StreamingOutput bytes = out -> Files.copy(image.file(), out);
        // nosniff comes with every answer (SecurityHeaders); the sandbox policy replaces the default one. An
        // image only agents may see gets SecurityHeaders' private caching.
        Response.ResponseBuilder answer = Response.ok(bytes, image.type().mediaType()).tag(tag)
                .header(SecurityHeaders.POLICY_HEADER, POLICY);
        if (shownToAnyone) {
            answer.header(HttpHeaders.CACHE_CONTROL, PUBLIC_CACHE);
        }
        return answer.build();
    }
}
