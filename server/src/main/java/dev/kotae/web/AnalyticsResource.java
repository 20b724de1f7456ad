package dev.kotae.web;

import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.analytics.DateRange;
import dev.kotae.analytics.digest.DigestService;
import dev.kotae.analytics.digest.WeeklyDigest;
import dev.kotae.auth.Caller;
import dev.kotae.http.ApiException;
import dev.kotae.http.Callers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/analytics/*}: reports over the stored events, for agents and admins only (401 without a
 * token or agent session; queries and internal article ids are never shown to anonymous callers). Each
 * report answers JSON {@code {"from", "to", "locale", "timeZone", "rows": [...]}}, or CSV with
 * {@code ?format=csv} or {@code Accept: text/csv}. Dates ({@code from=2026-11-01}) are whole days in the
 * analytics time zone ({@code analytics.timeZone}), as are the weeks of a week-over-week change.
 * {@code POST digest} (admins) posts the weekly KPI digest now.
 */
@Path("/api/v1/analytics")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
public final class AnalyticsResource {

    /** A report: the range it covers, the zone its days are counted in, and its rows. */
    public record Report(Instant from, Instant to, String locale, String timeZone, List<?> rows) {}

    /** A row of a query table with its searches week over week. */
    public record TrendedQueryRow(String query, long count, Instant lastSeen, List<AnalyticsReports.Variant> variants,
            AnalyticsReports.Trend weekOverWeek) {}

    private final AnalyticsReports reports;
    private final ZoneId zone;
    private final DigestService digest;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param zone the analytics time zone
     * @param digest what posts the weekly digest
     */
    public AnalyticsResource(AnalyticsReports reports, ZoneId zone, DigestService digest) {
        this.reports = reports;
        this.zone = zone;
        this.digest = digest;
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
        AnalyticsReports.QueryTable table = switch (chosen) {
            case "top" -> reports.searched(ask.range(), containing, ask.limit());
            case "zero-results" -> reports.zeroResults(ask.range(), containing, ask.limit());
            default -> throw ApiException.badRequest("bad_kind", "kind must be top or zero-results");
        };
        Map<String, AnalyticsReports.Trend> trends = reports.trends(ask.range(), zone, table);
        List<TrendedQueryRow> rows = table.rows().stream().map(r -> new TrendedQueryRow(r.query(), r.count(),
                r.lastSeen(), r.variants(), trends.getOrDefault(r.query(), AnalyticsReports.Trend.NONE))).toList();
        return answer(ask, rows, "queries-" + chosen + ".csv", List.of("query", "count", "lastSeen", "variants",
                "thisWeek", "previousWeek", "weekOverWeek"),
                r -> cells(r.query(), r.count(), r.lastSeen(), AnalyticsReports.Variant.describe(r.variants(), " | "),
                        r.weekOverWeek().current(), r.weekOverWeek().previous(), r.weekOverWeek().change()));
    }

    @GET
    @Path("articles")
    public Response articles(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context SecurityContext security) throws SQLException {
        Ask ask = ask(security, from, to, null, limit, format, accept);
        List<AnalyticsReports.ArticleRow> rows = reports.articleViews(ask.range(), zone, ask.limit());
        return answer(ask, rows, "articles.csv", List.of("articleId", "views", "helpful", "unhelpful", "helpfulRate",
                "thisWeek", "previousWeek", "weekOverWeek"), r -> cells(r.articleId(), r.views(), r.helpful(),
                        r.unhelpful(), r.helpfulRate(), r.weekOverWeek().current(), r.weekOverWeek().previous(),
                        r.weekOverWeek().change()));
    }

    @GET
    @Path("contact-funnel")
    public Response contactFunnel(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context SecurityContext security) throws SQLException {
        Ask ask = ask(security, from, to, null, null, format, accept);
        List<AnalyticsReports.FunnelRow> rows = reports.contactFunnel(ask.range());
        return answer(ask, rows, "contact-funnel.csv", List.of("category", "viewed", "viewedSessions", "shown",
                "shownSessions", "opened", "openedSessions", "solved", "solvedSessions", "submitted",
                "submittedSessions"), r -> cells(r.category(), r.viewed().events(), r.viewed().sessions(),
                        r.shown().events(), r.shown().sessions(), r.opened().events(), r.opened().sessions(),
                        r.solved().events(), r.solved().sessions(), r.submitted().events(), r.submitted().sessions()));
    }

    /**
     * The weekly KPI digest's figures for the range (default: the seven whole days before today), without
     * posting it.
     */
    @GET
    @Path("digest")
    public Map<String, Object> digest(@QueryParam("from") String from, @QueryParam("to") String to,
            @Context SecurityContext security) throws SQLException {
        Ask ask = ask(security, from, to, null, null, null, null);
        return digest.digest(digestRange(from, to, ask)).json();
    }

    /**
     * Posts the weekly KPI digest now (admins): the range as in {@link #digest}. 409 {@code digest_off}
     * without a webhook, 502 {@code digest_not_delivered} when the webhook did not take it.
     */
    @POST
    @Path("digest")
    public Map<String, Object> postDigest(@QueryParam("from") String from, @QueryParam("to") String to,
            @Context SecurityContext security) throws SQLException {
        AdminResource.requireAdmin(security);
        Ask ask = ask(security, from, to, null, null, null, null);
        if (!digest.enabled()) {
            throw new ApiException(409, "digest_off", "no analytics.digest.webhookUrl is configured");
        }
        try {
            WeeklyDigest sent = digest.send(digestRange(from, to, ask));
            return Map.of("posted", true, "digest", sent.json());
        } catch (DigestService.NotDelivered e) {
            throw new ApiException(502, "digest_not_delivered", e.getMessage());
        }
    }

    /** The range asked for, or the seven whole days before today when neither bound is given. */
    private DateRange digestRange(String from, String to, Ask ask) {
        return Params.optional(from) == null && Params.optional(to) == null ? digest.lastSevenDays() : ask.range();
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
        DateRange range = DateRange.parse(from, to, locale, clock, zone);
        int max = Params.bounded(limit, "limit", 100, AnalyticsReports.MAX_ROWS);
        String chosen = Params.optional(format);
        if (chosen != null && !chosen.equals("json") && !chosen.equals("csv")) {
            throw ApiException.badRequest("bad_format", "format must be json or csv");
        }
        boolean csv = "csv".equals(chosen) || (chosen == null && CsvExport.wanted(accept));
        return new Ask(range, max, csv);
    }

    /** The report as the caller asked for it: CSV with a header and one row per {@code cells}, or JSON. */
    private <T> Response answer(Ask ask, List<T> rows, String fileName, List<String> header,
            Function<T, List<Object>> cells) {
        if (ask.csv()) {
            return CsvExport.response(fileName, header, rows.stream().map(cells).toList());
        }
        return Response.ok(new Report(ask.range().from(), ask.range().to(), ask.range().locale(), zone.getId(), rows),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A CSV row; {@code List.of} refuses the nulls a row may have. */
    private static List<Object> cells(Object... values) {
        List<Object> row = new ArrayList<>(values.length);
        java.util.Collections.addAll(row, values);
        return row;
    }
}
