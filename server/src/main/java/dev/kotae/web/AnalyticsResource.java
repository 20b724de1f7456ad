package dev.kotae.web;

import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.analytics.DateRange;
import dev.kotae.auth.Caller;
import dev.kotae.http.ApiException;
import dev.kotae.http.Callers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/analytics/*}: reports over the stored events, for agents and admins only (401 without a
 * token or agent session; queries and internal article ids are never shown to anonymous callers). Each
 * report answers JSON {@code {"from", "to", "locale", "rows": [...]}}, or CSV with {@code ?format=csv} or
 * {@code Accept: text/csv}.
 */
@Path("/api/v1/analytics")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
public final class AnalyticsResource {

    /** A report: the range it covers and its rows. */
    public record Report(Instant from, Instant to, String locale, List<?> rows) {}

    private final AnalyticsReports reports;
    private final Clock clock = Clock.systemUTC();

    public AnalyticsResource(AnalyticsReports reports) {
        this.reports = reports;
    }

    /** Shared query parameters of every report. */
    private record Ask(DateRange range, int limit, boolean csv) {}

    @GET
    @Path("queries")
    public Response queries(@QueryParam("kind") String kind, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("locale") String locale, @QueryParam("limit") String limit,
            @QueryParam("q") String containing,
            @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context SecurityContext security) throws SQLException {
        Ask ask = ask(security, from, to, locale, limit, format, accept);
        String chosen = kind == null || kind.isBlank() ? "top" : kind.strip();
        List<AnalyticsReports.QueryRow> rows = switch (chosen) {
            case "top" -> reports.topQueries(ask.range(), containing, ask.limit());
            case "zero-results" -> reports.zeroResultQueries(ask.range(), containing, ask.limit());
            default -> throw ApiException.badRequest("bad_kind", "kind must be top or zero-results");
        };
        return answer(ask, rows, "queries-" + chosen + ".csv", List.of("query", "count", "lastSeen", "variants"),
                r -> cells(r.query(), r.count(), r.lastSeen(), AnalyticsReports.Variant.describe(r.variants(), " | ")));
    }

    @GET
    @Path("clicks")
    public Response clicks(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("locale") String locale, @QueryParam("limit") String limit, @QueryParam("q") String containing,
            @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context SecurityContext security) throws SQLException {
        Ask ask = ask(security, from, to, locale, limit, format, accept);
        List<AnalyticsReports.ClickRow> rows = reports.clickThrough(ask.range(), containing, ask.limit());
        return answer(ask, rows, "clicks.csv", List.of("query", "searches", "clicks", "clickThroughRate",
                "meanClickedRank", "variants"), r -> cells(r.query(), r.searches(), r.clicks(), r.clickThroughRate(),
                        r.meanClickedRank(), AnalyticsReports.Variant.describe(r.variants(), " | ")));
    }

    @GET
    @Path("feedback")
    public Response feedback(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context SecurityContext security) throws SQLException {
        Ask ask = ask(security, from, to, null, limit, format, accept);
        List<AnalyticsReports.FeedbackRow> rows = reports.feedback(ask.range(), ask.limit());
        return answer(ask, rows, "feedback.csv", List.of("articleId", "helpful", "unhelpful", "comments"),
                r -> cells(r.articleId(), r.helpful(), r.unhelpful(), r.comments().stream()
                        .map(AnalyticsReports.Comment::text).collect(Collectors.joining(" | "))));
    }

    @GET
    @Path("deflection")
    public Response deflection(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context SecurityContext security) throws SQLException {
        Ask ask = ask(security, from, to, null, null, format, accept);
        List<AnalyticsReports.DeflectionRow> rows = reports.deflection(ask.range());
        return answer(ask, rows, "deflection.csv", List.of("widget", "shown", "opened", "solved", "submitted",
                "answered", "deflectionRate"), r -> cells(r.widget(), r.shown(), r.opened(), r.solved(),
                        r.submitted(), r.answered(), r.deflectionRate()));
    }

    @GET
    @Path("searches-per-hour")
    public Response searchesPerHour(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("locale") String locale, @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context SecurityContext security) throws SQLException {
        Ask ask = ask(security, from, to, locale, null, format, accept);
        List<AnalyticsReports.HourRow> rows = reports.searchesPerHour(ask.range());
        return answer(ask, rows, "searches-per-hour.csv", List.of("hour", "searches"),
                r -> cells(r.hour(), r.searches()));
    }

    private Ask ask(SecurityContext security, String from, String to, String locale, String limit, String format,
            String accept) {
        Caller caller = Callers.caller(security);
        if (caller.isAnonymous()) {
            throw new NotAuthorizedException(AuthFilter.CHALLENGE);
        }
        DateRange range = DateRange.parse(from, to, locale, clock);
        int max = Params.bounded(limit, "limit", 100, AnalyticsReports.MAX_ROWS);
        String chosen = Params.optional(format);
        if (chosen != null && !chosen.equals("json") && !chosen.equals("csv")) {
            throw ApiException.badRequest("bad_format", "format must be json or csv");
        }
        boolean csv = "csv".equals(chosen)
                || (chosen == null && accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv"));
        return new Ask(range, max, csv);
    }

    /** The report as the caller asked for it: CSV with a header and one row per {@code cells}, or JSON. */
    private static <T> Response answer(Ask ask, List<T> rows, String fileName, List<String> header,
            Function<T, List<Object>> cells) {
        if (ask.csv()) {
            return CsvExport.response(fileName, header, rows.stream().map(cells).toList());
        }
        return Response.ok(new Report(ask.range().from(), ask.range().to(), ask.range().locale(), rows),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A CSV row; {@code List.of} refuses the nulls a row may have. */
    private static List<Object> cells(Object... values) {
        List<Object> row = new ArrayList<>(values.length);
        java.util.Collections.addAll(row, values);
        return row;
    }
}
