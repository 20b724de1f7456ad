package dev.kotae.contact.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kotae.contact.ContactRequest;
import dev.kotae.contact.DeliveryException;
import dev.kotae.contact.Destination;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates one Zendesk ticket per contact request with the Tickets API ({@code POST /api/v2/tickets.json}),
 * as the agent whose API token the settings hold (HTTP basic auth {@code <email>/token:<apiToken>}, as
 * Zendesk asks for tokens).
 *
 * <p>The Tickets API rather than the Requests API: requests are the end user's side (the ticket is created
 * as the caller, who would have to be the customer), while an agent's token can create a ticket on the
 * customer's behalf with {@code requester {name, email}}, and set what triage needs: {@code priority}
 * (Zendesk's own {@code low/normal/high/urgent}, the same four as ours), {@code group_id}, {@code tags} and
 * {@code external_id}.
 *
 * <p>The ticket: the customer's subject, a first comment with the description and every other field
 * ({@link RequestText#body}; Zendesk shows the requester as its author), the configured tags plus the
 * category's id, and the request's id as {@code external_id}, so an agent can find the ticket from the
 * request. The same request's id is sent as {@code Idempotency-Key}: Zendesk answers a repeated creation
 * with the first ticket instead of making a second one, so a retry after a lost answer files nothing twice.
 * The body is the same bytes on every attempt, as Zendesk requires for a repeated key.
 *
 * <p>Answers: 2xx is delivered; 408, 409 (the same key still being processed), 429 and 5xx, a time-out or no
 * connection are worth retrying (the message says what {@code Retry-After} asked); any other answer is
 * permanent (bad token, unknown group, an invalid field), its message carrying Zendesk's short description.
 * Redirects are not followed, so the token goes nowhere but {@code baseUrl}.
 *
 * <p>Thread-safe: one HTTP client, no other state.
 */
public final class ZendeskDestination implements Destination {

    /** The {@code type} that selects this destination in the configuration. */
    public static final String TYPE = "zendesk";

    /** The path of the ticket-creation call under {@code baseUrl}. */
    public static final String TICKETS_PATH = "/api/v2/tickets.json";

    private static final Logger LOG = LoggerFactory.getLogger(ZendeskDestination.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    // The longest part of an error answer quoted to admins.
    private static final int MAX_QUOTED = 300;

    private final String name;
    private final ZendeskSettings settings;
    private final URI tickets;
    private final String authorization;
    private final HttpClient client;

    /** A destination named {@code name} that creates tickets with {@code settings}. */
    public ZendeskDestination(String name, ZendeskSettings settings) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a contact destination of type zendesk needs a name");
        }
        this.name = name;
        this.settings = settings;
        this.tickets = URI.create(settings.baseUrl() + TICKETS_PATH);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.email() + "/token:" + settings.apiToken()).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Builds the destination from its block of settings ({@link ZendeskSettings} lists them).
     *
     * @throws IllegalArgumentException naming the missing, unknown or bad setting
     */
    public static ZendeskDestination fromSettings(String name, Map<String, String> settings) {
        return new ZendeskDestination(name, ZendeskSettings.parse(name, settings));
    }

    @Override
    public String name() {
        return name;
    }

    /** The settings it creates tickets with. */
    public ZendeskSettings settings() {
        return settings;
    }

    @Override
    public void deliver(ContactRequest request) throws DeliveryException {
        HttpRequest post;
        try {
            post = HttpRequest.newBuilder(tickets).timeout(settings.timeout())
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Accept", "application/json")
                    .header("Idempotency-Key", request.id())
                    .POST(HttpRequest.BodyPublishers.ofString(ticketJson(request), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            // The JDK refuses a header value with a line break: a request id no header can carry.
            throw new DeliveryException("the request's id cannot be sent as Idempotency-Key", null, true);
        }
        HttpResponse<byte[]> response;
        try {
            response = HttpAttempt.send(client, post, settings.timeout());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("Zendesk did not answer within " + settings.timeout().toSeconds() + " s", null);
        } catch (IOException e) {
            throw new DeliveryException(redact("Zendesk at " + settings.baseUrl() + " could not be reached: " + e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while waiting for Zendesk", null);
        }
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 200 && status < 300) {
            LOG.info("{}: contact request {} filed as Zendesk ticket {}{}", name, request.id(),
                    ticketId(body),
                    response.headers().firstValue("x-idempotency-lookup").map(l -> " (idempotency " + l + ")").orElse(""));
            return;
        }
        String answer = "Zendesk answered HTTP " + status + describe(body);
        if (status == 408 || status == 409 || status == 429 || status >= 500) {
            String retryAfter = response.headers().firstValue("Retry-After").map(RequestText::oneLine).orElse(null);
            throw new DeliveryException(redact(answer + (retryAfter == null ? "" : "; retry after " + retryAfter
                    + (retryAfter.matches("\\d+") ? " s" : ""))), null);
        }
        String hint = status == 401 || status == 403 ? " (check email and apiToken)"
                : status >= 300 && status < 400 ? " (a redirect: check baseUrl)" : "";
        throw new DeliveryException(redact(answer + hint), null, true);
    }

    /** Like a record's, with the API token hidden. */
    @Override
    public String toString() {
        return "ZendeskDestination[name=" + name + ", settings=" + settings + "]";
    }

    /** The body of the ticket-creation call: {@code {"ticket": {...}}}, the same for every attempt. */
    String ticketJson(ContactRequest request) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode ticket = root.putObject("ticket");
        ticket.put("subject", RequestText.oneLine(request.subject()));
        ticket.putObject("comment").put("body", RequestText.body(request));
        ObjectNode requester = ticket.putObject("requester");
        String customer = request.name() == null ? "" : RequestText.oneLine(request.name());
        // Zendesk needs a name to create an unknown requester; the address is the one thing we always have.
        requester.put("name", customer.isEmpty() ? request.email().strip() : customer);
        requester.put("email", request.email().strip());
        ticket.put("priority", request.priority().key());
        Set<String> tags = new LinkedHashSet<>(settings.tags());
        tags.add(tag(request.categoryId()));
        tags.forEach(ticket.putArray("tags")::add);
        ticket.put("external_id", request.id());
        settings.groupId().ifPresent(id -> ticket.put("group_id", id));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings always serialises", e);
        }
    }

    // A category id as a Zendesk tag: lower case, blanks (which Zendesk splits tags at) as '_'.
    private static String tag(String categoryId) {
        return RequestText.oneLine(categoryId).toLowerCase(Locale.ROOT).replace(' ', '_').replace(',', '_');
    }

    private static String ticketId(String body) {
        try {
            JsonNode id = JSON.readTree(body).path("ticket").path("id");
            return id.isMissingNode() ? "(id not in the answer)" : "#" + id.asText();
        } catch (IOException | RuntimeException e) {
            return "(id not in the answer)";
        }
    }

    /**
     * Zendesk's own words for an error: {@code error} and {@code description} of its JSON answer, else the start
     * of the body, on one line and cut short; empty when there is nothing to quote.
     */
    private static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text;
        try {
            JsonNode json = JSON.readTree(body);
            String error = json.path("error").isTextual() ? json.path("error").asText()
                    : json.path("error").path("title").asText("");
            String description = json.path("description").asText(json.path("error").path("message").asText(""));
            JsonNode details = json.path("details");
            text = (error + (description.isEmpty() ? "" : ": " + description)
                    + (details.isMissingNode() || details.isNull() ? "" : " " + details)).strip();
        } catch (IOException | RuntimeException notJson) {
            text = body;
        }
        text = RequestText.oneLine(text);
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text);
    }

    private String redact(String message) {
        return RequestText.redact(message, settings.apiToken(), authorization.substring("Basic ".length()));
    }
}
