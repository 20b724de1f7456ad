package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile or clumsy input gets a 4xx JSON error or a sensible empty result, never a 500. */
class BadInputIT extends SampleServerIT {

    @ParameterizedTest
    @ValueSource(strings = {"\"", "(", ")", "AND", "OR NOT", "title:", "title:返金", "*", "?~", "返金~2", "[a TO z]",
            "\\", "/", "+-&&||!{}^", "\u0000", "　", "😀"})
    void querySyntaxCharactersAreJustText(String q) {
        KotaeServer.Reply reply = server.query("/api/v1/search", null, Map.of("q", q));
        assertEquals(200, reply.status(), () -> q + " -> " + reply.body());
        assertTrue(reply.json().get("hits").isArray());
        KotaeServer.Reply suggest = server.query("/api/v1/suggest", null, Map.of("q", q));
        assertEquals(200, suggest.status(), () -> q + " -> " + suggest.body());
    }

    @Test
    void hundredKilobyteQueryIsRefusedClearly() {
        String huge = "返金".repeat(50_000);
        KotaeServer.Reply reply = server.query("/api/v1/search", null, Map.of("q", huge));
        assertClientError(reply);
        KotaeServer.Reply suggest = server.query("/api/v1/suggest", null, Map.of("q", huge));
        assertClientError(suggest);
    }

    @Test
    void aPageRefusedByJettyIsAPageNotJson() throws Exception {
        KotaeServer.Reply page = server.raw("GET /articles/..%2F..%2Fetc%2Fpasswd%3Cscript%3E HTTP/1.1");
        assertEquals(400, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("このページを表示できませんでした") && page.body().contains("cannot be shown"),
                page.body());
        assertFalse(page.body().contains("passwd") || page.body().contains("script"), "nothing from the request is echoed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /search?q=%E3%81%zz HTTP/1.1", "GET /search?q=%E3%81 HTTP/1.1",
        "GET /articles/a?voted=%E3%81 HTTP/1.1"})
    void aPageWithABrokenlyEncodedUrlIsAPageNotJson(String requestLine) throws Exception {
        KotaeServer.Reply page = server.raw(requestLine);
        assertEquals(400, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("cannot be shown"), page.body());
        assertFalse(page.body().contains("%E3") || page.body().contains("zz"), "nothing from the request is echoed");
    }

    @Test
    void anUnsupportedHttpVersionIs505SayingSo() throws Exception {
        KotaeServer.Reply reply = server.raw("GET /api/v1/search?q=a HTTP/9.9");
        assertEquals(505, reply.status(), reply.body());
        assertEquals("http_version_not_supported", reply.json().get("error").get("code").asText(), reply.body());
    }

    /**
     * Error answers, those written outside Jersey (Jetty's, the servlet filter's) too, carry the headers
     * every answer does, and no cache may reuse them unchecked.
     */
    @Test
    void errorAnswersWrittenOutsideJerseyCarryTheSecurityHeaders() throws Exception {
        Map<String, KotaeServer.Reply> answers = new java.util.LinkedHashMap<>();
        answers.put("unparsable Content-Type (a page)", server.send(server.request("/login")
                .header("Content-Type", ";;;").POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")), null));
        answers.put("bad URL (a page)", server.raw("GET /articles/..%2F..%2Fetc HTTP/1.1"));
        answers.put("bad URL (API)", server.raw("GET /api/v1/search?q=%zz HTTP/1.1"));
        answers.put("body too large", server.raw("POST /api/v1/events HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nContent-Length: 999999999"));
        answers.put("header too large", server.raw("GET /api/v1/search?q=a HTTP/1.1\r\nX-Big: " + "x".repeat(20_000)));
        answers.forEach((what, reply) -> {
            assertTrue(reply.status() >= 400 && reply.status() < 500, () -> what + ": " + reply.status());
            assertEquals("nosniff", reply.headers().get("x-content-type-options"), what);
            assertEquals("strict-origin-when-cross-origin", reply.headers().get("referrer-policy"), what);
            String policy = reply.contentType().startsWith("text/html") ? SecurityHeaders.PAGE_POLICY : SecurityHeaders.DATA_POLICY;
            assertEquals(policy, reply.headers().get("content-security-policy"), what);
            // Jetty's own error answers say must-revalidate,no-cache,no-store; the servlet filter's and Jersey's no-cache.
            assertTrue(String.valueOf(reply.headers().get("cache-control")).contains("no-cache"),
                    () -> what + ": Cache-Control " + reply.headers().get("cache-control"));
        });
    }

    @Test
    void longButReasonableQueryIsServed() {
        String sentence = "注文をキャンセルして返金してほしいのですが、どうすればいいですか。".repeat(20);
        KotaeServer.Reply reply = server.query("/api/v1/search", null, Map.of("q", sentence.substring(0, Math.min(900, sentence.length()))));
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void sizeAndPageOutOfRangeAre400() {
        assertError(server.get("/api/v1/search?q=a&size=100000"), 400, "bad_size");
        assertError(server.get("/api/v1/search?q=a&size=0"), 400, "bad_size");
        assertError(server.get("/api/v1/search?q=a&page=-1"), 400, "bad_page");
        assertError(server.get("/api/v1/search?q=a&page=abc"), 400, "bad_page");
        assertError(server.get("/api/v1/search?q=a&page=99999999&size=100"), 400, "bad_page");
        assertError(server.get("/api/v1/suggest?q=a&size=100000"), 400, "bad_size");
        assertError(server.get("/api/v1/search?q=a&type=secret"), 400, "bad_type");
        // Digits other than ASCII ones, which Integer.parseInt reads ("５", "٥"), and a sign no client sends.
        for (String odd : new String[] {"%EF%BC%95", "%D9%A5", "%2B5"}) {
            assertError(server.get("/api/v1/search?q=a&size=" + odd), 400, "bad_size");
        }
    }

    @Test
    void unknownLocaleIs400ListingTheServedOnes() {
        JsonNode error = assertError(server.get("/api/v1/search?q=a&locale=jp"), 400, "unknown_locale");
        assertTrue(error.get("message").asText().contains("ja"));
        assertError(server.get("/api/v1/suggest?q=a&locale=xx-%3Cscript%3E"), 400, "unknown_locale");
        assertError(server.get("/api/v1/categories?locale=klingon"), 400, "unknown_locale");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /api/v1/search?q=%E3%81%zz HTTP/1.1",
        "GET /api/v1/search?q=%E3%81 HTTP/1.1",
        "GET /api/v1/search?q=%%% HTTP/1.1",
        "GET /api/v1/articles/%zz HTTP/1.1",
        "GET /api/v1/articles/..%2F..%2Fetc%2Fpasswd HTTP/1.1",
        "GET /api/v1/articles/../../etc/passwd HTTP/1.1",
        "GET /api/v1/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd HTTP/1.1"})
    void malformedUrlsGetJsonClientErrors(String requestLine) throws Exception {
        KotaeServer.Reply reply = server.raw(requestLine);
        assertTrue(reply.status() >= 400 && reply.status() < 500, () -> requestLine + " -> " + reply.status() + " " + reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), () -> requestLine + " -> " + reply.contentType());
        assertTrue(reply.json().get("error").has("code"), reply.body());
        assertTrue(!reply.body().contains("root:") && !reply.body().contains("Exception"), reply.body());
    }

    @Test
    void unknownArticleAndPathAre404Json() {
        assertError(server.get("/api/v1/articles/no-such-article"), 404, "not_found");
        assertError(server.get("/api/v1/articles/..%2F..%2Fetc%2Fpasswd"), 400, null);
        assertError(server.get("/api/v1/nothing-here"), 404, "not_found");
        KotaeServer.Reply wrongMethod = server.post("/api/v1/search", "{}", null);
        assertError(wrongMethod, 405, "method_not_allowed");
        assertTrue(wrongMethod.header("Allow").contains("GET"), wrongMethod.headers().toString());
    }

    @Test
    void badFeedbackBodiesAre4xx() {
        assertError(server.post("/api/v1/articles/refund-timing/feedback", "{not json", null), 400, "bad_json");
        assertError(server.post("/api/v1/articles/refund-timing/feedback", "{}", null), 400, "bad_feedback");
        assertError(server.post("/api/v1/articles/refund-timing/feedback", "{\"helpful\":\"maybe\"}", null), 400, null);
        // A yes/no is JSON's true or false: Jackson alone would read 2 (any number but 0) as true.
        for (String notBoolean : List.of("2", "1", "\"true\"")) {
            assertError(server.post("/api/v1/articles/refund-timing/feedback", "{\"helpful\":" + notBoolean + "}", null),
                    400, "bad_json");
        }
        assertError(server.post("/api/v1/articles/refund-timing/feedback",
                "{\"helpful\":true,\"comment\":\"" + "x".repeat(5000) + "\"}", null), 400, "bad_feedback");
        // An unpaired surrogate half (JSON escapes) would be stored as '?'; a bell is not text.
        for (String notText : List.of("\\ud800 x", "x \\udfff", "x\\u0007")) {
            assertError(server.post("/api/v1/articles/refund-timing/feedback",
                    "{\"helpful\":true,\"comment\":\"" + notText + "\"}", null), 400, "bad_feedback");
        }
        assertError(server.post("/api/v1/articles/no-such/feedback", "{\"helpful\":true}", null), 404, "not_found");
    }

    @Test
    void wrongTokenIs401AndAgentIsNotAdmin() {
        KotaeServer.Reply wrongToken = server.get("/api/v1/search?q=a", "wrong-token-123456");
        assertError(wrongToken, 401, "unauthorized");
        assertEquals(AuthFilter.CHALLENGE, wrongToken.header("WWW-Authenticate"));
        KotaeServer.Reply noToken = server.get("/api/v1/admin/status");
        assertError(noToken, 401, "unauthorized");
        assertEquals(AuthFilter.CHALLENGE, noToken.header("WWW-Authenticate"));
        assertError(server.get("/api/v1/admin/status", KotaeServer.AGENT_TOKEN), 403, "forbidden");
        assertEquals(200, server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).status());
    }

    private static void assertClientError(KotaeServer.Reply reply) {
        assertTrue(reply.status() >= 400 && reply.status() < 500, () -> reply.status() + " " + reply.body());
        assertTrue(reply.json().get("error").has("message"), reply.body());
    }

    private static JsonNode assertError(KotaeServer.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        JsonNode error = reply.json().get("error");
        if (code != null) {
            assertEquals(code, error.get("code").asText(), reply.body());
        }
        assertTrue(error.get("message").asText().length() > 3, reply.body());
        return error;
    }
}
