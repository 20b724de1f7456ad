package dev.kotae.web;

import dev.kotae.auth.Caller;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.ImageStore;
import dev.kotae.http.Callers;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * {@code POST /api/v1/media?name=photo.png}: an editor uploads an image as the raw request body and gets
 * back its URL and the Markdown that shows it. The type is judged from the bytes (the Content-Type and
 * name the client sends are not believed); see {@link ImageStore}. The body is never read past the
 * image limit: {@link RequestBodyLimit} refuses a longer one first, and this reads at most one byte more.
 */
@Path("/api/v1/media")
@Produces(MediaType.APPLICATION_JSON)
public final class MediaResource {

    private final EditorService editor;
    private final ImageStore images;

    public MediaResource(EditorService editor, ImageStore images) {
        this.editor = editor;
        this.images = images;
    }

    @POST
    public Response upload(@QueryParam("name") String name, InputStream body, @Context SecurityContext security)
            throws IOException, EditNotAllowedException, EditRejectedException {
        Caller caller = EditRequests.editor(Callers.caller(security));
        byte[] bytes = Params.body(body, Math.toIntExact(images.maxBytes()));
        EditorService.StoredImage stored = editor.upload(caller, name == null ? "" : name, bytes);
        return Response.created(URI.create(stored.url())).entity(stored).build();
    }
}
