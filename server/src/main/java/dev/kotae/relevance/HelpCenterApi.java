package dev.kotae.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON API of a running Kotae as the learning evaluation calls it over real HTTP: searches, clicks
 * and votes as anonymous visitors would send them (each with its own {@code X-Kotae-Session} and, through
 * a proxy the server trusts, its own {@code X-Forwarded-For} address), and the learning admin API as an
 * agent with an admin token would. One keep-alive HTTP/1.1 client is shared by every thread.
 *
 * <p>Every call has a timeout and any answer other than the documented one is an {@link IOException}
 * naming the call, its status and body, so a server without the learning API (404) stops the evaluation
 * with a clear message instead of hanging or scoring nonsense.
 */
final class HelpCenterApi {

    /** The session header visitors send (as {@code web.Sessions.HEADER}). */
    static final String SESSION_HEADER = "X-Kotae-Session";
    /** How long one search, event or admin read may take before the evaluation gives up. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How long one learning cycle may take: it waits for the event journal to reach the database and
     * reindexes the articles whose phrasings changed, on a whole benchmark.
     */
    private static final Duration LEARNING_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who a request comes from: a visitor's session and address, or nobody in particular (both {@code null}). */
    record Visitor(String session, String address) {
        static final Visitor ANONYMOUS = new Visitor(null, null);
    }

    /** A learned phrasing as {@code GET /api/v1/admin/learning/phrasings} lists it. */
    record Phrasing(String queryGroup, String written, String articleId, String scope, double sessions,
            double confidence, boolean inUse, String decision) {}

    /** What {@code POST /api/v1/admin/learning/run} reports. */
    record LearningRun(long version, long evidence, long phrasings) {}

    private final URI base;
    private final String adminToken;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param base the server's address ({@code http://127.0.0.1:PORT/})
     * @param adminToken a bearer token with the admin role, for the learning admin API
     */
    HelpCenterApi(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    /** The ids of the first {@code size} results for {@code query}, best first, as {@code visitor} searched. */
    List<String> search(String query, int size, Visitor visitor) throws IOException {
        HttpRequest.Builder request = visitor(request("api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&size=" + size), visitor).GET();
        JsonNode hits = expect("GET /api/v1/search", request, 200, CALL_TIMEOUT).path("hits");
        List<String> ids = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            ids.add(hit.path("id").asText());
        }
        return ids;
    }

    /**
     * Posts {@code visitor}'s click on {@code articleId}, shown at {@code rank} for {@code query}; returns
     * whether the server counted it (it refuses a click on a result it did not show that visitor).
     */
    boolean click(String query, String articleId, int rank, Visitor visitor) throws IOException {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "click");
        event.put("query", query);
        event.put("articleId", articleId);
        event.put("rank", rank);
        JsonNode answer = expect("POST /api/v1/events", visitor(json(request("api/v1/events"), event), visitor), 202,
                CALL_TIMEOUT);
        return answer.path("counted").asBoolean(true);
    }

    /** Posts {@code visitor}'s "helpful" vote on {@code articleId}. */
    void helpful(String articleId, Visitor visitor) throws IOException {
        expect("POST /api/v1/articles/{id}/feedback", visitor(json(request("api/v1/articles/"
                + URLEncoder.encode(articleId, StandardCharsets.UTF_8) + "/feedback"), Map.of("helpful", true)), visitor),
                201, CALL_TIMEOUT);
    }

    /** Runs one learning cycle and returns once searches rank with what it learned. */
    LearningRun learn() throws IOException {
        JsonNode answer = expect("POST /api/v1/admin/learning/run",
                admin(request("api/v1/admin/learning/run")).POST(HttpRequest.BodyPublishers.noBody()), 200,
                LEARNING_TIMEOUT);
        return new LearningRun(answer.path("version").asLong(), answer.path("evidence").asLong(),
                answer.path("phrasings").asLong());
    }

    /** Up to {@code limit} learned phrasings no agent decided on yet, most confident first. */
    List<Phrasing> undecided(int limit) throws IOException {
        JsonNode answer = expect("GET /api/v1/admin/learning/phrasings",
                admin(request("api/v1/admin/learning/phrasings?decision=none&limit=" + limit)).GET(), 200, CALL_TIMEOUT);
        List<Phrasing> phrasings = new ArrayList<>();
        for (JsonNode p : answer.path("phrasings")) {
            phrasings.add(new Phrasing(p.path("queryGroup").asText(), p.path("written").asText(),
                    p.path("articleId").asText(), p.path("scope").asText(), p.path("sessions").asDouble(),
                    p.path("confidence").asDouble(), p.path("inUse").asBoolean(),
                    p.path("decision").isNull() ? null : p.path("decision").asText(null)));
        }
        return phrasings;
    }

    /** Records an agent's decision ({@code approved} or {@code rejected}) on {@code phrasing}. */
    void decide(Phrasing phrasing, String decision) throws IOException {
        decide(phrasing.queryGroup(), phrasing.articleId(), phrasing.scope(), decision);
    }

    /**
     * Records an agent's decision on {@code query} (as typed or grouped; the server groups it) and
     * {@code articleId} in {@code scope}: {@code routed} says the query should go to the article.
     */
    void decide(String query, String articleId, String scope, String decision) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("queryGroup", query);
        body.put("articleId", articleId);
        body.put("scope", scope);
        body.put("decision", decision);
        expect("POST /api/v1/admin/learning/decisions", admin(json(request("api/v1/admin/learning/decisions"), body)),
                200, CALL_TIMEOUT);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve("/" + path)).header("Accept", "application/json");
    }

    private static HttpRequest.Builder visitor(HttpRequest.Builder request, Visitor visitor) {
        if (visitor.session() != null) {
            request.header(SESSION_HEADER, visitor.session());
        }
        if (visitor.address() != null) {
            request.header("X-Forwarded-For", visitor.address());
        }
        return request;
    }

    private HttpRequest.Builder admin(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + adminToken);
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, Object body) throws IOException {
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }

    private JsonNode expect(String call, HttpRequest.Builder request, int status, Duration timeout) throws IOException {
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(call + " interrupted", e);
        }
        if (response.statusCode() != status) {
            String body = response.body().length() > 500 ? response.body().substring(0, 500) + "…" : response.body();
            throw new IOException(call + " answered " + response.statusCode() + " (expected " + status + ")"
                    + (response.statusCode() == 404 && call.contains("/learning/")
                            ? ": this server has no learning API (issue 28)" : "")
                    + ": " + body);
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
