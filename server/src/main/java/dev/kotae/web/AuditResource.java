package dev.kotae.web;

import dev.kotae.auth.Caller;
import dev.kotae.editing.AuditEntry;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditorService;
import dev.kotae.http.ApiException;
import dev.kotae.http.Callers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /api/v1/admin/audit}: every write through the editor, newest first, for admins. As JSON (the
 * newest {@code limit}, 100 unless told, at most 1000), or with {@code ?format=csv} as a spreadsheet
 * download of the whole log, streamed ({@code limit} cuts it to the newest ones). {@link CsvExport}
 * defuses cells a spreadsheet would run as formulas: article ids, messages and names are typed by people.
 */
@Path("/api/v1/admin/audit")
public final class AuditResource {

    /** The newest entries of the audit log. */
    public record AuditList(int count, List<AuditEntry> entries) {}

    private static final List<String> COLUMNS = List.of("time", "person", "role", "action", "articleId", "version",
            "message");

    private final EditorService editor;

    public AuditResource(EditorService editor) {
        this.editor = editor;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response audit(@QueryParam("limit") String limit, @QueryParam("format") String format,
            @Context SecurityContext security) throws EditNotAllowedException {
        Caller caller = EditRequests.admin(Callers.caller(security));
        int max = Params.bounded(limit, "limit", 100, 1000);
        String as = Params.optional(format) == null ? "json" : format.strip();
        if (!as.equals("json") && !as.equals("csv")) {
            throw ApiException.badRequest("bad_format", "format must be json or csv");
        }
        if (as.equals("csv") && Params.optional(limit) == null) {
            return wholeLogAsCsv(caller);
        }
        List<AuditEntry> entries = editor.audit(caller, max);
        if (as.equals("csv")) {
            return CsvExport.response("kotae-audit.csv", COLUMNS,
                    entries.stream().map(AuditResource::cells).toList());
        }
        return Response.ok(new AuditList(entries.size(), entries), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Every entry, newest first, written as it is read: the log may be far longer than any list. */
    private Response wholeLogAsCsv(Caller caller) {
        return CsvExport.streamed("kotae-audit.csv", COLUMNS, rows -> {
            try {
                editor.auditLog(caller, entry -> {
                    try {
                        rows.row(cells(entry));
                        return true;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e); // the client went away: stop reading
                    }
                });
            } catch (EditNotAllowedException e) {
                throw new IllegalStateException("the caller was checked as an admin before streaming", e);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }

    private static List<Object> cells(AuditEntry e) {
        return List.of(e.time().toString(), nullToEmpty(e.person()), nullToEmpty(e.role()), nullToEmpty(e.action()),
                nullToEmpty(e.articleId()), nullToEmpty(e.version()), nullToEmpty(e.message()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
