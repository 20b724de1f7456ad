package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies a client got wrong (one that never arrives whole, JSON of the wrong shape, something after
 * the JSON) and admin requests from callers who may not make them: answered with a 4xx and the usual JSON
 * error, never a 500, in words that name the field and not our Java types; an admin route reads no body
 * before it knows the caller is an admin. A second server's idle timeout is one second, so a stalled body is
 * given up on quickly (the answer is awaited, not slept for); it is spoken to only over fresh raw
 * connections, as a pooled client connection left idle that long would be closed under it.
 */
class BadBodiesIT {

    @TempDir
    static Path work;

    private static KotaeServer server;
    /** Gives up on a silent connection after one second. */
    private static KotaeServer quick;

    @BeforeAll
    static void startServers() throws Exception {
        server = KotaeServer.configured(work, PluginsConfig.none(), config -> config);
        quick = KotaeServer.configured(java.nio.file.Files.createDirectories(work.resolve("quick")), PluginsConfig.none(),
                config -> config.withServer(config.server().withIdleTimeoutSeconds(1)));
    }

    @AfterAll
    static void stopServers() throws Exception {
        server.close();
        quick.close();
    }

    @Test
    void anEventWhoseBodyStopsHalfWayIsAnswered408() throws Exception {
        RawExchange.Result answer = stalled("/api/v1/events", null, "{\"type\":\"click\",\"articleId\":\"refunds\"");
        assertError(answer, 408, "body_timeout");
    }

    @Test
    void anAdminDecisionWhoseBodyStopsHalfWayIsAnswered408() throws Exception {
        // Read by Jersey's JSON reader, not by the resource: the same answer.
        RawExchange.Result answer = stalled("/api/v1/admin/learning/decisions", KotaeServer.ADMIN_TOKEN,
                "{\"queryGroup\":\"refund\",");
        assertError(answer, 408, "body_timeout");
    }

    @Test
    void anAdminRouteRefusesAnAnonymousCallerBeforeReadingTheBody() throws Exception {
        KotaeServer.Reply malformed = server.post("/api/v1/admin/learning/decisions", "garbage{", null);
        assertEquals(401, malformed.status(), malformed.body());
        assertEquals("unauthorized", KotaeServer.JSON.readTree(malformed.body()).path("error").path("code").asText());
        assertTrue(malformed.headers().getOrDefault("www-authenticate", "").startsWith("Bearer"), malformed.headers().toString());
        // A body that never arrives is not waited for either.
        RawExchange.Result stalled = stalled("/api/v1/admin/learning/decisions", null, "{\"queryGroup\":");
        assertError(stalled, 401, "unauthorized");
    }

    @Test
    void anAdminRouteRefusesAnAgentBeforeReadingTheBody() throws Exception {
        KotaeServer.Reply malformed = server.post("/api/v1/admin/learning/decisions", "garbage{", KotaeServer.AGENT_TOKEN);
        assertEquals(403, malformed.status(), malformed.body());
        assertEquals("forbidden", KotaeServer.JSON.readTree(malformed.body()).path("error").path("code").asText());
    }

    @Test
    void aBodyOfTheWrongShapeIsRefusedInWordsThatNameTheFieldNotOurTypes() throws Exception {
        String nested = "[".repeat(5_000) + "]".repeat(5_000);
        for (String body : new String[] {"[]", "{\"type\": [1]}", nested}) {
            KotaeServer.Reply event = server.post("/api/v1/events", body, null);
            assertEquals(400, event.status(), body + ": " + event.body());
            assertNoInternals(event.body());
        }
        KotaeServer.Reply decision = server.post("/api/v1/admin/learning/decisions",
                "{\"queryGroup\": [1], \"articleId\": \"refunds\"}", KotaeServer.ADMIN_TOKEN);
        assertEquals(400, decision.status(), decision.body());
        assertEquals("bad_json", KotaeServer.JSON.readTree(decision.body()).path("error").path("code").asText());
        assertTrue(decision.body().contains("'queryGroup'"), decision.body());
        assertNoInternals(decision.body());
        KotaeServer.Reply deep = server.post("/api/v1/admin/learning/decisions", nested, KotaeServer.ADMIN_TOKEN);
        assertEquals(400, deep.status(), deep.body());
        assertNoInternals(deep.body());
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNotConverted() {
        // Each was read as something else before: "1" and 1.5 as rank 1, 1 as the query group "1".
        for (String rank : new String[] {"\"1\"", "1.5"}) {
            KotaeServer.Reply event = server.post("/api/v1/events", "{\"type\":\"click\",\"articleId\":\"refunds\","
                    + "\"query\":\"返金\",\"rank\":" + rank + ",\"session\":\"wrong-type-1\"}", null);
            assertEquals(400, event.status(), rank + ": " + event.body());
            assertEquals("bad_event", event.json().path("error").path("code").asText(), event.body());
            assertTrue(event.body().contains("'rank'"), event.body());
        }
        KotaeServer.Reply decision = server.post("/api/v1/admin/learning/decisions",
                "{\"queryGroup\": 1, \"articleId\": \"refunds\", \"decision\": \"approved\"}", KotaeServer.ADMIN_TOKEN);
        assertEquals(400, decision.status(), decision.body());
        assertEquals("bad_json", decision.json().path("error").path("code").asText(), decision.body());
    }

    @Test
    void anythingAfterTheJsonValueIsRefused() throws Exception {
        String click = "{\"type\":\"click\",\"articleId\":\"refunds\",\"rank\":1,\"query\":\"refund\"}";
        for (String body : new String[] {click + " {\"x\":1}", click + "]"}) {
            KotaeServer.Reply event = server.post("/api/v1/events", body, null);
            assertEquals(400, event.status(), body + ": " + event.body());
        }
        KotaeServer.Reply decision = server.post("/api/v1/admin/learning/decisions",
                "{\"queryGroup\":\"refund\",\"articleId\":\"refunds\",\"scope\":\"public\",\"decision\":\"rejected\"} {\"x\":1}",
                KotaeServer.ADMIN_TOKEN);
        assertEquals(400, decision.status(), decision.body());
        assertEquals("bad_json", KotaeServer.JSON.readTree(decision.body()).path("error").path("code").asText());
        assertTrue(decision.body().contains("nothing may follow the JSON value"), decision.body());
    }

    @Test
    void aCompressedBodyIsRefusedAsUnsupportedNotReadAsText() throws Exception {
        byte[] event = "{\"type\":\"click\",\"articleId\":\"refunds\",\"rank\":1,\"query\":\"refund\"}"
                .getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write(event);
        }
        for (String encoding : new String[] {"gzip", "bogus"}) {
            byte[] body = encoding.equals("gzip") ? gzipped.toByteArray() : event;
            KotaeServer.Reply reply = server.send(server.request("/api/v1/events")
                    .header("Content-Type", "application/json").header("Content-Encoding", encoding)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)), null);
            assertEquals(415, reply.status(), encoding + ": " + reply.body());
            assertEquals("unsupported_media_type", KotaeServer.JSON.readTree(reply.body()).path("error").path("code").asText());
        }
    }

    /** A name given twice: which value would count was Jackson's choice (the last), not the sender's. */
    @Test
    void aNameGivenTwiceIsRefused() {
        KotaeServer.Reply event = server.post("/api/v1/events", "{\"type\":\"click\",\"articleId\":\"refunds\","
                + "\"articleId\":\"shipping\",\"rank\":1,\"query\":\"refund\",\"session\":\"twice-00001\"}", null);
        assertEquals(400, event.status(), event.body());
        assertNoInternals(event.body());
        KotaeServer.Reply decision = server.post("/api/v1/admin/learning/decisions", "{\"queryGroup\":\"refund\","
                + "\"articleId\":\"refunds\",\"scope\":\"public\",\"decision\":\"rejected\",\"decision\":\"approved\"}",
                KotaeServer.ADMIN_TOKEN);
        assertEquals(400, decision.status(), decision.body());
        assertEquals("bad_json", decision.json().path("error").path("code").asText(), decision.body());
        assertNoInternals(decision.body());
    }

    private static void assertNoInternals(String body) {
        assertTrue(!body.contains("dev.kotae") && !body.contains("$") && !body.contains("StreamReadConstraints")
                && !body.contains("Cannot deserialize"), body);
    }

    @Test
    void aFormWhoseBodyNeverStartsIsAnswered408() throws Exception {
        // Jersey reads a form's first byte before any filter or mapper runs.
        RawExchange.Result answer = stalled("/login", null, "application/x-www-form-urlencoded", "");
        assertEquals(408, answer.status(), answer.body());
        assertTrue(answer.header("content-type").startsWith("text/html"), answer.headers().toString());
    }

    /** Declares a 4 KiB JSON body, sends {@code prefix} of it and then nothing more, and reads the answer. */
    private static RawExchange.Result stalled(String path, String token, String prefix) throws Exception {
        return stalled(path, token, "application/json", prefix);
    }

    private static RawExchange.Result stalled(String path, String token, String type, String prefix) throws Exception {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + quick.port()
                + "\r\nContent-Type: " + type + "\r\nContent-Length: 4096"
                + (token == null ? "" : "\r\nAuthorization: Bearer " + token);
        byte[] sent = prefix.getBytes(StandardCharsets.UTF_8);
        return RawExchange.send(quick.port(), head, false, sent, sent.length);
    }

    private static void assertError(RawExchange.Result answer, int status, String code) throws Exception {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.header("content-type").startsWith("application/json"), answer.headers().toString());
        JsonNode error = KotaeServer.JSON.readTree(answer.body()).path("error");
        assertEquals(code, error.path("code").asText(), answer.body());
    }
}
