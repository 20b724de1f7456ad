package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Visitors as the learning tests simulate them: each request carries the visitor's session
 * ({@link Sessions#HEADER}) and, through a server that trusts 127.0.0.1 as its proxy, the visitor's own
 * address ({@code X-Forwarded-For}); a {@code token} makes the visitor a signed-in caller (an agent), a
 * {@code userAgent} can make it look like a crawler.
 */
final class LearningTraffic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LearningTraffic() {}

    /** One search by the visitor; returns the ids shown, in rank order. */
    static List<String> search(KotaeServer server, String query, String token, String session, String address,
            String userAgent) {
        HttpRequest.Builder search = server.request("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .header(Sessions.HEADER, session).header("X-Forwarded-For", address);
        if (userAgent != null) {
            search.header("User-Agent", userAgent);
        }
        KotaeServer.Reply searched = server.send(search, token);
        assertEquals(200, searched.status(), searched.body());
        return KotaeServer.ids(searched.json().get("hits"));
    }

    /** One click event of the visitor on the result at {@code rank} of {@code query}; accepted (counted or not). */
    static void click(KotaeServer server, String query, String token, String session, String address, String userAgent,
            String articleId, int rank) {
        ObjectNode body = JSON.createObjectNode().put("type", "click").put("query", query).put("articleId", articleId)
                .put("rank", rank);
        HttpRequest.Builder click = server.request("/api/v1/events").header("Content-Type", "application/json")
                .header(Sessions.HEADER, session).header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (userAgent != null) {
            click.header("User-Agent", userAgent);
        }
        KotaeServer.Reply clicked = server.send(click, token);
        assertEquals(202, clicked.status(), clicked.body());
    }

    /** The visitor's "this was helpful" vote on an article; recorded. */
    static void helpful(KotaeServer server, String token, String session, String address, String articleId) {
        HttpRequest.Builder vote = server.request("/api/v1/articles/" + articleId + "/feedback")
                .header("Content-Type", "application/json").header(Sessions.HEADER, session)
                .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString("{\"helpful\":true}"));
        KotaeServer.Reply voted = server.send(vote, token);
        assertEquals(2, voted.status() / 100, () -> articleId + ": " + voted.status() + " " + voted.body());
    }

    /**
     * {@code visitors} anonymous visitors (each its own session and address) search {@code query} and click
     * the result at {@code rank}; returns its id.
     */
    static String choose(KotaeServer server, String query, int rank, int visitors) {
        String chosen = null;
        for (int visitor = 1; visitor <= visitors; visitor++) {
            String session = "learning-visitor-" + Integer.toHexString(query.hashCode()) + "-" + visitor;
            String address = "203.0.113." + visitor;
            chosen = search(server, query, null, session, address, null).get(rank - 1);
            click(server, query, null, session, address, null, chosen, rank);
        }
        return chosen;
    }

    /** Runs a learning cycle through the admin API (it counts every event acknowledged before it). */
    static void learn(KotaeServer server) {
        KotaeServer.Reply run = server.post("/api/v1/admin/learning/run", "", KotaeServer.ADMIN_TOKEN);
        assertEquals(200, run.status(), run.body());
    }
}
