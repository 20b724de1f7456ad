package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Always" over real HTTP: visitors teach a phrasing, an admin decides it should always be a question of the
 * article, and it is written into the article's Markdown {@code questions:} through the editor (audited),
 * after which suggestions offer it and it is no longer a learned phrasing. Where review is required it goes
 * into a draft sent for review instead and the file is left alone.
 */
class LearningAlwaysIT {

    /** Found through a synonym (返却 => 返品): no article has the word, so only the written question suggests it. */
    private static final String QUERY = "返却";

    @TempDir
    Path work;

    @Test
    void alwaysWritesTheQuestionIntoTheMarkdownFileAndSuggestionsOfferIt() throws Exception {
        KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> learningServer(config)
                .withEditor(config.editor().withReviewRequired(false)));
        try {
            String chosen = taught(server);
            Path file = articleFile(server, chosen);
            assertFalse(questions(file).contains("  - " + QUERY), "not a question before: " + Files.readString(file));
            assertFalse(suggested(server, chosen), "not suggested before");

            KotaeServer.Reply decided = decide(server, chosen, "always");
            assertEquals(200, decided.status(), decided.body());
            assertEquals("always", decided.json().get("decision").asText(), decided.body());
            assertEquals(QUERY, decided.json().get("written").asText(), "the phrasing as customers wrote it");
            assertEquals("published", decided.json().get("outcome").asText(), decided.body());
            assertTrue(questions(file).contains("  - " + QUERY), Files.readString(file));

            Awaitility.await("the suggestion list offers the new question").atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO).until(() -> suggested(server, chosen));
            JsonNode audit = server.get("/api/v1/admin/audit?limit=5", KotaeServer.ADMIN_TOKEN).json().get("entries");
            assertEquals(chosen, audit.get(0).get("articleId").asText(), audit.toString());
            assertEquals("Learned question approved by admin", audit.get(0).get("message").asText(), audit.toString());

            // A question of the article now, not a learned phrasing.
            KotaeServer.Reply run = server.post("/api/v1/admin/learning/run", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(200, run.status(), run.body());
            assertEquals(0, run.json().get("phrasings").asInt(), run.body());
            JsonNode listed = server.get("/api/v1/admin/learning/phrasings?decision=always", KotaeServer.ADMIN_TOKEN)
                    .json().get("phrasings");
            assertEquals(1, listed.size(), listed.toString());
            assertFalse(listed.get(0).get("inUse").asBoolean(), listed.toString());

            KotaeServer.Reply again = decide(server, chosen, "always");
            assertEquals(200, again.status(), again.body());
            assertEquals("already-a-question", again.json().get("outcome").asText(), again.body());
            assertEquals(1, questions(file).split("  - " + QUERY + "\n", -1).length - 1, "written once");
        } finally {
            server.stop();
        }
    }

    @Test
    void whereReviewIsRequiredAlwaysSendsADraftForReviewAndLeavesTheFile() throws Exception {
        KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> learningServer(config)
                .withEditor(config.editor().withReviewRequired(true)));
        try {
            String chosen = taught(server);
            Path file = articleFile(server, chosen);
            String before = Files.readString(file);
            KotaeServer.Reply decided = decide(server, chosen, "always");
            assertEquals(200, decided.status(), decided.body());
            assertEquals("review-requested", decided.json().get("outcome").asText(), decided.body());
            assertEquals("approved", decided.json().get("decision").asText(), "used as approved meanwhile");
            assertEquals(before, Files.readString(file));
            JsonNode draft = server.get("/api/v1/drafts/" + chosen, KotaeServer.ADMIN_TOKEN).json();
            assertEquals("in_review", draft.get("state").asText(), draft.toString());
            assertTrue(draft.toString().contains(QUERY), draft.toString());

            KotaeServer.Reply twice = decide(server, chosen, "always");
            assertEquals(409, twice.status(), twice.body());
            assertEquals("not_editable", twice.json().get("error").get("code").asText(), twice.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void aPluginSourcesArticleCannotTakeAQuestionHereAndSaysWhy() throws Exception {
        Path sources = Files.createDirectories(work.resolve("sources"));
        Path sheet = sources.resolve("faq.csv");
        String rows = "質問,回答\r\n風呂敷で包んでもらえますか？,はい、風呂敷包装は有料です。\r\n";
        Files.writeString(sheet, rows, StandardCharsets.UTF_8);
        PluginsConfig plugins = new PluginsConfig(KotaeServer.pluginFolder(work, "source-csv.jar"), Duration.ofSeconds(10),
                java.util.Map.of("source-csv", java.util.Map.of("files", List.of(java.util.Map.of("path", "sources/faq.csv",
                        "locale", "ja")))), work);
        try (KotaeServer server = KotaeServer.configured(work, plugins,
                config -> config.withEditor(config.editor().withReviewRequired(false)))) {
            server.awaitSearch("風呂敷", null, ids -> ids.stream().anyMatch(id -> id.startsWith("csv:")));
            String id = server.searchIds("風呂敷", null).stream().filter(i -> i.startsWith("csv:")).findFirst().orElseThrow();
            KotaeServer.Reply refused = server.post("/api/v1/admin/learning/decisions", "{\"queryGroup\":\"風呂敷\","
                    + "\"articleId\":\"" + id + "\",\"scope\":\"public\",\"decision\":\"always\"}", KotaeServer.ADMIN_TOKEN);
            assertEquals(409, refused.status(), refused.body());
            assertEquals("not_editable", refused.json().get("error").get("code").asText(), refused.body());
            assertTrue(refused.json().get("error").get("message").asText().contains("plugin source"), refused.body());
            assertEquals(rows, Files.readString(sheet), "the sheet is untouched");
            assertEquals(0, server.get("/api/v1/admin/learning/phrasings?decision=always", KotaeServer.ADMIN_TOKEN)
                    .json().get("phrasings").size(), "nothing recorded when the question could not be written");
        }
    }

    @Test
    void anArticleWithAsManyQuestionsAsAllowedTakesNoMoreAndSaysWhy() throws Exception {
        try (KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> learningServer(config)
                .withEditor(config.editor().withReviewRequired(false)))) {
            String chosen = taught(server);
            Path file = articleFile(server, chosen);
            // The article's questions: as many as an article may have (any it had are replaced).
            StringBuilder full = new StringBuilder("questions:\n");
            for (int i = 0; i < dev.kotae.content.Article.MAX_QUESTIONS; i++) {
                full.append("  - よくある質問その").append(i).append('\n');
            }
            String text = Files.readString(file).replaceFirst("(?m)^questions:\n(  - .*\n)*", "")
                    .replaceFirst("\n---\n", "\n" + full + "---\n");
            Files.writeString(file, text);
            String before = Files.readString(file);

            KotaeServer.Reply refused = decide(server, chosen, "always");
            assertEquals(409, refused.status(), refused.body());
            assertEquals("not_editable", refused.json().get("error").get("code").asText(), refused.body());
            assertTrue(refused.json().get("error").get("message").asText().contains("has 200 questions, the most"),
                    refused.body());
            assertEquals(before, Files.readString(file), "the file is untouched");
        }
    }

    private static dev.kotae.config.KotaeConfig learningServer(dev.kotae.config.KotaeConfig config) {
        return config.withServer(config.server().withTrustedProxies(List.of("127.0.0.1")))
                .withAnalytics(config.analytics().withEventsPerMinute(10_000));
    }

    /** Three visitors from three addresses choose the second result; returns it once learning ran. */
    private static String taught(KotaeServer server) {
        String chosen = LearningTraffic.choose(server, QUERY, 2, 3);
        LearningTraffic.learn(server);
        assertEquals(1, server.get("/api/v1/admin/learning/phrasings?article=" + chosen, KotaeServer.ADMIN_TOKEN)
                .json().get("phrasings").size());
        return chosen;
    }

    private static KotaeServer.Reply decide(KotaeServer server, String articleId, String decision) {
        return server.post("/api/v1/admin/learning/decisions", "{\"queryGroup\":\"" + QUERY + "\",\"articleId\":\""
                + articleId + "\",\"scope\":\"public\",\"decision\":\"" + decision + "\"}", KotaeServer.ADMIN_TOKEN);
    }

    private static boolean suggested(KotaeServer server, String articleId) {
        return suggested(server, QUERY, articleId);
    }

    /** Whether typing {@code question} suggests it, as a question of the article {@code articleId}. */
    static boolean suggested(KotaeServer server, String question, String articleId) {
        JsonNode suggestions = server.get("/api/v1/suggest?size=20&q=" + URLEncoder.encode(question, StandardCharsets.UTF_8),
                null).json().get("suggestions");
        for (JsonNode s : suggestions) {
            if (s.get("id").asText().equals(articleId) && s.get("text").asText().equals(question)) {
                return true;
            }
        }
        return false;
    }

    /** The Markdown file of an article in the server's content folder. */
    static Path articleFile(KotaeServer server, String id) throws IOException {
        try (Stream<Path> files = Files.walk(server.content())) {
            return files.filter(f -> f.toString().endsWith(".md")).filter(f -> questions(f).contains("\nid: " + id + "\n"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no file " + id + ".md"));
        }
    }

    /** The front matter of an article file (its {@code questions:} among it). */
    static String questions(Path file) {
        try {
            String text = Files.readString(file);
            int end = text.indexOf("\n---", 3);
            return text.substring(0, end + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
