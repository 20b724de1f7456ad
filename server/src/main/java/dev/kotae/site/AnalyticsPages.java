package dev.kotae.site;

import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.analytics.DateRange;
import dev.kotae.auth.Caller;
import dev.kotae.http.Callers;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import dev.kotae.util.InvalidRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /analytics}: the support team's dashboard over the stored events, for signed-in agents and
 * admins (others are sent to sign in). Everything on it comes from {@link AnalyticsReports}; queries are
 * typed by anyone, so they are only ever shown through the templates' escaping.
 */
@Path("/analytics")
@SitePage
@Produces(MediaType.TEXT_HTML)
public final class AnalyticsPages {

    static final int ROWS = 20;
    static final int CHART_BARS = 10;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);

    private final Site site;
    private final AnalyticsReports reports;
    private final ArticleService articles;
    private final Clock clock = Clock.systemUTC();

    public AnalyticsPages(Site site, AnalyticsReports reports, ArticleService articles) {
        this.site = site;
        this.reports = reports;
        this.articles = articles;
    }

    @GET
    public Response dashboard(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("locale") String locale, @QueryParam("q") String q, @Context ContainerRequestContext request)
            throws SQLException, IOException {
        Caller caller = Callers.caller(request.getSecurityContext());
        if (caller.isAnonymous()) {
            return Response.seeOther(URI.create("/login?next=/analytics")).build();
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String shownFrom = blank(from) ? today.minusDays(29).toString() : from.strip();
        String shownTo = blank(to) ? today.toString() : to.strip();
        DateRange range;
        try {
            range = DateRange.parse(shownFrom, shownTo, locale, clock);
        } catch (InvalidRequestException e) {
            throw new PageException(400);
        }
        Messages messages = Messages.of(site.language(request));
        PageContext page = site.context(request, caller, null,
                new PageContext.PageMeta(messages.text("analytics.title"), null, null, false, "page-analytics"));
        // q narrows the query tables to queries containing it: what a spike alert links to.
        String containing = blank(q) ? null : q.strip();
        // Read once: the top table and the click-through table show the same rows.
        AnalyticsReports.QueryTable searched = reports.searched(range, containing, ROWS);
        List<AnalyticsReports.QueryRow> top = searched.rows();
        List<AnalyticsReports.HourRow> hours = reports.searchesPerHour(range);
        List<AnalyticsReports.HourRow> lastHours = hours.subList(Math.max(0, hours.size() - 24), hours.size());
        BarChart topChart = BarChart.of(messages.text("analytics.top"),
                top.stream().limit(CHART_BARS).map(AnalyticsReports.QueryRow::query).toList(),
                top.stream().limit(CHART_BARS).map(AnalyticsReports.QueryRow::count).toList());
        BarChart hourChart = BarChart.of(messages.text("analytics.hours"),
                lastHours.stream().map(h -> HOUR.format(h.hour())).toList(),
                lastHours.stream().map(AnalyticsReports.HourRow::searches).toList());
        String filter = "from=" + encode(shownFrom) + "&to=" + encode(shownTo)
                + (range.locale() == null ? "" : "&locale=" + encode(range.locale()))
                + (containing == null ? "" : "&q=" + encode(containing));
        List<AnalyticsReports.FeedbackRow> feedback = reports.feedback(range, ROWS);
        return site.page(200, "analytics.jte", page, "dashboard", new Pages.Dashboard(shownFrom, shownTo,
                range.locale() == null ? "" : range.locale(), containing == null ? "" : containing, top,
                reports.zeroResultQueries(range, containing, ROWS), reports.clickThrough(range, searched), feedback,
                titles(feedback), reports.deflection(range),
                topChart, hourChart, filter));
    }

    /**
     * The current titles of the voted articles, as agents see them (this page is for agents only); an
     * article deleted since has none and is shown by id.
     */
    private Map<String, String> titles(List<AnalyticsReports.FeedbackRow> rows) throws IOException {
        Map<String, String> titles = new HashMap<>();
        for (AnalyticsReports.FeedbackRow row : rows) {
            articles.article(row.articleId(), Audience.AGENTS).ifPresent(a -> titles.put(row.articleId(), a.title()));
        }
        return titles;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
