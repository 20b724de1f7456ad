package dev.kotae.web;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kotae.analytics.EventNames;
import dev.kotae.analytics.RecentEvents;
import dev.kotae.auth.Caller;
import dev.kotae.content.ContentFolderMissingException;
import dev.kotae.feedback.FeedbackStore;
import dev.kotae.http.ApiException;
import dev.kotae.http.Callers;
import dev.kotae.http.JsonMapper;
import dev.kotae.index.IndexUnavailableException;
import dev.kotae.plugin.KotaeEvent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/admin/*}: admins only (401 without a token, 403 for agents). */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminResource {

    /** Recent votes and totals. */
    public record FeedbackList(String articleId, FeedbackStore.Totals totals, int count,
            List<FeedbackStore.Feedback> feedback) {}

    /** Recent events, newest first. */
    public record EventList(List<Map<String, Object>> events) {}

    private final Admin admin;
    private final FeedbackStore feedback;
    private final RecentEvents recentEvents;

    public AdminResource(Admin admin, FeedbackStore feedback, RecentEvents recentEvents) {
        this.admin = admin;
        this.feedback = feedback;
        this.recentEvents = recentEvents;
    }

    @GET
    @Path("status")
    public Map<String, Object> status(@Context SecurityContext security) throws IOException {
        requireAdmin(security);
        return admin.status();
    }

    @POST
    @Path("reindex")
    public Map<String, Object> reindex(@Context SecurityContext security) throws IOException {
        requireAdmin(security);
        try {
            return admin.reindex();
        } catch (IndexUnavailableException e) {
            throw new ApiException(503, "index_unavailable", e.getMessage());
        } catch (ContentFolderMissingException e) {
            throw new ApiException(503, "content_unavailable", e.getMessage());
        }
    }

    @GET
    @Path("feedback")
    public FeedbackList feedback(@QueryParam("articleId") String articleId, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        requireAdmin(security);
        int max = Params.bounded(limit, "limit", 100, 1000);
        String id = Params.optional(articleId);
        return new FeedbackList(id, id == null ? null : feedback.totals(id), feedback.size(), feedback.recent(id, max));
    }

    @GET
    @Path("events")
    public EventList events(@QueryParam("type") String type, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        requireAdmin(security);
        int max = Params.bounded(limit, "limit", 100, RecentEvents.CAPACITY);
        String kind = Params.optional(type);
        if (kind != null && !EventNames.ALL.contains(kind)) {
            throw ApiException.badRequest("bad_type", "type must be one of " + String.join(", ", EventNames.ALL));
        }
        return new EventList(recentEvents.latest(kind, max).stream().map(AdminResource::eventJson).toList());
    }

    /** An event as JSON: its type name first, then its fields. */
    private static Map<String, Object> eventJson(KotaeEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", EventNames.of(event));
        json.putAll(JsonMapper.INSTANCE.convertValue(event, EVENT_FIELDS));
        return json;
    }

    private static final TypeReference<Map<String, Object>> EVENT_FIELDS = new TypeReference<>() {};

    /** 401 for an anonymous caller, 403 for one without the admin role. */
    static Caller requireAdmin(SecurityContext security) {
        Caller caller = Callers.caller(security);
        if (caller.isAnonymous()) {
            throw new NotAuthorizedException(AuthFilter.CHALLENGE);
        }
        if (!caller.isAdmin()) {
            throw new ApiException(403, "forbidden", "this needs the admin role");
        }
        return caller;
    }
}
