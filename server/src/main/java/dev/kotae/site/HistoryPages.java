package dev.kotae.site;

import dev.kotae.auth.Caller;
import dev.kotae.editing.EditConflictException;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.editing.EditableArticle;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.HistoryEntry;
import dev.kotae.editing.PublishedArticle;
import dev.kotae.http.Callers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article's history in the editor: its published versions (who, when, what, with their notes), one
 * version's text with its diff to what is published now, and restoring it (editors, a form post). Agents
 * read; what the history holds (git commits or copies in the data folder) is {@link EditorService}'s.
 */
@Path("/editor/articles/{id}/history")
@SitePage
@Produces(MediaType.TEXT_HTML)
public final class HistoryPages {

    private static final int SHORT_VERSION = 10;

    private final Site site;
    private final EditorService editor;
    private final EditorRequests requests;

    public HistoryPages(Site site, EditorService editor) {
        this.site = site;
        this.editor = editor;
        this.requests = new EditorRequests(site);
    }

    @GET
    public Response history(@PathParam("id") String id, @QueryParam("done") String done,
            @Context ContainerRequestContext request) throws IOException {
        return EditorRequests.page(() -> {
            Caller caller = Callers.caller(request.getSecurityContext());
            if (caller.isAnonymous()) {
                return EditorRequests.signIn(EditorLinks.history(EditorRequests.checkedId(id)));
            }
            EditorRequests.checkedId(id);
            Messages messages = Messages.of(site.language(request));
            List<HistoryEntry> entries;
            try {
                entries = editor.history(caller, id);
            } catch (EditRejectedException e) {
                throw new PageException(e.status() == 404 ? 404 : 400);
            }
            Optional<String> published = editor.published(caller, id).map(p -> p.article().title());
            Optional<String> drafted = editor.draft(caller, id).map(d -> d.article().title());
            String title = (published.isPresent() ? published : drafted).orElse(id);
            // Nothing left to edit (deleted, no draft): back to the list rather than to a page that redirects here.
            String back = published.isPresent() || drafted.isPresent() ? EditorLinks.article(id) : EditorLinks.HOME;
            List<Pages.HistoryRow> rows = entries.stream().map(entry -> row(id, entry, messages)).toList();
            PageContext page = requests.context(request, caller, "editor.history.title", "page-editor");
            return site.page(200, "editorHistory.jte", page, "history",
                    new Pages.EditorHistory(id, title, rows, back,
                            rows.size() >= EditorService.LISTED_VERSIONS ? EditorService.LISTED_VERSIONS : null,
                            // After a delete: the article is gone from the site, and this is where it comes back.
                            "deleted".equals(done) && published.isEmpty()
                                    ? new Pages.Notice(messages.text("editor.done.deleted"), false) : null,
                            requests.zone().getId()));
        });
    }

    @GET
    @Path("{version}")
    public Response version(@PathParam("id") String id, @PathParam("version") String version,
            @Context ContainerRequestContext request) throws IOException {
        return EditorRequests.page(() -> {
            Caller caller = Callers.caller(request.getSecurityContext());
            if (caller.isAnonymous()) {
                return EditorRequests.signIn(EditorLinks.history(EditorRequests.checkedId(id)));
            }
            return versionPage(200, request, caller, EditorRequests.checkedId(id), EditorRequests.checkedVersion(version),
                    null);
        });
    }

    @POST
    @Path("{version}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("id") String id, @PathParam("version") String version,
            MultivaluedMap<String, String> posted, @Context ContainerRequestContext request) throws IOException {
        return EditorRequests.page(() -> {
            Caller caller = requests.formCaller(request, posted);
            EditorRequests.checkedId(id);
            EditorRequests.checkedVersion(version);
            if (!editor.publishesAlone(caller)) {
                throw new PageException(403, caller.canEdit() ? "editor.restore.notAllowed" : "editor.forbidden");
            }
            String message = Objects.requireNonNullElse(posted.getFirst("message"), "").strip();
            // The published version the page showed the diff against: restoring over a newer text is a conflict.
            String seen = Objects.requireNonNullElse(posted.getFirst("published"), "").strip();
            try {
                editor.restore(caller, id, version, seen.isEmpty() ? null : EditorRequests.checkedVersion(seen),
                        message.isEmpty() ? null : message);
                return EditorRequests.done(id, "restored");
            } catch (EditConflictException e) {
                return versionPage(409, request, caller, id, version, e.getMessage());
            } catch (EditRejectedException e) {
                if (e.status() == 404) {
                    throw PageException.notFound();
                }
                return versionPage(e.status(), request, caller, id, version, e.getMessage());
            }
        });
    }

    private Response versionPage(int status, ContainerRequestContext request, Caller caller, String id, String version,
            String problem) throws EditNotAllowedException {
        Messages messages = Messages.of(site.language(request));
        try {
            HistoryEntry entry = editor.historyEntry(caller, id, version).orElseThrow(PageException::notFound);
            EditableArticle article = editor.atVersion(caller, id, version);
            String diff = editor.diff(caller, id, version, null);
            String published = editor.published(caller, id).map(PublishedArticle::version).orElse(null);
            PageContext page = requests.context(request, caller, "editor.version.title", "page-editor");
            // Restoring skips review; an editor who must be reviewed starts a draft from the version instead.
            boolean canRestore = editor.publishesAlone(caller);
            return site.page(status, "editorVersion.jte", page, "version", new Pages.EditorVersion(id,
                    row(id, entry, messages), article, diff, canRestore, EditorLinks.history(id),
                    EditorLinks.version(id, version) + "/restore", published,
                    problem == null ? null : new Pages.Notice(problem, true),
                    !canRestore && caller.canEdit() ? EditorLinks.fromVersion(id, version) : null));
        } catch (EditRejectedException e) {
            throw new PageException(e.status() == 404 ? 404 : 400);
        }
    }

    private Pages.HistoryRow row(String id, HistoryEntry entry, Messages messages) {
        String version = entry.version();
        String shortVersion = version.length() <= SHORT_VERSION ? version : version.substring(0, SHORT_VERSION);
        // A delete left no text to show (no copy without git, no file in the commit): nothing to link to.
        String url = "delete".equals(entry.action()) ? null : EditorLinks.version(id, version);
        return new Pages.HistoryRow(version, shortVersion,
                requests.when(entry.when()), entry.author(), Objects.requireNonNullElse(entry.message(), ""),
                messages.text("editor.did." + (messages.has("editor.did." + entry.action()) ? entry.action() : "change")), url);
    }
}
