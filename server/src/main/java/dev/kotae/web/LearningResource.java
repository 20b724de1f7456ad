package dev.kotae.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kotae.auth.Caller;
import dev.kotae.content.Article;
import dev.kotae.editing.EditConflictException;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.http.ApiException;
import dev.kotae.learning.Decision;
import dev.kotae.learning.Evidence;
import dev.kotae.learning.evidence.EvidenceStore;
import dev.kotae.learning.evidence.LearningService;
import dev.kotae.learning.evidence.Moderation;
import dev.kotae.search.SearchRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/admin/learning/*}, admins only: run a learning cycle now, list what was learned, and
 * decide about it (approve, reject, "always", or route a query to an article).
 */
@Path("/api/v1/admin/learning")
@Produces(MediaType.APPLICATION_JSON)
public final class LearningResource {

    /** What a cycle left in use: the version searches rank with, the evidence pairs, the phrasings in use. */
    public record RunResponse(long version, int evidence, int phrasings) {}

    /** Learned phrasings, strongest first. */
    public record PhrasingList(List<LearningService.PhrasingRow> phrasings) {}

    /** An agent's decision about a query and an article. */
    public record DecisionRequest(String queryGroup, String articleId, String scope, String decision) {}

    /**
     * The pair as reviewed after a decision; for "always", also what happened to the article
     * ({@code outcome}): {@code published} ({@code articleVersion} its new version), {@code review-requested}
     * (a draft sent for review, {@code articleVersion} its revision) or {@code already-a-question}.
     */
    public record DecisionResponse(@JsonUnwrapped LearningService.PhrasingRow phrasing, String outcome,
            String articleVersion) {}

    /** How long {@code run} waits for the analytics journal to reach the database. */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);
    private static final Set<String> FILTERS = Set.of("none", "approved", "rejected", "always", "routed", "all");
    private static final int MAX_LIMIT = 1000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LearningResource.class);

    private final LearningService learning;
    private final Moderation moderation;

    public LearningResource(LearningService learning, Moderation moderation) {
        this.learning = learning;
        this.moderation = moderation;
    }

    @POST
    @Path("run")
    public RunResponse run(@Context SecurityContext security) throws IOException {
        AdminResource.requireAdmin(security);
        requireEnabled();
        try {
            LearningService.Cycle cycle = learning.runAfterDelivery(DELIVERY_WAIT);
            return new RunResponse(cycle.version(), cycle.evidence(), cycle.phrasings());
        } catch (SQLException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "learning_unavailable", "interrupted while waiting for the analytics database");
        }
    }

    @GET
    @Path("phrasings")
    public PhrasingList phrasings(@QueryParam("article") String article, @QueryParam("decision") String decision,
            @QueryParam("limit") String limit, @Context SecurityContext security) throws IOException {
        AdminResource.requireAdmin(security);
        String articleId = Params.optional(article);
        if (articleId != null && !Article.ID_PATTERN.matcher(articleId).matches()) {
            throw ApiException.badRequest("bad_article", "article is not an article id");
        }
        // Any case, as a decision's body takes "APPROVED" as well as "approved".
        String filter = Params.optional(decision) == null ? "all" : decision.strip().toLowerCase(java.util.Locale.ROOT);
        if (!FILTERS.contains(filter)) {
            throw ApiException.badRequest("bad_decision", "decision must be none, approved, rejected, always, routed or all");
        }
        int max = Params.bounded(limit, "limit", 100, MAX_LIMIT);
        try {
            return new PhrasingList(learning.phrasings(articleId, filter, max));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionResponse decide(DecisionRequest request, @Context SecurityContext security)
            throws IOException, EditConflictException, EditNotAllowedException, EditRejectedException {
        Caller caller = AdminResource.requireAdmin(security);
        if (request == null) {
            throw bad("send {\"queryGroup\", \"articleId\", \"scope\": \"public|agents\", \"decision\":"
                    + " \"approved|rejected|always|routed\"}");
        }
        String query = request.queryGroup() == null ? "" : request.queryGroup().strip();
        if (query.isEmpty() || query.length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw bad("queryGroup must be a query of 1-" + SearchRequest.MAX_QUERY_LENGTH + " characters");
        }
        if (request.articleId() == null || !Article.ID_PATTERN.matcher(request.articleId()).matches()) {
            throw bad("articleId must be an article id");
        }
        Evidence.Scope scope = Evidence.Scope.ofKey(request.scope());
        if (scope == null) {
            throw bad("scope must be public or agents");
        }
        Decision decision = EvidenceStore.decision(request.decision());
        if (decision == null) {
            throw bad("decision must be approved, rejected, always or routed");
        }
        try {
            Moderation.Outcome outcome = moderation.decide(caller, Moderation.key(query, request.articleId(), scope),
                    Moderation.written(query), decision);
            return new DecisionResponse(outcome.phrasing(), Moderation.name(outcome.written()), outcome.version());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        } catch (Moderation.Refused e) {
            throw new ApiException(409, "not_editable", e.getMessage());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private void requireEnabled() {
        if (!learning.enabled()) {
            throw new ApiException(409, "learning_disabled", "learning is off (learning.enabled: false)");
        }
    }

    private static ApiException bad(String message) {
        return ApiException.badRequest("bad_decision", message);
    }

    /** Logged whole; the caller is told only that the database did not answer (its message may hold SQL). */
    private static ApiException unavailable(SQLException e) {
        LOG.warn("Learning could not read the analytics database: {}", e.toString());
        return new ApiException(503, "learning_unavailable", "the analytics database cannot answer right now; try again"
                + " shortly");
    }
}
