package dev.kotae.web;

import dev.kotae.auth.Caller;
import dev.kotae.editing.EditConflictException;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.PublishedArticle;
import dev.kotae.http.Callers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/v1/articles}: a new article, published at once without a draft, for callers the
 * editor service lets publish alone (admins; editors too where review is optional).
 */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public final class ArticleCreateResource {

    private final EditorService editor;

    public ArticleCreateResource(EditorService editor) {
        this.editor = editor;
    }

    /** Creates a new article and publishes it at once: 201, or 409 when the id is taken. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(EditJson.ArticleWrite body, @Context SecurityContext security)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        Caller caller = EditRequests.editor(Callers.caller(security));
        EditJson.ArticleWrite write = EditJson.required(body, "the article's fields (id, title, body, ...)");
        if (write.id() == null) {
            throw EditJson.invalid("id", "a new article needs an id");
        }
        PublishedArticle published = editor.publishDirectly(caller, write.article(null), null, write.message());
        return Response.created(location(published.article().id())).entity(EditJson.SourceView.of(published))
                .tag(EditRequests.etag(published.version())).build();
    }

    private static URI location(String id) {
        return URI.create("/api/v1/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }
}
