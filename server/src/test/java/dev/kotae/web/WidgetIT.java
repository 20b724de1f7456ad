package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled widgets over real HTTP: their scripts are served to any site, their endpoints answer from
 * public articles only, and the events they and the API send are recorded and readable by admins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetIT {

    private static final String DEFLECT = "widget-contact-deflect";
    private static final String BOT = "widget-answer-bot";
    private static final String SESSION = "test-session-0001";

    private Path work;
    private KotaeServer server;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        this.work = work;
        Path plugins = KotaeServer.pluginFolder(work, DEFLECT + ".jar", BOT + ".jar");
        // The answer bot is installed as a PF4J zip (classes/ and lib/) rather than a jar: both must load.
        repackAsZip(plugins.resolve(BOT + ".jar"), plugins.resolve(BOT + ".zip"));
        server = KotaeServer.withPlugins(work, new PluginsConfig(plugins, Duration.ofSeconds(5), Map.of(), work));
    }

    /** A PF4J zip: the jar's entries under classes/, the manifest also at the root, an empty lib/. */
    private static void repackAsZip(Path jar, Path zip) throws java.io.IOException {
        try (var in = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(jar));
                var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("lib/"));
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes = in.readAllBytes();
                out.putNextEntry(new java.util.zip.ZipEntry("classes/" + entry.getName()));
                out.write(bytes);
                if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                    out.putNextEntry(new java.util.zip.ZipEntry("META-INF/MANIFEST.MF"));
                    out.write(bytes);
                }
            }
        }
        java.nio.file.Files.delete(jar);
    }

    @Test
    void pluginsInstalledAsZipOrJarBothRun() {
        JsonNode plugins = server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json().get("plugins");
        List<String> started = new java.util.ArrayList<>();
        plugins.forEach(p -> {
            if (p.get("state").asText().equals("started")) {
                started.add(p.get("id").asText());
            }
        });
        assertEquals(List.of(BOT, DEFLECT), started, plugins.toString());
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void widgetScriptsAreServedToAnySite() {
        KotaeServer.Reply script = server.send(server.request("/widgets/" + DEFLECT + "/deflect.js")
                .header("Origin", "https://shop.example"), null);
        assertEquals(200, script.status());
        assertTrue(script.contentType().startsWith("text/javascript"), script.contentType());
        assertEquals("*", script.header("access-control-allow-origin"));
        assertEquals("cross-origin", script.header("cross-origin-resource-policy"));
        assertTrue(script.body().length() > 500, "the real script, not a placeholder");
        assertEquals(200, server.get("/widgets/" + DEFLECT + "/deflect.css").status());
        assertEquals(200, server.get("/widgets/" + BOT + "/bot.js").status());
    }

    @Test
    void bothWidgetsUseTheOneSharedRuntime() {
        KotaeServer.Reply runtime = server.send(server.request("/widgets/runtime.js")
                .header("Origin", "https://shop.example"), null);
        assertEquals(200, runtime.status());
        assertTrue(runtime.contentType().startsWith("text/javascript"), runtime.contentType());
        assertEquals("*", runtime.header("access-control-allow-origin"));
        assertEquals("cross-origin", runtime.header("cross-origin-resource-policy"));
        assertTrue(runtime.body().contains("window.KotaeWidgets"), "the runtime, not a placeholder");
        for (String script : List.of("/widgets/" + DEFLECT + "/deflect.js", "/widgets/" + BOT + "/bot.js")) {
            String body = server.get(script).body();
            assertTrue(body.contains("'/widgets/runtime.js'"), script + " loads the runtime");
            // The helpers live in the runtime only: a widget with its own copy would drift from it again.
            for (String shared : List.of("function sessionId", "function sendEvent", "function getJson",
                    "sessionStorage", "sendBeacon", "var MESSAGES")) {
                assertFalse(body.contains(shared), script + " has its own copy of " + shared);
            }
        }
    }

    @Test
    void onlyWebAssetsOfTheWidgetsOwnJarAreServed() {
        for (String path : List.of("/widgets/" + DEFLECT + "/../../api/v1/admin/status",
                "/widgets/" + DEFLECT + "/%2e%2e/logback.xml",
                "/widgets/" + DEFLECT + "/META-INF/MANIFEST.MF",
                "/widgets/" + DEFLECT + "/dev/kotae/widget/deflect/ContactDeflectWidget.class",
                "/widgets/" + DEFLECT + "/logback.xml",
                "/widgets/" + DEFLECT + "/missing.js",
                "/widgets/no-such-plugin/deflect.js")) {
            KotaeServer.Reply reply = server.get(path);
            assertTrue(reply.status() == 404 || reply.status() == 400, path + " -> " + reply.status());
            assertTrue(reply.contentType().startsWith("application/json"), path + ": " + reply.contentType());
        }
    }

    @Test
    void deflectionEndpointSuggestsPublicArticlesOnly() {
        JsonNode articles = server.query("/api/v1/widgets/" + DEFLECT + "/suggest", null,
                Map.of("q", "後払いの支払い期限", "locale", "ja")).json().get("articles");
        assertTrue(articles.size() > 0 && articles.size() <= 3, articles.toString());
        for (JsonNode article : articles) {
            String id = article.get("id").asText();
            assertEquals(200, server.get("/api/v1/articles/" + id).status(), id + " is public");
        }
        // 承認コード only appears in an internal playbook: a widget must find nothing.
        JsonNode internal = server.query("/api/v1/widgets/" + DEFLECT + "/suggest", null,
                Map.of("q", "承認コード", "locale", "ja")).json().get("articles");
        List<String> internalIds = KotaeServer.ids(internal);
        assertFalse(internalIds.contains("refund-approval"), internalIds.toString());
        assertTrue(server.searchIds("承認コード", KotaeServer.AGENT_TOKEN).contains("refund-approval"),
                "the playbook exists and agents find it");

        assertEquals(400, server.query("/api/v1/widgets/" + DEFLECT + "/suggest", null,
                Map.of("q", "後払いの期限", "locale", "xx")).status());
        assertEquals(404, server.get("/api/v1/widgets/" + DEFLECT + "/no-such-endpoint").status());
        assertEquals(404, server.get("/api/v1/widgets/no-such-plugin/suggest").status());
    }

    @Test
    void answerBotAnswersConfidentQuestionsOnly() {
        JsonNode answer = server.query("/api/v1/widgets/" + BOT + "/ask", null,
                Map.of("q", "パスワードを忘れたのでリセットしたい", "locale", "ja")).json();
        assertTrue(answer.get("answered").asBoolean(), answer.toString());
        assertEquals("password-reset", answer.get("answer").get("id").asText(), answer.toString());
        assertFalse(answer.get("answer").get("summary").asText().isBlank());

        JsonNode none = server.query("/api/v1/widgets/" + BOT + "/ask", null,
                Map.of("q", "宇宙船の燃料を補給したい", "locale", "ja")).json();
        assertFalse(none.get("answered").asBoolean(), none.toString());
    }

    @Test
    void aHeadRequestIsAnsweredWithoutRunningTheWidget() {
        KotaeServer.Reply head = server.send(server.request("/api/v1/widgets/" + BOT + "/ask?q=headprobeonlybot&locale=ja")
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()), null);
        assertEquals(200, head.status());
        assertEquals(404, server.send(server.request("/api/v1/widgets/no-such-plugin/ask")
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()), null).status());
        // Recorded in order: once the later question is among the events, a widget run for the HEAD would be too.
        assertEquals(200, server.query("/api/v1/widgets/" + BOT + "/ask", null,
                Map.of("q", "getmarkerafterheadbot", "locale", "ja")).status());
        awaitEvent("search", e -> e.path("query").asText().equals("getmarkerafterheadbot"));
        assertFalse(server.get("/api/v1/admin/events?type=search&limit=1000", KotaeServer.ADMIN_TOKEN).body()
                .contains("headprobeonlybot"), "the widget ran for a HEAD");
    }

    @Test
    void crossOriginCallsAreAnonymousOnly() {
        KotaeServer.Reply preflight = server.send(server.request("/api/v1/events")
                .header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-kotae-session")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()), null);
        assertEquals(204, preflight.status());
        assertEquals("*", preflight.header("access-control-allow-origin"));
        assertFalse(preflight.header("access-control-allow-headers").toLowerCase().contains("authorization"));
        assertEquals("", preflight.header("access-control-allow-credentials"));

        KotaeServer.Reply admin = server.send(server.request("/api/v1/admin/status")
                .header("Origin", "https://shop.example"), KotaeServer.ADMIN_TOKEN);
        assertEquals("", admin.header("access-control-allow-origin"), "no CORS on admin endpoints");
    }

    @Test
    void eventsFromWidgetsSearchesAndVotesAreRecorded() throws Exception {
        String query = "配送状況の確認 " + System.nanoTime();
        KotaeServer.Reply accepted = server.send(server.request("/api/v1/events")
                .header("Content-Type", "text/plain;charset=UTF-8")
                .header(Sessions.HEADER, SESSION)
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"deflection\",\"widget\":\"" + DEFLECT
                        + "\",\"action\":\"solved\",\"query\":\"" + query + "\",\"articleId\":\"refund-timing\"}")), null);
        assertEquals(202, accepted.status(), accepted.body());
        server.send(server.request("/api/v1/search?q=%E8%BF%94%E5%93%81&locale=ja").header(Sessions.HEADER, SESSION), null);
        server.send(server.request("/api/v1/articles/refund-timing/feedback").header(Sessions.HEADER, SESSION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"helpful\": true}")), null);

        JsonNode deflection = awaitEvent("deflection", e -> e.get("query").asText().equals(query));
        assertEquals(DEFLECT, deflection.get("widget").asText());
        assertEquals("solved", deflection.get("action").asText());
        assertEquals(SESSION, deflection.get("sessionId").asText());
        JsonNode search = awaitEvent("search", e -> SESSION.equals(e.get("sessionId").asText()));
        assertEquals("返品", search.get("query").asText());
        assertTrue(search.get("resultCount").asInt() > 0);
        assertEquals("api", search.get("origin").asText());
        awaitEvent("feedback", e -> SESSION.equals(e.get("sessionId").asText())
                && e.get("articleId").asText().equals("refund-timing"));

        assertEquals(401, server.get("/api/v1/admin/events").status());
        assertEquals(403, server.get("/api/v1/admin/events", KotaeServer.AGENT_TOKEN).status());
    }

    @Test
    void badEventsAreRefusedWithJsonErrors() {
        for (String body : List.of("", "not json", "{\"type\":\"purchase\"}",
                "{\"type\":\"deflection\",\"widget\":\"nope\",\"action\":\"shown\"}",
                "{\"type\":\"deflection\",\"widget\":\"" + DEFLECT + "\",\"action\":\"<script>\"}",
                "{\"type\":\"click\",\"articleId\":\"refund-timing\",\"rank\":0}",
                "{\"type\":\"click\",\"articleId\":\"../../etc\",\"rank\":1}",
                "{\"type\":\"click\",\"articleId\":\"refund-timing\",\"rank\":1,\"extra\":1}",
                "{\"type\":\"click\",\"articleId\":\"refund-timing\",\"rank\":1,\"session\":\"bad session!\"}")) {
            KotaeServer.Reply reply = server.post("/api/v1/events", body, null);
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertEquals("bad_event", reply.json().get("error").get("code").asText(), body);
        }
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        // Over the server's body limit the answer comes before the body is read and the connection is then
        // closed, so a client library still sending may see the close before the answer: send over a raw
        // socket, which keeps reading the answer while the body streams (RawExchange).
        byte[] start = "{\"type\":\"click\",\"query\":\"".getBytes(StandardCharsets.US_ASCII);
        RawExchange.Result event = RawExchange.send(server.port(), "POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 20000", false, start, 20_000);
        assertEquals(413, event.status(), event.body());
        assertEquals("body_too_large", KotaeServer.JSON.readTree(event.body()).get("error").get("code").asText());
        RawExchange.Result widget = RawExchange.send(server.port(), "POST /api/v1/widgets/" + BOT + "/ask HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 70000", false, new byte[0], 70_000);
        assertEquals(413, widget.status(), widget.body());
    }

    private JsonNode awaitEvent(String type, java.util.function.Predicate<JsonNode> match) {
        JsonNode event = await("a matching " + type + " event").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    for (JsonNode candidate : server.get("/api/v1/admin/events?type=" + type + "&limit=500",
                            KotaeServer.ADMIN_TOKEN).json().get("events")) {
                        if (match.test(candidate)) {
                            return candidate;
                        }
                    }
                    return null;
                }, java.util.Objects::nonNull);
        assertEquals(type, event.get("type").asText());
        return event;
    }
}
