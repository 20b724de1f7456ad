package dev.kotae.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.kotae.analytics.ClickLedger;
import dev.kotae.analytics.ClientAddresses;
import dev.kotae.analytics.EventBus;
import dev.kotae.analytics.EventThrottle;
import dev.kotae.analytics.EventNames;
import dev.kotae.content.Article;
import dev.kotae.http.ApiError;
import dev.kotae.http.ApiException;
import dev.kotae.http.Callers;
import dev.kotae.http.JsonMapper;
import dev.kotae.http.JsonProblems;
import dev.kotae.plugin.ClickEvent;
import dev.kotae.plugin.DeflectionEvent;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugins.Widgets;
import dev.kotae.search.SearchRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/events}: what happened in a browser, from the help center or a widget — a result
 * clicked, a deflection shown, opened, solved or submitted anyway. Accepts JSON sent as
 * {@code application/json} or as {@code text/plain} (what {@code navigator.sendBeacon} can send to
 * another origin without a preflight). Answers 202 once the event is written to the local journal (it then
 * survives a crash of the process and reaches the analytics database even if that is away for a while),
 * 503 when it could not be. Each client address may post {@code analytics.eventsPerMinutePerClient}
 * events a minute (429 with {@code Retry-After} beyond); a click is counted only for a result this
 * visitor's search showed at that rank, once.
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public final class EventResource {

    /** The request body; which fields are needed depends on {@code type}. */
    public record EventRequest(String type, String widget, String action, String query, String articleId,
            Integer rank, String session) {}

    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z-]{0,31}");
    private static final ObjectReader READER = JsonMapper.INSTANCE.readerFor(EventRequest.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final EventBus events;
    private final Widgets widgets;
    private final EventThrottle throttle;
    private final ClickLedger clicks;
    private final ClientAddresses addresses;
    private final java.util.function.Predicate<String> pageWidgets;

    public EventResource(EventBus events, Widgets widgets, EventThrottle throttle, ClickLedger clicks,
            ClientAddresses addresses) {
        this(events, widgets, throttle, clicks, addresses, widget -> false);
    }

    /**
     * @param pageWidgets the widget names of the server's own pages' deflection events (the contact page's
     *     {@code contact/<category>}), accepted beside the running widget plugins'
     */
    public EventResource(EventBus events, Widgets widgets, EventThrottle throttle, ClickLedger clicks,
            ClientAddresses addresses, java.util.function.Predicate<String> pageWidgets) {
        this.pageWidgets = pageWidgets;
        this.events = events;
        this.widgets = widgets;
        this.throttle = throttle;
        this.clicks = clicks;
        this.addresses = addresses;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response record(InputStream in, @HeaderParam(Sessions.HEADER) String sessionHeader,
            @Context HttpServletRequest http, @Context SecurityContext security) throws IOException {
        OptionalLong wait = throttle.admit(http.getRemoteAddr());
        if (wait.isPresent()) {
            return Response.status(429).header("Retry-After", wait.getAsLong()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("too_many_events", "too many events from this address; try again in "
                            + wait.getAsLong() + " s")).build();
        }
        byte[] body = Params.body(in, MAX_BODY_BYTES);
        if (body.length == 0) {
            throw bad("send a JSON event: {\"type\": \"click\" | \"deflection\", ...}");
        }
        EventRequest request;
        try {
            request = READER.readValue(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw bad("the body is not a valid event: " + JsonProblems.describe(e));
        }
        if (request == null) { // the body was JSON's null
            throw bad("send a JSON event: {\"type\": \"click\" | \"deflection\", ...}");
        }
        String session = request.session() != null ? request.session() : sessionHeader;
        if (!Sessions.acceptable(session)) {
            throw bad("session must be 8-64 characters of A-Z a-z 0-9 -");
        }
        KotaeEvent event = toEvent(request, session);
        if (event instanceof ClickEvent click
                && clicks.click(session, click.query(), click.articleId(), click.rank()) != ClickLedger.Verdict.COUNT) {
            // A repeat, or a result this visitor was never shown: accepted (a beacon cannot act on an error),
            // not counted, so a script cannot inflate click-through.
            return Response.accepted(Map.of("accepted", true, "counted", false)).build();
        }
        if (!events.publish(event, Requesters.of(addresses, http, Callers.caller(security)))) {
            // Not journaled (the journal is full or unwritable): say so rather than acknowledge a lost event.
            throw new ApiException(503, "events_unavailable", "the event could not be recorded; try again later");
        }
        return Response.accepted(Map.of("accepted", true)).build();
    }

    private KotaeEvent toEvent(EventRequest r, String session) {
        String query = r.query() == null ? null : r.query().strip();
        if (query != null && query.length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw bad("query may be at most " + SearchRequest.MAX_QUERY_LENGTH + " characters");
        }
        if (r.articleId() != null && !Article.ID_PATTERN.matcher(r.articleId()).matches()) {
            throw bad("articleId is not an article id");
        }
        Instant now = Instant.now();
        if (EventNames.CLICK.equals(r.type())) {
            if (r.articleId() == null || r.rank() == null || r.rank() < 1 || r.rank() > SearchRequest.MAX_WINDOW) {
                throw bad("a click needs articleId and rank (1-" + SearchRequest.MAX_WINDOW + ")");
            }
            return new ClickEvent(now, session, query, r.articleId(), r.rank());
        }
        if (EventNames.DEFLECTION.equals(r.type())) {
            boolean contactPage = !widgets.has(r.widget()) && pageWidgets.test(r.widget());
            if (!widgets.has(r.widget()) && !contactPage) {
                throw bad("widget must name a running widget plugin or the contact page (contact/<category>)");
            }
            if (r.action() == null || !ACTION.matcher(r.action()).matches()) {
                throw bad("action must be lower-case letters and -, e.g. shown, opened, solved, submitted");
            }
            if (contactPage && !CONTACT_PAGE_ACTIONS.contains(r.action())) {
                // The server records the page shown and the request submitted itself: posted ones would be forged.
                throw bad("the contact page's steps a browser reports are " + String.join(", ", CONTACT_PAGE_ACTIONS));
            }
            // The contact page's text is the customer's request, not a search: it stays out of analytics.
            return new DeflectionEvent(now, session, r.widget(), r.action(), contactPage ? null : query, r.articleId());
        }
        throw bad("type must be click or deflection (searches and votes are recorded by their own endpoints)");
    }

    /** What the contact page's script reports of its funnel; the other steps are recorded by the server. */
    private static final List<String> CONTACT_PAGE_ACTIONS = List.of(DeflectionEvent.SHOWN, DeflectionEvent.OPENED,
            DeflectionEvent.SOLVED);

    private static ApiException bad(String message) {
        return ApiException.badRequest("bad_event", message);
    }
}
