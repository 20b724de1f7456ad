package dev.kotae.web;

import dev.kotae.auth.Caller;
import dev.kotae.editing.AuditEntry;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditorService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * {@code GET /api/v1/admin/audit}: every write through the editor, newest first, for admins. As JSON, or
 * with {@code ?format=csv} as a spreadsheet download ({@link CsvExport} defuses cells a spreadsheet would
 * run as formulas: article ids, messages and names are typed by people).
 */
@Path("/api/v1/admin/audit")
@Singleton
public final class AuditResource {

    /** The newest entries of the audit log. */
    public record AuditList(int count, List<AuditEntry> entries) {}

    private static final List<String> COLUMNS = List.of("time", "person", "role", "action", "articleId", "version",
            "message");

    private final EditorService editor;

    @Inject
    public AuditResource(EditorService editor) {
        this.editor = editor;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response audit(@QueryParam("limit") String limit, @QueryParam("format") String format,
            @Context SecurityContext security) {
        Caller caller = EditRequests.admin(AuthFilter.caller(security));
        int max = Params.bounded(limit, "limit", 100, 1000);
        String as = Params.optional(format) == null ? "json" : format.strip();
        if (!as.equals("json") && !as.equals("csv")) {
            throw ApiException.badRequest("bad_format", "format must be json or csv");
        }
        List<AuditEntry> entries;
        try {
            entries = editor.audit(caller, max);
        } catch (EditNotAllowedException e) {
            throw EditRequests.notAllowed(e, caller);
        }
        if (as.equals("csv")) {
            return CsvExport.response("kotae-audit.csv", COLUMNS, entries.stream().map(e -> List.<Object>of(
                    e.time().toString(), nullToEmpty(e.person()), nullToEmpty(e.role()), nullToEmpty(e.action()),
                    nullToEmpty(e.articleId()), nullToEmpty(e.version()), nullToEmpty(e.message()))).toList());
        }
        return Response.ok(new AuditList(entries.size(), entries), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
