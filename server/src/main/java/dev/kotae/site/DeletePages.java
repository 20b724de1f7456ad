package dev.kotae.site;

import dev.kotae.auth.Caller;
import dev.kotae.editing.EditConflictException;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.PublishedArticle;
import dev.kotae.http.Callers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * Deleting a published article in the editor: a page that says what deleting does and asks to confirm,
 * and the form post that deletes. Only those who may publish alone ({@link EditorService#publishesAlone})
 * are offered it; the post names the version the page showed, so deleting an article someone changed
 * meanwhile is refused rather than losing their change from the site unseen. Afterwards the article's
 * history says it was deleted and offers its versions to restore.
 */
@Path("/editor/articles/{id}/delete")
@SitePage
@Produces(MediaType.TEXT_HTML)
public final class DeletePages {

    private final Site site;
    private final EditorService editor;
    private final EditorRequests requests;

    public DeletePages(Site site, EditorService editor) {
        this.site = site;
        this.editor = editor;
        this.requests = new EditorRequests(site);
    }

    @GET
    public Response confirm(@PathParam("id") String id, @Context ContainerRequestContext request) throws IOException {
        return EditorRequests.page(() -> {
            Caller caller = Callers.caller(request.getSecurityContext());
            if (caller.isAnonymous()) {
                return EditorRequests.signIn(EditorLinks.delete(EditorRequests.checkedId(id)));
            }
            return confirmPage(200, request, caller, EditorRequests.checkedId(id), null, "");
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, MultivaluedMap<String, String> posted,
            @Context ContainerRequestContext request) throws IOException {
        return EditorRequests.page(() -> {
            Caller caller = requests.formCaller(request, posted);
            EditorRequests.checkedId(id);
            String version = EditorRequests.checkedVersion(Objects.requireNonNullElse(posted.getFirst("version"), "").strip());
            String message = Objects.requireNonNullElse(posted.getFirst("message"), "").strip();
            Messages messages = Messages.of(site.language(request));
            deletable(caller, id); // refused with the same words as the confirmation page
            try {
                editor.delete(caller, id, version, message.isEmpty() ? null : message);
                return Response.seeOther(URI.create(EditorLinks.history(id) + "?done=deleted")).build();
            } catch (EditConflictException e) {
                return confirmPage(409, request, caller, id, messages.text("editor.delete.changed"), message);
            } catch (EditRejectedException e) {
                if (e.status() == 404) {
                    throw PageException.notFound();
                }
                return confirmPage(e.status(), request, caller, id, e.getMessage(), message);
            }
        });
    }

    /**
     * The published article {@code caller} may delete, else the 404 page (nothing published) or the 403
     * page saying why not (from a content source outside Kotae; review required and not an admin).
     */
    private PublishedArticle deletable(Caller caller, String id) throws EditNotAllowedException {
        PublishedArticle published = editor.published(caller, id).orElseThrow(PageException::notFound);
        if (published.readOnly() != null || published.version() == null) {
            throw new PageException(403, "editor.delete.notHere");
        }
        if (!editor.publishesAlone(caller)) { // an agent edits nothing; an editor here is told who may
            throw new PageException(403, caller.canEdit() ? "editor.delete.notAllowed" : "editor.forbidden");
        }
        return published;
    }

    /** The confirmation page of the article as published now, with {@code problem} when a post was refused. */
    private Response confirmPage(int status, ContainerRequestContext request, Caller caller, String id, String problem,
            String message) throws EditNotAllowedException {
        PublishedArticle published = deletable(caller, id);
        boolean draftPending = editor.draft(caller, id).isPresent();
        PageContext page = requests.context(request, caller, "editor.delete.title", "page-editor");
        return site.page(status, "editorDelete.jte", page, "delete", new Pages.EditorDelete(id,
                published.article().title(), published.article().locale(), published.version(),
                EditorLinks.article(id), EditorLinks.delete(id), draftPending, message,
                problem == null ? null : new Pages.Notice(problem, true)));
    }
}
