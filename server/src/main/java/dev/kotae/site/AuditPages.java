package dev.kotae.site;

import dev.kotae.auth.Caller;
import dev.kotae.content.Article;
import dev.kotae.editing.AuditEntry;
import dev.kotae.editing.EditorService;
import dev.kotae.http.Callers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;

/**
 * {@code /admin/audit}: the newest writes through the editor (who did what to which article, when), for
 * admins. The whole log is the CSV download of the admin API.
 */
@Path("/admin/audit")
@SitePage
@Produces(MediaType.TEXT_HTML)
public final class AuditPages {

    /** Entries shown; older ones are in the CSV. */
    static final int SHOWN = 200;

    private final Site site;
    private final EditorService editor;
    private final EditorRequests requests;

    public AuditPages(Site site, EditorService editor) {
        this.site = site;
        this.editor = editor;
        this.requests = new EditorRequests(site);
    }

    /**
     * A code of the log in words, with the code itself beside it (what the CSV export and the API say); a
     * code without a label (written by a newer version) as it is.
     */
    private static String label(Messages messages, String prefix, String code) {
        return code != null && messages.has(prefix + code) ? messages.text(prefix + code) + " (" + code + ")"
                : java.util.Objects.requireNonNullElse(code, "");
    }

    @GET
    public Response audit(@Context ContainerRequestContext request) throws IOException {
        return EditorRequests.page("editor.audit.forbidden", () -> {
            Caller caller = Callers.caller(request.getSecurityContext());
            if (caller.isAnonymous()) {
                return EditorRequests.signIn("/admin/audit");
            }
            if (!caller.isAdmin()) {
                throw new PageException(403, "editor.audit.forbidden");
            }
            List<AuditEntry> entries = editor.audit(caller, SHOWN);
            PageContext page = requests.context(request, caller, "editor.audit.title", "page-audit");
            Messages messages = Messages.of(site.language(request));
            List<Pages.AuditRow> rows = entries.stream().map(e -> new Pages.AuditRow(requests.when(e.time()),
                    e.person(), label(messages, "editor.audit.role.", e.role()),
                    label(messages, "editor.audit.did.", e.action()), e.articleId(),
                    e.articleId() == null || !Article.ID_PATTERN.matcher(e.articleId()).matches() ? null
                            : EditorLinks.article(e.articleId()),
                    e.version(), e.message())).toList();
            return site.page(200, "audit.jte", page, "audit",
                    new Pages.AuditLog(rows, SHOWN, requests.zone().getId()));
        });
    }
}
