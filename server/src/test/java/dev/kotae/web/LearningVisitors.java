package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Visitors teaching a server over real HTTP, for the learning tests: each with its own session and, through
 * the trusted proxy (the server must trust 127.0.0.1), its own address, searches and clicks a result.
 */
final class LearningVisitors {

    private LearningVisitors() {}

    /** {@code visitors} visitors search {@code query} and click the result at {@code rank}; returns its id. */
    static String choose(KotaeServer server, String query, int rank, int visitors) {
        String chosen = null;
        for (int visitor = 1; visitor <= visitors; visitor++) {
            String session = "learning-visitor-" + Math.abs(query.hashCode()) + "-" + visitor;
            String address = "203.0.113." + visitor;
            KotaeServer.Reply searched = server.send(server.request("/api/v1/search?q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8)).header(Sessions.HEADER, session)
                    .header("X-Forwarded-For", address), null);
            assertEquals(200, searched.status(), searched.body());
            chosen = KotaeServer.ids(searched.json().get("hits")).get(rank - 1);
            KotaeServer.Reply clicked = server.send(server.request("/api/v1/events")
                    .header("Content-Type", "application/json").header(Sessions.HEADER, session)
                    .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"type\":\"click\",\"query\":\"" + query + "\",\"articleId\":\"" + chosen
                                    + "\",\"rank\":" + rank + "}")), null);
            assertEquals(202, clicked.status(), clicked.body());
        }
        return chosen;
    }

    /** Runs a learning cycle through the admin API. */
    static void learn(KotaeServer server) {
        KotaeServer.Reply run = server.post("/api/v1/admin/learning/run", "", KotaeServer.ADMIN_TOKEN);
        assertEquals(200, run.status(), run.body());
    }
}
