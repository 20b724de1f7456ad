package dev.kotae.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulated agent of {@code kotae eval --learn} ({@link LearningEvaluation#approve}) against a stand-in
 * for the learning admin API that lists phrasings two at a time: it approves a phrasing only when its
 * article is the top-grade answer of a traffic query that groups to it (by {@code queryGroup} or by the
 * folded {@code written} form), rejects the rest, and asks for pages until none is left undecided.
 */
class LearningApprovalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "approval-test-token";

    @Test
    void approvesTopGradeAnswersOfMatchingTrafficQueriesAndRejectsTheRest() throws Exception {
        FaqBenchmark benchmark = new FaqBenchmark("tiny", List.of(),
                List.of(new FaqBenchmark.Query("t1", "Reset  Password"), new FaqBenchmark.Query("t2", "download invoice")),
                Map.of("t1", Map.of("f1", 2, "f2", 1), "t2", Map.of("f3", 2)));
        Map<String, String> decided = new LinkedHashMap<>();
        List<ObjectNode> listed = new ArrayList<>(List.of(
                phrasing("reset password", "reset password", "f1"), // the answer: approved
                phrasing("reset password", "reset password", "f2"), // only related: rejected
                phrasing("invoice download", "Download Invoice", "f3"), // matched by its written form: approved
                phrasing("opening hours", "opening hours", "f1"))); // no traffic query asked it: rejected
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/admin/learning/phrasings", exchange -> {
            if (authorized(exchange)) {
                ArrayNode page = JSON.createArrayNode();
                listed.stream().filter(p -> !decided.containsKey(key(p))).limit(2).forEach(page::add);
                answer(exchange, JSON.createObjectNode().set("phrasings", page));
            }
        });
        server.createContext("/api/v1/admin/learning/decisions", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            if (authorized(exchange)) {
                decided.put(key(body), body.get("decision").asText() + " " + body.get("scope").asText());
                answer(exchange, body);
            }
        });
        server.start();
        try {
            HelpCenterApi api = new HelpCenterApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                    TOKEN);
            LearningEvaluation.Approval approval = LearningEvaluation.approve(api, benchmark, benchmark.queries());
            assertEquals(new LearningEvaluation.Approval(2, 2, 1, 0), approval);
            assertEquals(Map.of("reset password→f1", "approved public", "reset password→f2", "rejected public",
                    "invoice download→f3", "approved public", "opening hours→f1", "rejected public"), decided);
        } finally {
            server.stop(0);
        }
    }

    private static ObjectNode phrasing(String group, String written, String articleId) {
        ObjectNode node = JSON.createObjectNode();
        node.put("queryGroup", group).put("written", written).put("articleId", articleId).put("scope", "public")
                .put("sessions", 3).put("confidence", 0.5).put("inUse", false).putNull("decision");
        return node;
    }

    private static String key(JsonNode phrasing) {
        return phrasing.get("queryGroup").asText() + "→" + phrasing.get("articleId").asText();
    }

    /** Whether the request carries the admin token; answers 401 when it does not. */
    private static boolean authorized(HttpExchange exchange) throws IOException {
        if (("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        exchange.sendResponseHeaders(401, -1);
        exchange.close();
        return false;
    }

    private static void answer(HttpExchange exchange, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
