package dev.kotae.web;

import dev.kotae.contact.ContactDesk;
import dev.kotae.contact.ContactFields;
import dev.kotae.contact.ContactQueue;
import dev.kotae.contact.Delivery;
import dev.kotae.http.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/admin/contact}: the contact page's queue, for admins (401 without a token, 403 for
 * agents). {@code GET requests} lists the newest requests with each delivery's state, attempts and last
 * error; {@code GET deliveries} those not delivered yet (pending or failed); {@code POST
 * deliveries/{requestId}/{destination}/retry} makes one due now. 503 while the database does not answer.
 */
@Path("/api/v1/admin/contact")
@Produces(MediaType.APPLICATION_JSON)
public final class ContactAdminResource {

    private static final int MAX_LIMIT = 1000;

    private final ContactDesk desk;

    public ContactAdminResource(ContactDesk desk) {
        this.desk = desk;
    }

    @GET
    @Path("requests")
    public Map<String, Object> requests(@QueryParam("limit") String limit,
            @Context SecurityContext security) {
        AdminResource.requireAdmin(security);
        try {
            List<Map<String, Object>> requests = desk.recent(limit(limit)).stream().map(ContactAdminResource::json).toList();
            return Map.of("destinationsConfigured", desk.hasDestinations(), "requests", requests);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @GET
    @Path("deliveries")
    public Map<String, Object> deliveries(@QueryParam("limit") String limit,
            @Context SecurityContext security) {
        AdminResource.requireAdmin(security);
        try {
            return Map.of("deliveries", desk.undelivered(limit(limit)).stream().map(ContactAdminResource::json).toList());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @POST
    @Path("deliveries/{requestId}/{destination}/retry")
    public Map<String, Object> retry(@PathParam("requestId") String requestId,
            @PathParam("destination") String destination, @Context SecurityContext security) {
        AdminResource.requireAdmin(security);
        try {
            if (!desk.retryNow(requestId, destination)) {
                throw ApiException.notFound("undelivered delivery");
            }
            return Map.of("retrying", true);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static int limit(String limit) {
        return Params.bounded(limit, "limit", 100, MAX_LIMIT);
    }

    private static Map<String, Object> json(ContactQueue.Queued queued) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("request", ContactFields.of(queued.request()));
        json.put("deliveries", queued.deliveries().stream().map(ContactAdminResource::json).toList());
        return json;
    }

    private static Map<String, Object> json(Delivery delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requestId", delivery.requestId());
        json.put("destination", delivery.destination());
        json.put("state", delivery.state().key());
        json.put("attempts", delivery.attempts());
        json.put("nextAttemptAt", delivery.nextAttemptAt().toString());
        json.put("lastError", delivery.lastError());
        json.put("updatedAt", delivery.updatedAt().toString());
        return json;
    }

    private static ApiException unavailable(SQLException e) {
        return new ApiException(503, "contact_queue_unavailable", "the contact queue cannot be read now: "
                + e.getMessage());
    }
}
