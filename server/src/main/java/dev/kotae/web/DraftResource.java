package dev.kotae.web;

import dev.kotae.auth.Caller;
import dev.kotae.editing.Draft;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/drafts}: pending versions of articles, their review and publishing. Agents and above
 * read them; editors write them. A draft's revision is its ETag, and every change names it in
 * {@code If-Match} (starting a draft: {@code If-None-Match: *}), so no save silently overwrites another.
 */
@Path("/api/v1/drafts")
@Produces(MediaType.APPLICATION_JSON)
public final class DraftResource {

    private final EditorService editor;

    public DraftResource(EditorService editor) {
        this.editor = editor;
    }

    @GET
    public EditJson.DraftList list(@Context SecurityContext security)
            throws EditNotAllowedException {
        Caller caller = EditRequests.agent(Callers.caller(security));
        var drafts = editor.drafts(caller).stream().map(EditJson.DraftView::of).toList();
        return new EditJson.DraftList(drafts.size(), drafts);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context SecurityContext security)
            throws EditNotAllowedException {
        String articleId = EditRequests.articleId(id);
        Caller caller = EditRequests.agent(Callers.caller(security));
        Draft draft = editor.draft(caller, articleId).orElseThrow(() -> ApiException.notFound("draft"));
        return withTag(Response.ok(), draft);
    }

    /**
     * Saves a draft: {@code If-Match: "<revision>"} updates the draft of that revision (412 with a diff
     * if it changed since), {@code If-None-Match: *} starts one (409 with a diff if one appeared
     * meanwhile); 201 for a new draft, 200 for an update.
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, EditJson.ArticleWrite body,
            @Context SecurityContext security)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        String articleId = EditRequests.articleId(id);
        Caller caller = EditRequests.editor(Callers.caller(security));
        EditRequests.Precondition precondition = EditRequests.draftPrecondition(ifMatch, ifNoneMatch);
        EditJson.ArticleWrite write = EditJson.required(body, "the article's fields (title, body, ...)");
        String startedFrom = precondition instanceof EditRequests.Precondition.Revision r ? r.revision() : null;
        Draft saved = editor.saveDraft(caller, write.article(articleId), startedFrom, write.baseVersion(),
                write.publishInstant(), write.message());
        return withTag(startedFrom == null ? Response.status(Response.Status.CREATED) : Response.ok(), saved);
    }

    /** Asks for review of the draft of the revision in {@code If-Match}. */
    @POST
    @Path("{id}/review")
    public Response review(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        String articleId = EditRequests.articleId(id);
        Caller caller = EditRequests.editor(Callers.caller(security));
        String revision = EditRequests.ifMatch(ifMatch);
        return withTag(Response.ok(), editor.requestReview(caller, articleId, revision));
    }

    /**
     * Publishes the draft of the revision in {@code If-Match} (by an editor other than its author, or an
     * admin), with {@code {"message": "..."}} for the history. Answers the published source.
     */
    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            EditJson.Message body, @Context SecurityContext security)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        String articleId = EditRequests.articleId(id);
        Caller caller = EditRequests.editor(Callers.caller(security));
        String revision = EditRequests.ifMatch(ifMatch);
        PublishedArticle published = editor.publish(caller, articleId, revision, body == null ? null : body.message());
        return Response.ok(EditJson.SourceView.of(published)).tag(EditRequests.etag(published.version())).build();
    }

    /** Drops the draft of the revision in {@code If-Match}; the published article stays. */
    @DELETE
    @Path("{id}")
    public Response discard(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        String articleId = EditRequests.articleId(id);
        Caller caller = EditRequests.editor(Callers.caller(security));
        String revision = EditRequests.ifMatch(ifMatch);
        editor.discardDraft(caller, articleId, revision);
        return Response.noContent().build();
    }

    private static Response withTag(Response.ResponseBuilder response, Draft draft) {
        return response.entity(EditJson.DraftView.of(draft)).tag(EditRequests.etag(draft.revision())).build();
    }
}
