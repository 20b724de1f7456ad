package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import dev.kotae.learning.evidence.EvidenceIngestion;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning admin API over real HTTP: visitors (each with its own session and, through a trusted proxy,
 * its own address) search and click; {@code POST /api/v1/admin/learning/run} counts what was acknowledged
 * before it; the phrasing shows up for review and takes a decision. A crawler's clicks teach nothing, nor
 * does a flood from one address (10,000 clicks in one session, then 300 fresh sessions); bad
 * input is a 400 with a JSON body, and only admins get in. The database keeps the searcher's audience and
 * a hash of the address, never the address.
 */
class LearningApiIT {

    private static final String QUERY = "返金";

    @TempDir
    Path work;

    @Test
    void visitorsClicksBecomeAReviewablePhrasingThatAnAdminCanApprove() throws Exception {
        KotaeServer server = visitorsServer(10_000);
        String chosen;
        String passedOver;
        try {
            List<String> shown = null;
            for (int visitor = 1; visitor <= 3; visitor++) {
                shown = searchAndClick(server, "learning-visitor-" + visitor, "203.0.113." + visitor, null, 2);
            }
            for (int bot = 1; bot <= 3; bot++) {
                searchAndClick(server, "learning-crawler-" + bot, "198.51.100." + bot, "Mozilla/5.0 (compatible; Googlebot/2.1)", 1);
            }
            chosen = shown.get(1);
            passedOver = shown.get(0);

            KotaeServer.Reply run = server.post("/api/v1/admin/learning/run", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(200, run.status(), run.body());
            assertTrue(run.json().get("version").asLong() >= 1, run.body());
            assertTrue(run.json().get("evidence").asInt() >= 1, run.body());
            assertTrue(run.json().get("phrasings").asInt() >= 1, run.body());

            JsonNode phrasings = server.get("/api/v1/admin/learning/phrasings?article=" + chosen, KotaeServer.ADMIN_TOKEN)
                    .json().get("phrasings");
            assertEquals(1, phrasings.size(), phrasings.toString());
            JsonNode phrasing = phrasings.get(0);
            assertEquals(QUERY, phrasing.get("written").asText());
            assertEquals("public", phrasing.get("scope").asText());
            assertEquals(3, phrasing.get("sessions").asDouble(), 0.01);
            assertTrue(phrasing.get("confidence").asDouble() > 0, phrasing.toString());
            assertTrue(phrasing.get("inUse").asBoolean(), phrasing.toString());
            assertTrue(phrasing.get("decision").isNull(), phrasing.toString());
            assertEquals(0, server.get("/api/v1/admin/learning/phrasings?article=" + passedOver, KotaeServer.ADMIN_TOKEN)
                    .json().get("phrasings").size(), "the crawler's clicks on rank 1 count for nothing");

            KotaeServer.Reply decided = server.post("/api/v1/admin/learning/decisions", "{\"queryGroup\":\"" + QUERY
                    + "\",\"articleId\":\"" + chosen + "\",\"scope\":\"public\",\"decision\":\"approved\"}",
                    KotaeServer.ADMIN_TOKEN);
            assertEquals(200, decided.status(), decided.body());
            assertEquals("approved", decided.json().get("decision").asText());
            assertEquals(3, decided.json().get("sessions").asDouble(), 0.01);
            JsonNode approved = server.get("/api/v1/admin/learning/phrasings?decision=approved", KotaeServer.ADMIN_TOKEN)
                    .json().get("phrasings");
            assertEquals(1, approved.size(), approved.toString());
            assertEquals(0, server.get("/api/v1/admin/learning/phrasings?decision=none&article=" + chosen,
                    KotaeServer.ADMIN_TOKEN).json().get("phrasings").size());
        } finally {
            server.stop();
        }
        try (Connection db = AnalyticsStorage.embedded().connect(server.data()); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT audience, client_hash, automated, top_ids, session_id"
                        + " FROM analytics_event WHERE type = 'search'")) {
            int searches = 0;
            while (rows.next()) {
                searches++;
                assertEquals("public", rows.getString("audience"));
                String hash = rows.getString("client_hash");
                assertNotNull(hash);
                assertFalse(hash.contains("203.0.113") || hash.contains("198.51.100"), "never the address: " + hash);
                assertEquals(rows.getString("session_id").startsWith("learning-crawler-"), rows.getBoolean("automated"));
            }
            assertEquals(6, searches);
        }
    }

    @Test
    void aFloodOfFakeClicksFromOneAddressMovesNothing() throws Exception {
        KotaeServer server = visitorsServer(100_000);
        try {
            // One session, one address: 10,000 clicks on the result at rank 3.
            List<String> shown = searchAndClick(server, "flood-session-0001", "192.0.2.66", null, 3);
            String wrong = shown.get(2);
            for (int i = 1; i < 10_000; i++) {
                click(server, "flood-session-0001", "192.0.2.66", null, wrong, 3);
            }
            // The same address with a fresh session for each of 300 searches and clicks.
            for (int i = 0; i < 300; i++) {
                searchAndClick(server, "flood-fresh-session-" + i, "192.0.2.66", null, 3);
            }
            KotaeServer.Reply run = server.post("/api/v1/admin/learning/run", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(200, run.status(), run.body());
            assertEquals(0, run.json().get("phrasings").asInt(), "nothing in use: " + run.body());

            JsonNode phrasings = server.get("/api/v1/admin/learning/phrasings?article=" + wrong, KotaeServer.ADMIN_TOKEN)
                    .json().get("phrasings");
            assertEquals(1, phrasings.size(), phrasings.toString());
            assertEquals(EvidenceIngestion.PAIRS_PER_ADDRESS_PER_DAY, phrasings.get(0).get("sessions").asDouble(), 0.01,
                    "each session once, however many clicks, and one address's allowance of sessions a day");
            assertEquals(1, phrasings.get(0).get("addresses").asDouble(), 0.01, "one address");
            assertFalse(phrasings.get(0).get("inUse").asBoolean(), phrasings.toString());
            assertEquals(shown, LearningTraffic.search(server, QUERY, null, "after-the-flood-01", "192.0.2.67", null),
                    "the results are those shown before the flood, in the same order");
        } finally {
            server.stop();
        }
    }

    @Test
    void badDecisionsAre400WithJsonAndOnlyAdminsGetIn() throws Exception {
        KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> config);
        try {
            String article = server.searchIds(QUERY, null).get(0);
            for (String body : List.of("{}", "null", "{\"queryGroup\":\"x\",\"articleId\":\"" + article
                    + "\",\"scope\":\"public\",\"decision\":\"maybe\"}", "{\"queryGroup\":\"x\",\"articleId\":\"" + article
                    + "\",\"scope\":\"everyone\",\"decision\":\"approved\"}", "{\"queryGroup\":\"x\",\"articleId\":\"no such"
                    + "\",\"scope\":\"public\",\"decision\":\"approved\"}", "{\"queryGroup\":\"x\",\"articleId\":\"missing-article"
                    + "\",\"scope\":\"public\",\"decision\":\"approved\"}", "{\"queryGroup\":\"x\",\"articleId\":\"" + article
                    + "\",\"scope\":\"agents\",\"decision\":\"approved\"}", "[1, 2]")) {
                KotaeServer.Reply reply = server.post("/api/v1/admin/learning/decisions", body, KotaeServer.ADMIN_TOKEN);
                assertEquals(400, reply.status(), body + " -> " + reply.body());
                assertFalse(reply.json().get("error").get("code").asText().isBlank(), reply.body());
            }
            // A query group that is not text (sent as JSON escapes) is refused for every decision: it would be
            // stored and listed as JSON, and "always" writes it into the article's file.
            for (String notText : List.of("\\ud800", "\\ufffe", "\\u0007")) {
                for (String decision : List.of("approved", "rejected", "always", "routed")) {
                    String body = "{\"queryGroup\":\"x" + notText + "\",\"articleId\":\"" + article
                            + "\",\"scope\":\"public\",\"decision\":\"" + decision + "\"}";
                    KotaeServer.Reply reply = server.post("/api/v1/admin/learning/decisions", body, KotaeServer.ADMIN_TOKEN);
                    assertEquals(400, reply.status(), body + " -> " + reply.body());
                    assertEquals("bad_decision", reply.json().get("error").get("code").asText(), reply.body());
                }
            }
            // Nothing visible at all (zero-width space, byte-order mark, right-to-left override): "always" would
            // write an invisible question.
            String invisible = "{\"queryGroup\":\"\\u200b\\ufeff\\u202e\",\"articleId\":\"" + article
                    + "\",\"scope\":\"public\",\"decision\":\"always\"}";
            KotaeServer.Reply refused = server.post("/api/v1/admin/learning/decisions", invisible, KotaeServer.ADMIN_TOKEN);
            assertEquals(400, refused.status(), refused.body());
            assertEquals("bad_decision", refused.json().get("error").get("code").asText(), refused.body());
            assertEquals(400, server.get("/api/v1/admin/learning/phrasings?decision=perhaps", KotaeServer.ADMIN_TOKEN).status());
            assertEquals(200, server.get("/api/v1/admin/learning/phrasings?decision=NONE", KotaeServer.ADMIN_TOKEN).status(),
                    "any case, as decisions are taken");
            assertEquals(400, server.get("/api/v1/admin/learning/phrasings?limit=-1", KotaeServer.ADMIN_TOKEN).status());
            assertEquals(401, server.post("/api/v1/admin/learning/run", "", null).status());
            assertEquals(403, server.post("/api/v1/admin/learning/run", "", KotaeServer.AGENT_TOKEN).status());
            assertEquals(403, server.get("/api/v1/admin/learning/phrasings", KotaeServer.AGENT_TOKEN).status());
            assertEquals(401, server.get("/api/v1/admin/learning/phrasings", null).status());
        } finally {
            server.stop();
        }
    }

    /**
     * A query typed in hiragana that found nothing, routed to an article, finds it as customers type it:
     * its group is folded to katakana, which Kuromoji splits into other words than the hiragana.
     */
    @Test
    void aRoutedHiraganaQueryFindsItsArticleAsTyped() throws Exception {
        KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> config);
        try {
            String query = "もふもふ";
            assertEquals(List.of(), server.searchIds(query, null), "nothing found before routing");
            String body = "{\"queryGroup\":\"" + query + "\",\"articleId\":\"password-reset\",\"scope\":\"public\","
                    + "\"decision\":\"routed\"}";
            KotaeServer.Reply routed = server.post("/api/v1/admin/learning/decisions", body, KotaeServer.ADMIN_TOKEN);
            assertEquals(200, routed.status(), routed.body());
            assertEquals(200, server.post("/api/v1/admin/learning/run", "", KotaeServer.ADMIN_TOKEN).status());
            List<String> found = server.searchIds(query, null);
            assertFalse(found.isEmpty(), "the routed query finds nothing");
            assertEquals("password-reset", found.get(0), found.toString());
        } finally {
            server.stop();
        }
    }

    @Test
    void withLearningOffRunIsRefusedWithJson() throws Exception {
        KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(),
                config -> config.withLearning(config.learning().withEnabled(false)));
        try {
            KotaeServer.Reply run = server.post("/api/v1/admin/learning/run", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(409, run.status(), run.body());
            assertEquals("learning_disabled", run.json().get("error").get("code").asText());
            KotaeServer.Reply list = server.get("/api/v1/admin/learning/phrasings", KotaeServer.ADMIN_TOKEN);
            assertEquals(200, list.status(), list.body());
            assertEquals(0, list.json().get("phrasings").size());
        } finally {
            server.stop();
        }
    }

    @Test
    void aQueryNoAgentCouldDecideOnTeachesNothing() throws Exception {
        KotaeServer server = visitorsServer(10_000);
        try {
            // A bell character typed into the box: listed, it could be neither approved nor rejected.
            String bell = QUERY + "\u0007";
            List<String> shown = null;
            for (int visitor = 1; visitor <= 4; visitor++) {
                String session = "learning-bell-" + visitor;
                String address = "203.0.113." + (20 + visitor);
                shown = LearningTraffic.search(server, bell, null, session, address, null);
                LearningTraffic.click(server, bell, null, session, address, null, shown.get(1), 2);
            }
            // The control: the same query without the bell, as many visitors, is learned.
            for (int visitor = 1; visitor <= 4; visitor++) {
                searchAndClick(server, "learning-plain-" + visitor, "203.0.113." + (40 + visitor), null, 2);
            }
            KotaeServer.Reply run = server.post("/api/v1/admin/learning/run", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(200, run.status(), run.body());
            JsonNode phrasings = server.get("/api/v1/admin/learning/phrasings?decision=all", KotaeServer.ADMIN_TOKEN)
                    .json().get("phrasings");
            assertEquals(1, phrasings.size(), phrasings.toString());
            assertEquals(QUERY, phrasings.get(0).get("written").asText(), phrasings.toString());
        } finally {
            server.stop();
        }
    }

    /**
     * A server that trusts 127.0.0.1 as its proxy, so each simulated visitor has an address of its own, and
     * takes {@code eventsPerMinute} events from one client.
     */
    private KotaeServer visitorsServer(int eventsPerMinute) throws Exception {
        return KotaeServer.configured(work, PluginsConfig.none(), config -> config
                .withServer(config.server().withTrustedProxies(List.of("127.0.0.1")))
                .withAnalytics(config.analytics().withEventsPerMinute(eventsPerMinute)));
    }

    /** One visitor's search and click at {@code rank}; returns the ids shown. */
    private static List<String> searchAndClick(KotaeServer server, String session, String address, String userAgent,
            int rank) {
        List<String> ids = LearningTraffic.search(server, QUERY, null, session, address, userAgent);
        assertTrue(ids.size() >= rank, ids.toString());
        click(server, session, address, userAgent, ids.get(rank - 1), rank);
        return ids;
    }

    private static void click(KotaeServer server, String session, String address, String userAgent, String articleId,
            int rank) {
        LearningTraffic.click(server, QUERY, null, session, address, userAgent, articleId, rank);
    }
}
