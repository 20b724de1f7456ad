package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an anonymous caller may learn beyond the articles themselves, over real HTTP: not that internal
 * articles exist in a language (a locale only playbooks are in is unknown to them, even in an error's list),
 * and a {@code HEAD} request (a link checker) is not a visitor's search or reading, so it is not recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousBoundariesIT {

    private KotaeServer server;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Path content = work.resolve("content");
        KotaeServer.copyTree(KotaeServer.sampleContent(), content);
        Files.createDirectories(content.resolve("ko"));
        Files.writeString(content.resolve("ko/escalation-ko.md"), "---\nid: escalation-ko\ntype: playbook\n"
                + "visibility: internal\nlocale: ko\n---\n# 에스컬레이션 절차\n\n상급자에게 연락합니다.\n");
        server = KotaeServer.over(content, work.resolve("data"));
        server.awaitSearch("에스컬레이션", KotaeServer.AGENT_TOKEN, ids -> ids.contains("escalation-ko"));
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aLocaleOnlyInternalArticlesAreInIsUnknownToAnonymousCallers() {
        KotaeServer.Reply wrong = server.query("/api/v1/search", null, Map.of("q", "x", "locale", "zz"));
        assertEquals(400, wrong.status(), wrong.body());
        String listed = wrong.json().get("error").get("message").asText();
        assertTrue(listed.endsWith("serves: en, ja"), listed);
        for (String path : new String[] {"/api/v1/search", "/api/v1/suggest", "/api/v1/categories"}) {
            KotaeServer.Reply korean = server.query(path, null, Map.of("q", "에스컬레이션", "locale", "ko"));
            assertEquals(400, korean.status(), path + ": " + korean.body());
            assertEquals("unknown_locale", korean.json().get("error").get("code").asText(), korean.body());
            assertFalse(korean.body().contains("ko,") || korean.body().contains(", ko"), korean.body());
        }
        // Agents know of it and search in it.
        KotaeServer.Reply agent = server.query("/api/v1/search", KotaeServer.AGENT_TOKEN,
                Map.of("q", "에스컬레이션", "locale", "ko"));
        assertEquals(200, agent.status(), agent.body());
        assertEquals("escalation-ko", agent.json().get("hits").get(0).get("id").asText(), agent.body());
        assertTrue(server.query("/api/v1/search", KotaeServer.AGENT_TOKEN, Map.of("q", "x", "locale", "zz")).json()
                .get("error").get("message").asText().endsWith("serves: en, ja, ko"));
    }

    @Test
    void aHeadRequestIsNotRecordedAsASearchOrAView() {
        for (String path : new String[] {"/api/v1/search?q=headprobeonly", "/search?q=headprobeonly",
                "/articles/refunds"}) {
            KotaeServer.Reply head = server.send(server.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                    null);
            assertEquals(200, head.status(), path);
        }
        // Recorded in order: once a later search and view are among the events, a recorded HEAD would be too.
        assertEquals(200, server.query("/api/v1/search", null, Map.of("q", "getmarkerafterhead")).status());
        assertEquals(200, server.get("/articles/shipping-fees").status());
        Awaitility.await("the later search and view are recorded").atMost(Duration.ofSeconds(30))
                .until(() -> events("search").contains("getmarkerafterhead") && events("view").contains("shipping-fees"));
        assertFalse(events("search").contains("headprobeonly"), () -> "a HEAD was recorded as a search: "
                + events("search"));
        assertFalse(events("view").contains("\"refunds\""), () -> "a HEAD was recorded as a view: " + events("view"));
    }

    private String events(String type) {
        return server.get("/api/v1/admin/events?type=" + type + "&limit=1000", KotaeServer.ADMIN_TOKEN).body();
    }
}
