package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers (replicas, each with its own data folder) on one PostgreSQL schema see each other's votes
 * over HTTP: a vote cast on one is counted on the other.
 */
class SharedFeedbackIT {

    @TempDir
    Path work;

    @Test
    void aVoteCastOnOneReplicaIsSeenOnTheOther() throws Exception {
        try (AnalyticsStorage storage = AnalyticsStorage.postgres()) {
            KotaeServer one = KotaeServer.configured(Files.createDirectories(work.resolve("one")), PluginsConfig.none(),
                    storage::configure);
            KotaeServer other = KotaeServer.configured(Files.createDirectories(work.resolve("other")),
                    PluginsConfig.none(), storage::configure);
            try {
                vote(one, true, null);
                vote(other, false, "seen everywhere");
                vote(one, false, null);
                for (KotaeServer replica : new KotaeServer[] {one, other}) {
                    KotaeServer.Reply list = replica.get("/api/v1/admin/feedback?articleId=refund-timing",
                            KotaeServer.ADMIN_TOKEN);
                    assertEquals(200, list.status(), list.body());
                    JsonNode json = list.json();
                    assertEquals(1, json.get("totals").get("helpful").asLong(), json.toString());
                    assertEquals(2, json.get("totals").get("notHelpful").asLong(), json.toString());
                    assertEquals(3, json.get("count").asLong(), json.toString());
                    assertEquals("seen everywhere", json.get("feedback").get(1).get("comment").asText(), json.toString());
                }
            } finally {
                one.stop();
                other.stop();
            }
        }
    }

    private static void vote(KotaeServer server, boolean helpful, String comment) throws Exception {
        String body = KotaeServer.JSON.writeValueAsString(comment == null ? Map.of("helpful", helpful)
                : Map.of("helpful", helpful, "comment", comment));
        KotaeServer.Reply reply = server.post("/api/v1/articles/refund-timing/feedback", body, null);
        assertEquals(201, reply.status(), reply.body());
    }
}
