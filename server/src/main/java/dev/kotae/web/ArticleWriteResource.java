package dev.kotae.web;

import dev.kotae.auth.Caller;
import dev.kotae.editing.EditConflictException;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.PublishedArticle;
import dev.kotae.http.ApiException;
import dev.kotae.http.Callers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * An article's file as authors write it, and changing it without a draft: {@code GET
 * /api/v1/articles/{id}/source} (agents and above), {@code PUT} and {@code DELETE /api/v1/articles/{id}}
 * (replace or delete the version in {@code If-Match}). Who may publish alone is the editor service's rule.
 * The rendered article stays at {@code GET /api/v1/articles/{id}} ({@link ArticleResource}); Jersey merges
 * the classes of one path, and a request is matched against the most specific class path first, so
 * everything under {@code /api/v1/articles/{id}} must live under that very path.
 */
@Path("/api/v1/articles/{id}")
@Produces(MediaType.APPLICATION_JSON)
public final class ArticleWriteResource {

    private final EditorService editor;

    public ArticleWriteResource(EditorService editor) {
        this.editor = editor;
    }

    /** The article as its file has it now, with its version as the ETag. */
    @GET
    @Path("source")
    public Response source(@PathParam("id") String id, @Context SecurityContext security)
            throws EditNotAllowedException {
        String articleId = EditRequests.articleId(id);
        Caller caller = EditRequests.agent(Callers.caller(security));
        PublishedArticle published = editor.published(caller, articleId)
                .orElseThrow(() -> ApiException.notFound("article"));
        return withTag(Response.ok(), published);
    }

    /** Replaces the published version named in {@code If-Match} (412 with a diff if it changed since). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            EditJson.ArticleWrite body, @Context SecurityContext security)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        String articleId = EditRequests.articleId(id);
        Caller caller = EditRequests.editor(Callers.caller(security));
        String version = EditRequests.ifMatch(ifMatch);
        EditJson.ArticleWrite write = EditJson.required(body, "the article's fields (title, body, ...)");
        return withTag(Response.ok(), editor.publishDirectly(caller, write.article(articleId), version, write.message()));
    }

    /** Deletes the article's file if it is still the version in {@code If-Match}; it stays in history. */
    @DELETE
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("message") String message, @Context SecurityContext security)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        String articleId = EditRequests.articleId(id);
        Caller caller = EditRequests.editor(Callers.caller(security));
        String version = EditRequests.ifMatch(ifMatch);
        editor.delete(caller, articleId, version, Params.optional(message));
        return Response.noContent().build();
    }

    private static Response withTag(Response.ResponseBuilder response, PublishedArticle published) {
        return response.entity(EditJson.SourceView.of(published)).tag(EditRequests.etag(published.version())).build();
    }
}
