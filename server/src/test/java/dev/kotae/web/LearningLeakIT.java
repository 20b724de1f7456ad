package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kotae.config.PluginsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the help center learns from agents never reaches an anonymous caller, by any path. Over real HTTP,
 * with the bundled widgets running and 127.0.0.1 trusted as the proxy (so each visitor has its own address):
 * agents search words no article has with a real one, click an internal playbook and find it helpful;
 * anonymous visitors do the same with other made-up words and a public FAQ; and agents do it a third time
 * on a public FAQ, which must teach nothing (a public article learns from anonymous searches only). After
 * the admin API ran learning, every anonymous view of the agents' words (search hits, snippets, facets and
 * spelling, suggestions, both widgets) is exactly what it was before, and no page, feed or open endpoint
 * shows the playbook or the agents' words. The positive side keeps the probes honest: agents find the
 * playbook by their made-up word alone, anonymous visitors the FAQ by theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningLeakIT {

    /** Agents' words for an internal playbook: only {@code outage} is in any article. */
    private static final String AGENT_PHRASE = "zqvx secret outage";
    private static final String AGENT_WORD = "zqvx";
    private static final String INTERNAL = "outage-comms-en";
    private static final String INTERNAL_TITLE = "Outage communication checklist";
    /** Agents' words for a public FAQ: what agents' searches say of a public article teaches nothing. */
    private static final String AGENT_PUBLIC_PHRASE = "vexmor tracking";
    private static final String AGENT_PUBLIC_WORD = "vexmor";
    private static final String AGENT_CHOSEN_PUBLIC = "track-your-package";
    /** Anonymous visitors' words for a public FAQ: what the public teaches is for everyone. */
    private static final String CUSTOMER_PHRASE = "plonkwise refund";
    private static final String CUSTOMER_WORD = "plonkwise";
    private static final String CUSTOMER_CHOSEN = "refunds";

    private static final String DEFLECT = "widget-contact-deflect";
    private static final String BOT = "widget-answer-bot";
    /** Distinct visitors per phrase, each with its own session and address: above the learning minimums. */
    private static final int VISITORS = 3;

    /** What an anonymous caller asks that the agents' words could show up in: typed, misspelt, in part. */
    private static final List<String> ANONYMOUS_PROBES = List.of(AGENT_PHRASE, AGENT_WORD, "zqvy secret outage",
            "zqvx outage", AGENT_PUBLIC_PHRASE, AGENT_PUBLIC_WORD, "vexmer tracking", "secret");
    private static final List<String> TYPED_PREFIXES = List.of("zq", "zqv", "zqvx", "zqvx sec", "vexm", "vexmor t");

    private KotaeServer server;
    /** Every anonymous view of the probes before anyone searched. */
    private Map<String, String> anonymousBefore;

    @BeforeAll
    void learnFromAgentsAndVisitors(@TempDir Path work) throws Exception {
        Path plugins = KotaeServer.pluginFolder(work, DEFLECT + ".jar", BOT + ".jar");
        server = KotaeServer.configured(work, new PluginsConfig(plugins, Duration.ofSeconds(5), Map.of(), work),
                config -> config.withServer(config.server().withTrustedProxies(List.of("127.0.0.1")))
                        .withAnalytics(config.analytics().withEventsPerMinute(10_000))
                        .withLearning(config.learning().withMinimums(2, 2)));
        await("widgets started").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() ->
                server.pluginStatus(DEFLECT).get("state").asText().equals("started")
                        && server.pluginStatus(BOT).get("state").asText().equals("started"));
        assertEquals(List.of(), server.searchIds(AGENT_WORD, KotaeServer.AGENT_TOKEN), "no article has the word yet");
        assertEquals(List.of(), server.searchIds(CUSTOMER_WORD, null), "no article has the word yet");
        anonymousBefore = anonymousView();

        for (int visitor = 1; visitor <= VISITORS; visitor++) {
            choose(AGENT_PHRASE, KotaeServer.AGENT_TOKEN, "leak-agent-internal-" + visitor, "203.0.113." + visitor,
                    INTERNAL);
            choose(AGENT_PUBLIC_PHRASE, KotaeServer.AGENT_TOKEN, "leak-agent-public-" + visitor,
                    "203.0.113." + (100 + visitor), AGENT_CHOSEN_PUBLIC);
            choose(CUSTOMER_PHRASE, null, "leak-visitor-" + visitor, "198.51.100." + visitor, CUSTOMER_CHOSEN);
        }
        KotaeServer.Reply run = server.post("/api/v1/admin/learning/run", "", KotaeServer.ADMIN_TOKEN);
        assertEquals(200, run.status(), run.body());
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** One visitor searches, clicks {@code articleId} where it was shown and votes it helpful. */
    private void choose(String phrase, String token, String session, String address, String articleId) {
        List<String> shown = LearningTraffic.search(server, phrase, token, session, address, null);
        int rank = shown.indexOf(articleId) + 1;
        assertTrue(rank > 0, phrase + " should show " + articleId + ": " + shown);
        LearningTraffic.click(server, phrase, token, session, address, null, articleId, rank);
        LearningTraffic.helpful(server, token, session, address, articleId);
    }

    @Test
    void learningWorkedAgentsFindThePlaybookAndVisitorsTheFaqByTheirOwnWords() {
        assertEquals(INTERNAL, server.searchIds(AGENT_WORD, KotaeServer.AGENT_TOKEN).get(0),
                "agents taught the playbook their word");
        assertEquals(CUSTOMER_CHOSEN, server.searchIds(CUSTOMER_WORD, null).get(0),
                "anonymous visitors taught the FAQ theirs");
        assertEquals(CUSTOMER_CHOSEN, server.searchIds(CUSTOMER_WORD, KotaeServer.AGENT_TOKEN).get(0),
                "and what the public taught is for agents too");
        JsonNode phrasings = server.get("/api/v1/admin/learning/phrasings?article=" + INTERNAL, KotaeServer.ADMIN_TOKEN)
                .json().get("phrasings");
        assertEquals(1, phrasings.size(), phrasings.toString());
        assertEquals("agents", phrasings.get(0).get("scope").asText(), phrasings.toString());
        assertTrue(phrasings.get(0).get("inUse").asBoolean(), phrasings.toString());
    }

    @Test
    void agentsSearchesOfAPublicArticleTeachNothingToAnyone() {
        assertEquals(List.of(), server.searchIds(AGENT_PUBLIC_WORD, null));
        assertEquals(List.of(), server.searchIds(AGENT_PUBLIC_WORD, KotaeServer.AGENT_TOKEN));
        JsonNode phrasings = server.get("/api/v1/admin/learning/phrasings?decision=all&article=" + AGENT_CHOSEN_PUBLIC,
                KotaeServer.ADMIN_TOKEN).json().get("phrasings");
        assertFalse(phrasings.toString().contains(AGENT_PUBLIC_WORD), phrasings.toString());
    }

    @Test
    void everyAnonymousViewOfTheAgentsWordsIsWhatItWasBeforeTheyTaughtAnything() {
        Map<String, String> after = anonymousView();
        assertEquals(anonymousBefore.keySet(), after.keySet());
        for (Map.Entry<String, String> view : after.entrySet()) {
            assertEquals(anonymousBefore.get(view.getKey()), view.getValue(), view.getKey());
            assertNothingOfTheAgents(view.getKey(), view.getValue());
        }
    }

    @Test
    void pagesFeedsAndOpenEndpointsShowNothingOfTheAgents() {
        for (String path : List.of("/", "/sitemap.xml", "/articles/" + AGENT_CHOSEN_PUBLIC, "/articles/" + CUSTOMER_CHOSEN,
                "/api/v1/articles/" + AGENT_CHOSEN_PUBLIC, "/api/v1/articles/" + CUSTOMER_CHOSEN, "/api/v1/categories",
                "/metrics")) {
            KotaeServer.Reply reply = server.get(path);
            assertEquals(200, reply.status(), path);
            assertNothingOfTheAgents(path, reply.body());
        }
        for (String probe : List.of(AGENT_WORD, AGENT_PHRASE, "zqvx outage")) {
            // The results page repeats what was typed: only the playbook must be absent.
            KotaeServer.Reply page = server.query("/search", null, Map.of("q", probe));
            assertEquals(200, page.status(), probe);
            assertFalse(page.body().contains(INTERNAL) || page.body().contains(INTERNAL_TITLE), page.body());
        }
        assertEquals(404, server.get("/api/v1/articles/" + INTERNAL).status());
        assertEquals(404, server.get("/articles/" + INTERNAL).status());
        for (String path : List.of("/api/v1/analytics/queries", "/api/v1/analytics/clicks", "/api/v1/analytics/feedback",
                "/api/v1/analytics/deflection", "/api/v1/analytics/searches-per-hour", "/api/v1/admin/learning/phrasings",
                "/api/v1/admin/events")) {
            assertEquals(401, server.get(path).status(), path);
        }
        assertTrue(server.get("/api/v1/analytics/queries", KotaeServer.ADMIN_TOKEN).body().contains(AGENT_WORD),
                "the analytics do hold the agents' words, for those signed in");
    }

    /**
     * The agents' made-up words, the playbook's id and its title are nowhere in {@code shown}, the answer to
     * {@code what}, but where the caller typed them itself (a spelling suggestion repeats the words it keeps).
     */
    private static void assertNothingOfTheAgents(String what, String shown) {
        for (String secret : List.of(AGENT_WORD, AGENT_PUBLIC_WORD, INTERNAL, INTERNAL_TITLE)) {
            if (what.contains(secret)) {
                continue;
            }
            assertFalse(shown.contains(secret), () -> what + " shows " + secret + ": " + shown);
        }
    }

    /**
     * What an anonymous caller sees for each probe: the search API's answer (hits with snippets and scores,
     * total, facets, spelling), suggestions while typing, and both widgets' answers; the caller's own query
     * echoed and the time taken left out.
     */
    private Map<String, String> anonymousView() {
        Map<String, String> views = new LinkedHashMap<>();
        for (String probe : ANONYMOUS_PROBES) {
            views.put("search " + probe, withoutEcho(server.query("/api/v1/search", null,
                    Map.of("q", probe, "size", "100")).json()));
            views.put("deflect " + probe, withoutEcho(server.query("/api/v1/widgets/" + DEFLECT + "/suggest", null,
                    Map.of("q", probe, "locale", "en")).json()));
            views.put("bot " + probe, withoutEcho(server.query("/api/v1/widgets/" + BOT + "/ask", null,
                    Map.of("q", probe, "locale", "en")).json()));
        }
        for (String typed : TYPED_PREFIXES) {
            views.put("suggest " + typed, withoutEcho(server.query("/api/v1/suggest", null,
                    Map.of("q", typed, "size", "20")).json()));
        }
        return views;
    }

    /**
     * The answer without what may differ for reasons other than what was learned: the query echoed, the
     * time taken, and the hits' scores. Term statistics are the whole index's and count deleted documents
     * until a merge (see ScopedReader), so writing any article again (here, the FAQ the public taught)
     * shifts every score a little; the order of the hits is kept, and it is what a caller sees.
     */
    private static String withoutEcho(JsonNode answer) {
        if (answer instanceof ObjectNode object) {
            object.remove(List.of("query", "tookMs"));
            if (object.get("hits") != null) {
                object.get("hits").forEach(hit -> ((ObjectNode) hit).remove("score"));
            }
        }
        return answer.toString();
    }
}
