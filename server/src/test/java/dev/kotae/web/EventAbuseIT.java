package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anonymous event posting cannot be abused, over real HTTP: one client address is throttled (429 with
 * the JSON error body and Retry-After), and a click is counted once per result shown to the visitor.
 */
class EventAbuseIT {

    private static final String VISITOR = "abuse-visitor-0001";

    @TempDir
    Path work;

    @Test
    void oneAddressPostingTooManyEventsIsTurnedAwayWithRetryAfter() throws Exception {
        KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(),
                config -> config.withAnalytics(config.analytics().withEventsPerMinute(5)));
        try {
            for (int i = 0; i < 5; i++) {
                assertEquals(202, click(server, VISITOR, "返金", "refund-timing", 1).status());
            }
            KotaeServer.Reply refused = click(server, VISITOR, "返金", "refund-timing", 1);
            assertEquals(429, refused.status(), refused.body());
            assertEquals("too_many_events", refused.json().get("error").get("code").asText());
            assertFalse(refused.json().get("error").get("message").asText().isBlank());
            long retryAfter = Long.parseLong(refused.header("retry-after"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            // Searches are not events posted by the client: they are never throttled here.
            assertEquals(200, server.query("/api/v1/search", null, java.util.Map.of("q", "返金")).status());
        } finally {
            server.stop();
        }
    }

    @Test
    void aClickCountsOncePerResultShownToTheVisitor() throws Exception {
        KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> config);
        try {
            KotaeServer.Reply searched = server.send(server.request("/api/v1/search?q="
                    + URLEncoder.encode("返金", StandardCharsets.UTF_8)).header(Sessions.HEADER, VISITOR), null);
            assertEquals(200, searched.status(), searched.body());
            JsonNode hits = searched.json().get("hits");
            assertTrue(hits.size() >= 2, searched.body());
            String first = hits.get(0).get("id").asText();
            String second = hits.get(1).get("id").asText();

            assertCounted(true, click(server, VISITOR, "返金", first, 1));
            for (int i = 0; i < 30; i++) {
                assertCounted(false, click(server, VISITOR, "返金", first, 1)); // the same result again
            }
            assertCounted(false, click(server, VISITOR, "返金", second, 1)); // not what rank 1 showed
            assertCounted(false, click(server, VISITOR, "返金", first, 7)); // a rank never shown
            assertCounted(false, click(server, "someone-else-0001", "返金", first, 1)); // no such search
            assertCounted(false, click(server, VISITOR, "配送", first, 1)); // a search never run
            assertCounted(true, click(server, VISITOR, "返金 ", second, 2)); // the other result, same query
        } finally {
            server.stop();
        }
        try (Connection db = AnalyticsStorage.embedded().connect(server.data()); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM analytics_event WHERE type = 'click'")) {
            rows.next();
            assertEquals(2, rows.getLong(1), "two results clicked, each counted once");
        }
    }

    /**
     * The gap a click-through rate of 6,000 went through: page 2 of a search is not recorded as a search,
     * so a script asking for page 2 under ever new sessions, and clicking there, added clicks to a query
     * searched once. A later page now counts only for a search the visitor ran from its first page.
     */
    @Test
    void clicksOnALaterPageCountOnlyForASearchTheVisitorRan() throws Exception {
        KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> config);
        try {
            for (int i = 0; i < 20; i++) {
                String session = "fresh-session-" + (1000 + i);
                JsonNode page2 = search(server, session, 2).get("hits");
                assertTrue(page2.size() >= 1, page2.toString());
                assertCounted(false, click(server, session, "返金", page2.get(0).get("id").asText(), 2));
            }
            search(server, VISITOR, 1);
            String second = search(server, VISITOR, 2).get("hits").get(0).get("id").asText();
            assertCounted(true, click(server, VISITOR, "返金", second, 2));
        } finally {
            server.stop();
        }
        try (Connection db = AnalyticsStorage.embedded().connect(server.data()); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT SUM(CASE WHEN type = 'search' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN type = 'click' THEN 1 ELSE 0 END) FROM analytics_event")) {
            rows.next();
            assertEquals(1, rows.getLong(1), "only the visitor's first page is a search");
            assertEquals(1, rows.getLong(2), "only the click on the visitor's own second page counts");
        }
    }

    /** Page {@code page} (one result a page) of the search for 返金, as {@code session}. */
    private static JsonNode search(KotaeServer server, String session, int page) {
        KotaeServer.Reply reply = server.send(server.request("/api/v1/search?size=1&page=" + page + "&q="
                + URLEncoder.encode("返金", StandardCharsets.UTF_8)).header(Sessions.HEADER, session), null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static void assertCounted(boolean counted, KotaeServer.Reply reply) {
        assertEquals(202, reply.status(), reply.body());
        JsonNode flag = reply.json().get("counted");
        assertEquals(counted, flag == null || flag.asBoolean(), reply.body());
    }

    private static KotaeServer.Reply click(KotaeServer server, String session, String query, String articleId, int rank) {
        String body = "{\"type\":\"click\",\"query\":\"" + query + "\",\"articleId\":\"" + articleId + "\",\"rank\":"
                + rank + "}";
        return server.send(server.request("/api/v1/events").header("Content-Type", "application/json")
                .header(Sessions.HEADER, session).POST(HttpRequest.BodyPublishers.ofString(body)), null);
    }
}
