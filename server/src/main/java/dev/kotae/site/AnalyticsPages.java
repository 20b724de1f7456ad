package dev.kotae.site;

import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.analytics.DateRange;
import dev.kotae.analytics.digest.DigestService;
import dev.kotae.auth.Caller;
import dev.kotae.config.ContactConfig;
import dev.kotae.http.Callers;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import dev.kotae.util.InvalidRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /analytics}: the support team's dashboard over the stored events, for signed-in agents and
 * admins (others are sent to sign in). Everything on it comes from {@link AnalyticsReports}; queries are
 * typed by anyone, so they are only ever shown through the templates' escaping. Days, times and weeks are
 * those of the analytics time zone. Admins can post the weekly KPI digest from it ({@code POST
 * /analytics/digest}).
 */
@Path("/analytics")
@SitePage
@Produces(MediaType.TEXT_HTML)
public final class AnalyticsPages {

    static final int ROWS = 20;
    static final int CHART_BARS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsPages.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final Site site;
    private final AnalyticsReports reports;
    private final ArticleService articles;
    private final ZoneId zone;
    private final DigestService digest;
    private final ContactConfig contact;
    private final EditorRequests requests;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param zone the analytics time zone
     * @param digest what posts the weekly digest
     */
    public AnalyticsPages(Site site, AnalyticsReports reports, ArticleService articles, ZoneId zone,
            DigestService digest, ContactConfig contact) {
        this.site = site;
        this.reports = reports;
        this.articles = articles;
        this.zone = zone;
        this.digest = digest;
        this.contact = contact;
        this.requests = new EditorRequests(site);
    }

    @GET
    public Response dashboard(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("locale") String locale, @QueryParam("q") String q, @QueryParam("digest") String digestNotice,
            @Context ContainerRequestContext request) throws SQLException, IOException {
        Caller caller = Callers.caller(request.getSecurityContext());
        if (caller.isAnonymous()) {
            return Response.seeOther(URI.create("/login?next=/analytics")).build();
        }
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        String shownFrom = blank(from) ? today.minusDays(29).toString() : from.strip();
        String shownTo = blank(to) ? today.toString() : to.strip();
        Messages messages = Messages.of(site.language(request));
        DateRange range;
        String problem = null;
        try {
            range = DateRange.parse(shownFrom, shownTo, locale, clock, zone);
        } catch (InvalidRequestException e) {
            // The last 30 days are shown instead, the filters as typed kept in the form to be mended.
            problem = messages.text("analytics.badFilter." + e.code());
            shownFrom = today.minusDays(29).toString();
            shownTo = today.toString();
            range = DateRange.parse(shownFrom, shownTo, null, clock, zone);
        }
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
                lastHours.stream().map(h -> HOUR.format(h.hour().atZone(zone))).toList(),
                lastHours.stream().map(AnalyticsReports.HourRow::searches).toList());
        String filter = "from=" + encode(shownFrom) + "&to=" + encode(shownTo)
                + (range.locale() == null ? "" : "&locale=" + encode(range.locale()))
                + (containing == null ? "" : "&q=" + encode(containing));
        List<AnalyticsReports.FeedbackRow> feedback = reports.feedback(range, ROWS);
        AnalyticsReports.QueryTable zero = reports.zeroResults(range, containing, ROWS);
        List<AnalyticsReports.ArticleRow> viewed = reports.articleViews(range, zone, ROWS);
        Pages.Dashboard.Trends trends = new Pages.Dashboard.Trends(reports.trends(range, zone, searched),
                reports.trends(range, zone, zero));
        String notice = "sent".equals(digestNotice) || "failed".equals(digestNotice) ? digestNotice : null;
        return site.page(problem == null ? 200 : 400, "analytics.jte", page, "dashboard", new Pages.Dashboard(
                problem == null ? shownFrom : Objects.requireNonNullElse(from, "").strip(),
                problem == null ? shownTo : Objects.requireNonNullElse(to, "").strip(),
                range.locale() == null ? "" : range.locale(), containing == null ? "" : containing, top,
                zero.rows(), reports.clickThrough(range, searched), feedback,
                titles(Stream.concat(feedback.stream().map(AnalyticsReports.FeedbackRow::articleId),
                        viewed.stream().map(AnalyticsReports.ArticleRow::articleId)).toList()),
                reports.deflection(range), topChart, hourChart, filter, zone, trends, viewed,
                funnel(reports.contactFunnel(range), messages.language()),
                new Pages.Dashboard.DigestPanel(caller.isAdmin() && digest.enabled(), notice), problem));
    }

    /**
     * The funnel's rows with each category named by its label in the page's language, as the contact page
     * names it, or by its id when no category has that id any more: events keep the id only.
     */
    private List<AnalyticsReports.FunnelRow> funnel(List<AnalyticsReports.FunnelRow> rows, String language) {
        return rows.stream().map(row -> row.category() == null ? row
                : row.named(contact.label(row.category(), language, row.category()))).toList();
    }

    /**
     * Posts the weekly KPI digest of the seven whole days before today now (admins, from the dashboard's
     * button), then shows the dashboard again saying whether the webhook took it.
     */
    @POST
    @Path("digest")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postDigest(MultivaluedMap<String, String> posted, @Context ContainerRequestContext request)
            throws SQLException {
        Caller caller = requests.formCaller(request, posted);
        if (!caller.isAdmin() || !digest.enabled()) {
            throw new PageException(403);
        }
        String outcome;
        try {
            digest.send(digest.lastSevenDays());
            outcome = "sent";
        } catch (DigestService.NotDelivered e) {
            LOG.warn("The weekly digest posted from the dashboard was not delivered: {}", e.getMessage());
            outcome = "failed";
        } catch (SQLException e) {
            // The figures could not be read (the analytics database is away): said on the page, as a failure.
            LOG.warn("The weekly digest posted from the dashboard could not be made: {}", e.toString());
            outcome = "failed";
        }
        return Response.seeOther(URI.create("/analytics?digest=" + outcome + "#digest")).build();
    }

    /**
     * The current titles of the voted articles, as agents see them (this page is for agents only); an
     * article deleted since has none and is shown by id.
     */
    private Map<String, String> titles(List<String> ids) throws IOException {
        Map<String, String> titles = new HashMap<>();
        for (String id : ids) {
            if (!titles.containsKey(id)) {
                articles.article(id, Audience.AGENTS).ifPresent(a -> titles.put(id, a.title()));
            }
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
