package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What must survive a restart: feedback, and the index itself (reopened, not rebuilt). */
class RestartIT {

    @TempDir
    Path work;

    @Test
    void feedbackAndIndexSurviveARestart() throws Exception {
        KotaeServer first = KotaeServer.withSampleContent(work);
        int articles;
        try {
            KotaeServer.Reply vote = first.post("/api/v1/articles/refund-timing/feedback",
                    "{\"helpful\": false, \"comment\": \"返金の時期が<b>わかりにくい</b>\"}", null);
            assertEquals(201, vote.status(), vote.body());
            assertEquals(201, first.post("/api/v1/articles/refund-timing/feedback", "{\"helpful\": true}", null).status());
            assertEquals(201, first.post("/api/v1/articles/escalation-en/feedback", "{\"helpful\": true}",
                    KotaeServer.AGENT_TOKEN).status());
            articles = first.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json().get("index").get("documents").asInt();
        } finally {
            first.stop();
        }

        // Changed while the server was down: picked up at start-up, everything else reopened as is.
        Files.writeString(first.content().resolve("ja/offline-edit.md"), "---\ntitle: 停止中に追加\n---\n本文",
                StandardCharsets.UTF_8);

        try (KotaeServer second = KotaeServer.over(first.content(), first.data())) {
            JsonNode feedback = second.get("/api/v1/admin/feedback?articleId=refund-timing", KotaeServer.ADMIN_TOKEN).json();
            assertEquals(1, feedback.get("totals").get("helpful").asInt());
            assertEquals(1, feedback.get("totals").get("notHelpful").asInt());
            assertEquals(3, feedback.get("count").asInt());
            assertTrue(feedback.toString().contains("わかりにくい"));

            JsonNode lastSync = second.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json().get("index").get("lastSync");
            assertEquals(1, lastSync.get("added").asInt(), lastSync.toString());
            assertEquals(0, lastSync.get("updated").asInt(), lastSync.toString());
            assertEquals(articles, lastSync.get("unchanged").asInt(), lastSync.toString());
            assertTrue(second.searchIds("停止中に追加", null).contains("offline-edit"));
        }
    }

    @Test
    void reindexRebuildsFromFilesWithoutLosingAnything() throws Exception {
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            int before = server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json().get("index").get("documents").asInt();
            assertEquals(403, server.post("/api/v1/admin/reindex", "", KotaeServer.AGENT_TOKEN).status());
            KotaeServer.Reply reindex = server.post("/api/v1/admin/reindex", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(200, reindex.status(), reindex.body());
            assertEquals(before, reindex.json().get("reindexed").asInt());
            assertEquals("refund-timing", server.searchIds("返金の時期", null).get(0));
        }
    }

    /**
     * The index and the analytics database open on two threads, and each creates the data folder: a
     * folder that does not exist yet, several levels deep, must not make either fail (H2 refused once
     * when the other thread created it first). A race, so a few fresh starts.
     */
    @Test
    void startsOnDataFoldersThatDoNotExistYet() throws Exception {
        Path content;
        try (KotaeServer sample = KotaeServer.withSampleContent(work)) {
            content = sample.content();
        }
        for (int i = 0; i < 3; i++) {
            Path data = work.resolve("fresh-" + i).resolve("deep").resolve("data");
            try (KotaeServer server = KotaeServer.over(content, data)) {
                assertTrue(server.searchIds("返金", null).contains("refund-timing"));
                assertTrue(Files.isDirectory(data.resolve("analytics")), "the analytics database is under the data folder");
            }
        }
    }
}
