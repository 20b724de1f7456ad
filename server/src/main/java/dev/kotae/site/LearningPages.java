package dev.kotae.site;

import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.analytics.DateRange;
import dev.kotae.auth.Caller;
import dev.kotae.content.Article;
import dev.kotae.editing.EditConflictException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.http.Callers;
import dev.kotae.learning.Decision;
import dev.kotae.learning.Evidence;
import dev.kotae.learning.evidence.EvidenceStore;
import dev.kotae.learning.evidence.LearningService;
import dev.kotae.learning.evidence.Moderation;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import dev.kotae.search.SearchRequest;
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
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /admin/learning}: what the help center learned from its customers, per article, for admins to
 * approve, reject or make a question of the article for good ("always"), and the searches that never found
 * a good answer (no results, or few clicks) with a form to route one to an article. Each button is a form
 * post (with the CSRF field) answered by a redirect back here, which says what happened. Queries are typed
 * by customers, so they are only ever shown through the templates' escaping.
 */
@Path("/admin/learning")
@SitePage
@Produces(MediaType.TEXT_HTML)
public final class LearningPages {

    static final String PATH = "/admin/learning";
    /** Phrasings listed at most. */
    static final int SHOWN = 500;
    /** Queries offered for routing, of each kind. */
    static final int UNANSWERED = 20;
    static final List<String> FILTERS = List.of("none", "approved", "rejected", "always", "routed", "all");
    private static final Set<String> DONE = Set.of("approved", "rejected", "routed", "routed-internal", "published",
            "review-requested", "already-a-question");

    private final Site site;
    private final LearningService learning;
    private final Moderation moderation;
    private final AnalyticsReports reports;
    private final ArticleService articles;
    private final EditorRequests requests;
    private final Clock clock = Clock.systemUTC();

    public LearningPages(Site site, LearningService learning, Moderation moderation, AnalyticsReports reports,
            ArticleService articles) {
        this.site = site;
        this.learning = learning;
        this.moderation = moderation;
        this.reports = reports;
        this.articles = articles;
        this.requests = new EditorRequests(site);
    }

    @GET
    public Response learned(@QueryParam("decision") String decision, @QueryParam("done") String done,
            @Context ContainerRequestContext request) throws IOException {
        Caller caller = Callers.caller(request.getSecurityContext());
        if (caller.isAnonymous()) {
            return EditorRequests.signIn(PATH);
        }
        if (!caller.isAdmin()) {
            throw new PageException(403, "learning.forbidden");
        }
        Messages messages = Messages.of(site.language(request));
        Pages.Notice notice = done != null && DONE.contains(done)
                ? new Pages.Notice(messages.text("learning.done." + done), false) : null;
        return page(200, request, caller, filter(decision), notice);
    }

    @POST
    @Path("decide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(MultivaluedMap<String, String> posted, @Context ContainerRequestContext request)
            throws IOException {
        Caller caller = admin(request, posted);
        String filter = filter(posted.getFirst("filter"));
        String queryGroup = field(posted, "queryGroup");
        String articleId = articleId(field(posted, "articleId"));
        Evidence.Scope scope = Evidence.Scope.ofKey(field(posted, "scope"));
        Decision decision = EvidenceStore.decision(field(posted, "decision"));
        if (queryGroup.isEmpty() || queryGroup.length() > SearchRequest.MAX_QUERY_LENGTH || articleId == null
                || scope == null || decision == null || decision == Decision.ROUTED) {
            throw new PageException(400);
        }
        // The key exactly as listed: the row's query group, not typed text to group again.
        return decided(request, caller, filter, new Evidence.Key(queryGroup, articleId, scope), queryGroup, decision);
    }

    @POST
    @Path("route")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response route(MultivaluedMap<String, String> posted, @Context ContainerRequestContext request)
            throws IOException {
        Caller caller = admin(request, posted);
        String filter = filter(posted.getFirst("filter"));
        String query = field(posted, "query");
        if (query.isEmpty() || query.length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw new PageException(400);
        }
        Messages messages = Messages.of(site.language(request));
        String articleId = articleId(field(posted, "articleId"));
        Evidence.Scope scope = articleId == null ? null : learning.scopeOf(articleId).orElse(null);
        if (scope == null) {
            return page(400, request, caller, filter, new Pages.Notice(messages.text("learning.route.noArticle",
                    field(posted, "articleId")), true));
        }
        // Routed to an internal article, the query finds it for signed-in agents only: said so, not refused
        // (an agents' own search may belong there).
        return decided(request, caller, filter, Moderation.key(query, articleId, scope), Moderation.written(query),
                Decision.ROUTED, scope == Evidence.Scope.AGENTS ? "routed-internal" : null);
    }

    private Response decided(ContainerRequestContext request, Caller caller, String filter, Evidence.Key key,
            String written, Decision decision) throws IOException {
        return decided(request, caller, filter, key, written, decision, null);
    }

    /** As {@link #decided(ContainerRequestContext, Caller, String, Evidence.Key, String, Decision)}, saying {@code done} when done. */
    private Response decided(ContainerRequestContext request, Caller caller, String filter, Evidence.Key key,
            String written, Decision decision, String doneAs) throws IOException {
        return EditorRequests.page("learning.forbidden", () -> {
            String problem;
            int status;
            try {
                Moderation.Outcome outcome = moderation.decide(caller, key, written, decision);
                String done = outcome.written() != null ? Moderation.name(outcome.written())
                        : doneAs != null ? doneAs : decision.name().toLowerCase(Locale.ROOT);
                return Response.seeOther(URI.create(PATH + "?decision=" + filter + "&done=" + done)).build();
            } catch (IllegalArgumentException e) {
                status = 400;
                problem = e.getMessage();
            } catch (Moderation.Refused | EditConflictException e) {
                status = 409;
                problem = e.getMessage();
            } catch (EditRejectedException e) {
                status = e.status();
                problem = e.getMessage();
            } catch (SQLException e) {
                status = 503;
                problem = Messages.of(site.language(request)).text("learning.unavailable");
            }
            return page(status, request, caller, filter, new Pages.Notice(problem, true));
        });
    }

    private Response page(int status, ContainerRequestContext request, Caller caller, String filter,
            Pages.Notice notice) throws IOException {
        Messages messages = Messages.of(site.language(request));
        List<LearningService.PhrasingRow> rows;
        List<Pages.UnansweredQuery> unanswered;
        boolean available = true;
        try {
            rows = learning.phrasings(null, filter, SHOWN);
            unanswered = unanswered(messages);
        } catch (SQLException e) {
            rows = List.of();
            unanswered = List.of();
            available = false;
        }
        Map<String, List<Pages.LearnedRow>> byArticle = new LinkedHashMap<>();
        for (LearningService.PhrasingRow row : rows) {
            byArticle.computeIfAbsent(row.articleId(), id -> new ArrayList<>()).add(new Pages.LearnedRow(
                    row.queryGroup(), row.written(), row.scope(), String.format(Locale.ROOT, "%.1f", row.sessions()),
                    String.format(Locale.ROOT, "%.2f", row.confidence()), row.inUse(),
                    row.decision() == null ? "none" : row.decision(), row.decision() == null ? messages.text("learning.decision.none")
                            : messages.text("learning.decision." + row.decision())));
        }
        List<Pages.LearnedArticle> learned = new ArrayList<>();
        for (Map.Entry<String, List<Pages.LearnedRow>> entry : byArticle.entrySet()) {
            String id = entry.getKey();
            String title = articles.article(id, Audience.AGENTS).map(Article::title).orElse(id);
            learned.add(new Pages.LearnedArticle(id, title, EditorLinks.article(id), entry.getValue()));
        }
        PageContext page = requests.context(request, caller, "learning.title", "page-learning");
        return site.page(status, "learning.jte", page, "learning", new Pages.LearningReview(filter, FILTERS, learned,
                unanswered, available, notice));
    }

    /** The searches without a good answer: no results first, then those rarely followed by a click. */
    private List<Pages.UnansweredQuery> unanswered(Messages messages) throws SQLException, IOException {
        DateRange range = DateRange.parse(null, null, null, clock);
        Map<String, Pages.UnansweredQuery> queries = new LinkedHashMap<>();
        Map<String, List<String>> routed = routedByGroup();
        for (AnalyticsReports.QueryRow row : reports.zeroResultQueries(range, UNANSWERED)) {
            queries.putIfAbsent(row.query(), new Pages.UnansweredQuery(row.query(),
                    messages.text("learning.unanswered.zero", row.count()), routedTo(routed, row.query())));
        }
        Set<String> lowClicks = new LinkedHashSet<>();
        for (AnalyticsReports.ClickRow row : reports.clickThrough(range, UNANSWERED * 10)) {
            // The dashboard's rule (it offers editors to write an article for the same queries).
            if (Pages.Dashboard.lowClicks(row) && lowClicks.size() < UNANSWERED
                    && !queries.containsKey(row.query())) {
                lowClicks.add(row.query());
                queries.put(row.query(), new Pages.UnansweredQuery(row.query(), messages.text("learning.unanswered.clicks",
                        row.searches(), Math.round(row.clickThroughRate() * 100)), routedTo(routed, row.query())));
            }
        }
        return List.copyOf(queries.values());
    }

    /** The titles of the articles each query group was routed to. */
    private Map<String, List<String>> routedByGroup() throws SQLException, IOException {
        Map<String, List<String>> routed = new HashMap<>();
        for (Evidence.Key key : learning.routed()) {
            String title = articles.article(key.articleId(), Audience.AGENTS).map(Article::title).orElse(key.articleId());
            routed.computeIfAbsent(key.queryGroup(), group -> new ArrayList<>()).add(title);
        }
        return routed;
    }

    /** Where {@code query} (as the reports list it) was routed: grouped as a route groups it. */
    private static List<String> routedTo(Map<String, List<String>> routed, String query) {
        return routed.getOrDefault(Moderation.group(query), List.of());
    }

    /** The admin posting a form here, or the 403 page. */
    private Caller admin(ContainerRequestContext request, MultivaluedMap<String, String> posted) {
        Caller caller = requests.formCaller(request, posted);
        if (!caller.isAdmin()) {
            throw new PageException(403, "learning.forbidden");
        }
        return caller;
    }

    private static String filter(String value) {
        String name = value == null ? "" : value.strip();
        return FILTERS.contains(name) ? name : "none";
    }

    private static String field(MultivaluedMap<String, String> posted, String name) {
        return Objects.requireNonNullElse(posted.getFirst(name), "").strip();
    }

    private static String articleId(String value) {
        return Article.ID_PATTERN.matcher(value).matches() ? value : null;
    }
}
