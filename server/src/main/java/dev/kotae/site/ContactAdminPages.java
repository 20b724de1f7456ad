package dev.kotae.site;

import dev.kotae.auth.Caller;
import dev.kotae.contact.ContactDesk;
import dev.kotae.contact.ContactQueue;
import dev.kotae.contact.Delivery;
import dev.kotae.contact.DeliveryState;
import dev.kotae.http.Callers;
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
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code /admin/contact}: the contact page's requests, newest first, each with where it went and how
 * (delivered, still queued with its next attempt, failed) and the destination's last error, with a
 * "retry now" button beside each delivery not yet made. Admins only. Says so when no destination is
 * configured: requests are then only kept here. Customers' text is only ever shown through the templates'
 * escaping.
 */
@Path("/admin/contact")
@SitePage
@Produces(MediaType.TEXT_HTML)
public final class ContactAdminPages {

    static final String PATH = "/admin/contact";
    /** Requests listed at most. */
    static final int SHOWN = 200;

    /** One delivery as listed; {@code retry} whether it may be retried now. */
    public record DeliveryRow(String destination, String state, String stateLabel, int attempts, String next,
            String lastError, boolean retry) {}

    /** One request as listed. */
    public record RequestRow(String id, String submitted, String category, String priority, String subject,
            String email, String name, String description, List<DeliveryRow> deliveries) {}

    /**
     * The page.
     *
     * @param available false when the database did not answer
     */
    public record Queue(List<RequestRow> requests, boolean destinationsConfigured, boolean available,
            Pages.Notice notice, String zone) {}

    private final Site site;
    private final ContactDesk desk;
    private final EditorRequests requests;

    public ContactAdminPages(Site site, ContactDesk desk) {
        this.site = site;
        this.desk = desk;
        this.requests = new EditorRequests(site);
    }

    @GET
    public Response queue(@QueryParam("done") String done, @Context ContainerRequestContext request) {
        Caller caller = Callers.caller(request.getSecurityContext());
        if (caller.isAnonymous()) {
            return EditorRequests.signIn(PATH);
        }
        if (!caller.isAdmin()) {
            throw new PageException(403, "contactAdmin.forbidden");
        }
        Messages messages = Messages.of(site.language(request));
        Pages.Notice notice = "retried".equals(done) ? new Pages.Notice(messages.text("contactAdmin.retried"), false)
                : "gone".equals(done) ? new Pages.Notice(messages.text("contactAdmin.gone"), true) : null;
        return page(request, caller, messages, notice);
    }

    @POST
    @Path("retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(MultivaluedMap<String, String> posted, @Context ContainerRequestContext request) {
        Caller caller = requests.formCaller(request, posted);
        if (!caller.isAdmin()) {
            throw new PageException(403, "contactAdmin.forbidden");
        }
        String requestId = Objects.requireNonNullElse(posted.getFirst("requestId"), "").strip();
        String destination = Objects.requireNonNullElse(posted.getFirst("destination"), "").strip();
        if (requestId.isEmpty() || requestId.length() > 36 || destination.isEmpty() || destination.length() > 64) {
            throw new PageException(400);
        }
        try {
            boolean retrying = desk.retryNow(requestId, destination);
            return Response.seeOther(URI.create(PATH + "?done=" + (retrying ? "retried" : "gone"))).build();
        } catch (SQLException e) {
            Messages messages = Messages.of(site.language(request));
            return page(request, caller, messages, new Pages.Notice(messages.text("learning.unavailable"), true));
        }
    }

    private Response page(ContainerRequestContext request, Caller caller, Messages messages, Pages.Notice notice) {
        List<RequestRow> rows = List.of();
        boolean available = true;
        try {
            rows = desk.recent(SHOWN).stream().map(queued -> row(queued, messages)).toList();
        } catch (SQLException e) {
            available = false;
        }
        PageContext page = requests.context(request, caller, "contactAdmin.title", "page-contact-admin");
        return site.page(available ? 200 : 503, "contactAdmin.jte", page, "queue",
                new Queue(rows, desk.hasDestinations(), available, notice, requests.zone().getId()));
    }

    private RequestRow row(ContactQueue.Queued queued, Messages messages) {
        var request = queued.request();
        List<DeliveryRow> deliveries = queued.deliveries().stream().map(d -> delivery(d, messages)).toList();
        // The admin's language, not the customer's: the stored label is what the customer read, kept for a
        // category since removed.
        String category = desk.config().label(request.categoryId(), messages.language(), request.categoryLabel());
        return new RequestRow(request.id(), time(request.submittedAt()), category,
                messages.text("contact.priority." + request.priority().key()), request.subject(), request.email(),
                request.name(), request.description(), deliveries);
    }

    private DeliveryRow delivery(Delivery delivery, Messages messages) {
        boolean pending = delivery.state() == DeliveryState.PENDING;
        return new DeliveryRow(delivery.destination(), delivery.state().key(),
                messages.text("contactAdmin.state." + delivery.state().key()), delivery.attempts(),
                pending ? time(delivery.nextAttemptAt()) : "", delivery.lastError(),
                delivery.state() != DeliveryState.DELIVERED);
    }

    private String time(Instant at) {
        return requests.when(at);
    }
}
