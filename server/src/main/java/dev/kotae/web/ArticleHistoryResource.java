package dev.kotae.web;

import dev.kotae.auth.Caller;
import dev.kotae.editing.EditConflictException;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.HistoryEntry;
import dev.kotae.editing.PublishedArticle;
import dev.kotae.http.Callers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * An article's published versions: the list, one version's text, a diff between two, and publishing an
 * old one again. Agents and above read; restoring is an editor's write.
 */
@Path("/api/v1/articles/{id}")
@Produces(MediaType.APPLICATION_JSON)
public final class ArticleHistoryResource {

    /**
     * The versions of an article, newest first: the newest {@code listedAtMost}, older ones not listed
     * (each can still be read and restored by its version).
     */
    public record History(String id, List<HistoryEntry> versions, int listedAtMost) {}

    /** The article as one version had it. */
    public record Version(String id, String version, EditJson.ArticleFields article) {}

    /** A unified diff between two versions ({@code to} {@code null}: what is published now). */
    public record Diff(String id, String from, String to, String diff) {}

    private final EditorService editor;

    public ArticleHistoryResource(EditorService editor) {
        this.editor = editor;
    }

    @GET
    @Path("history")
    public History history(@PathParam("id") String id, @Context SecurityContext security)
            throws EditNotAllowedException, EditRejectedException {
        String articleId = EditRequests.articleId(id);
        Caller caller = EditRequests.agent(Callers.caller(security));
        return new History(articleId, editor.history(caller, articleId), EditorService.LISTED_VERSIONS);
    }

    @GET
    @Path("history/{version}")
    public Version version(@PathParam("id") String id, @PathParam("version") String version,
            @Context SecurityContext security)
            throws EditNotAllowedException, EditRejectedException {
        String articleId = EditRequests.articleId(id);
        String wanted = EditRequests.version("version", version);
        Caller caller = EditRequests.agent(Callers.caller(security));
        return new Version(articleId, wanted, EditJson.ArticleFields.of(editor.atVersion(caller, articleId, wanted)));
    }

    /** {@code ?from=<version>} (required) {@code &to=<version>} (optional: what is published now). */
    @GET
    @Path("diff")
    public Diff diff(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @Context SecurityContext security)
            throws EditNotAllowedException, EditRejectedException {
        String articleId = EditRequests.articleId(id);
        String fromVersion = EditRequests.version("from", Params.optional(from));
        String toVersion = Params.optional(to) == null ? null : EditRequests.version("to", to.strip());
        Caller caller = EditRequests.agent(Callers.caller(security));
        return new Diff(articleId, fromVersion, toVersion, editor.diff(caller, articleId, fromVersion, toVersion));
    }

    /**
     * Publishes an old version again as a new one: {@code {"version": "...", "message": "..."}}, the
     * version one of the article's own. With {@code If-Match: "<published version>"} it is refused (412) if
     * the article changed since the caller looked.
     */
    @POST
    @Path("restore")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response restore(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            EditJson.Restore body, @Context SecurityContext security)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        String articleId = EditRequests.articleId(id);
        Caller caller = EditRequests.editor(Callers.caller(security));
        EditJson.Restore restore = EditJson.required(body, "{\"version\": \"...\", \"message\": \"...\"}");
        String version = EditRequests.version("version", restore.version());
        String seen = Params.optional(ifMatch) == null ? null : EditRequests.ifMatch(ifMatch);
        PublishedArticle published = editor.restore(caller, articleId, version, seen, restore.message());
        return Response.ok(EditJson.SourceView.of(published)).tag(EditRequests.etag(published.version())).build();
    }
}
