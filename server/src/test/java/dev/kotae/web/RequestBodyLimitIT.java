package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every endpoint that takes a body refuses one over its limit ({@code server.maxRequestBodyKilobytes},
 * 64 KiB by default; more for article writes and image uploads) with 413 before buffering it: a declared length is refused before any of the body is read, a
 * chunked body is cut off soon after it passes the limit, and the server goes on serving.
 */
class RequestBodyLimitIT extends SampleServerIT {

    private static final long HUGE = 300L * 1024 * 1024;
    /**
     * How much of a huge body may have left the client when the answer arrives: the limit, plus what the
     * loopback socket buffers take in before the server reads anything (a few MiB). Sending it all would
     * be 300 MiB.
     */
    private static final long CUT_OFF_WITHIN = 24L * 1024 * 1024;
    private static final String ARTICLE = "refund-timing";

    /** Form posts (pages) and JSON or text posts (API, widgets, admin). */
    private static final List<String> FORM_PATHS = List.of("/login", "/logout", "/articles/" + ARTICLE + "/feedback");
    private static final List<String> JSON_PATHS = List.of("/api/v1/articles/" + ARTICLE + "/feedback", "/api/v1/events",
            "/api/v1/widgets/contact-form/submit");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aHugeBodyIsRefusedWith413BeforeItIsRead(boolean chunked) throws Exception {
        for (String path : FORM_PATHS) {
            RawExchange.Result result = post(path, "application/x-www-form-urlencoded", "token=x&csrf=y&note=", chunked);
            assertTooLarge(path, result, true);
        }
        for (String path : JSON_PATHS) {
            RawExchange.Result result = post(path, "application/json", "{\"comment\":\"", chunked);
            assertTooLarge(path, result, false);
        }
        assertStillServing();
    }

    /** An admin post reads no body; a declared huge one is refused before authentication is even looked at. */
    @Test
    void aDeclaredHugeBodyIsRefusedEvenWhereNoBodyIsRead() throws Exception {
        assertTooLarge("/api/v1/admin/reindex", post("/api/v1/admin/reindex", "application/json", "{", false), false);
    }

    @Test
    void severalHugeBodiesAtOnceAreAllRefusedAndTheServerGoesOn() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<RawExchange.Result>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean chunked = i % 2 == 0;
                String path = FORM_PATHS.get(i % FORM_PATHS.size());
                results.add(clients.submit(() -> post(path, "application/x-www-form-urlencoded", "token=", chunked)));
            }
            for (Future<RawExchange.Result> result : results) {
                assertTooLarge("/login and others at once", result.get(60, TimeUnit.SECONDS), true);
            }
        } finally {
            clients.shutdownNow();
        }
        assertStillServing();
    }

    @Test
    void aBodyWithinTheLimitIsStillReadAndJudgedOnItsMerits() throws Exception {
        // 60 KiB: under the limit, so the form is read and refused for its missing CSRF cookie, not its size.
        RawExchange.Result form = RawExchange.send(server.port(), "POST /login HTTP/1.1\r\nHost: 127.0.0.1"
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + 60 * 1024, false,
                "token=".getBytes(StandardCharsets.US_ASCII), 60 * 1024);
        assertEquals(403, form.status(), form.body());
        KotaeServer.Reply vote = server.post("/api/v1/articles/" + ARTICLE + "/feedback",
                "{\"helpful\": true, \"comment\": \"" + "a".repeat(1000) + "\"}", null);
        assertTrue(vote.status() < 300, vote.status() + " " + vote.body());
    }

    /**
     * Article writes (the editor's forms, the JSON API's drafts and articles) and image uploads have
     * larger limits of their own; past them it is still 413 before the body is read. Sent with an admin
     * token, so the body is read by what takes it rather than refused for the caller first.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void articleWritesAndUploadsAreRefusedPastTheirOwnLimits(boolean chunked) throws Exception {
        List<List<String>> routes = List.of(
                List.of("PUT", "/api/v1/drafts/" + ARTICLE, "application/json", "{\"body\": \""),
                List.of("POST", "/api/v1/articles", "application/json", "{\"id\": \"x\", \"body\": \""),
                List.of("PUT", "/api/v1/articles/" + ARTICLE, "application/json", "{\"body\": \""),
                List.of("POST", "/api/v1/media?name=big.png", "image/png", "\u0089PNG\r\n\u001a\n"));
        for (List<String> route : routes) {
            String length = chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + HUGE;
            RawExchange.Result result = RawExchange.send(server.port(), route.get(0) + " " + route.get(1)
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KotaeServer.ADMIN_TOKEN
                    + "\r\nIf-None-Match: *\r\nContent-Type: " + route.get(2) + "\r\n" + length, chunked,
                    route.get(3).getBytes(StandardCharsets.ISO_8859_1), HUGE);
            assertTooLarge(route.get(1), result, false);
        }
        assertStillServing();
    }

    /**
     * The limits are where they are said to be: an article write of exactly its limit is read (and judged
     * on its merits: here, JSON cut off mid-string), one byte more is refused unread; an image upload
     * likewise; an article's feedback keeps the small limit of everything else.
     */
    @Test
    void eachRouteIsLimitedAtItsOwnSize() throws Exception {
        long article = RequestBodyLimit.articleLimit();
        assertEquals(3 * dev.kotae.content.ContentFolder.MAX_FILE_BYTES + 64 * 1024, article);
        String draft = "/api/v1/drafts/" + ARTICLE;
        assertEquals(400, declared("PUT", draft, "application/json", "{\"body\": \"", article).status());
        assertTooLarge(draft, declared("PUT", draft, "application/json", "{\"body\": \"", article + 1), false);
        long image = dev.kotae.config.EditorConfig.defaults().maxImageBytes();
        assertTooLarge("/api/v1/media", declared("POST", "/api/v1/media?name=a.png", "image/png", "x", image + 1), false);
        RawExchange.Result editorForm = declared("POST", "/editor/" + ARTICLE, "application/x-www-form-urlencoded",
                "body=", 3L * 1024 * 1024);
        assertTrue(editorForm.status() != 413, () -> "a 3 MiB editor form was refused for its size: " + editorForm.body());
        String feedback = "/api/v1/articles/" + ARTICLE + "/feedback";
        assertTooLarge(feedback, declared("POST", feedback, "application/json", "{\"comment\": \"", 100 * 1024), false);
        assertStillServing();
    }

    /** A body of {@code size} bytes with a declared length, sent with an admin token. */
    private static RawExchange.Result declared(String method, String path, String type, String prefix, long size)
            throws Exception {
        return RawExchange.send(server.port(), method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + KotaeServer.ADMIN_TOKEN + "\r\nIf-None-Match: *\r\nContent-Type: " + type + "\r\nContent-Length: " + size,
                false, prefix.getBytes(StandardCharsets.ISO_8859_1), size);
    }

    private static RawExchange.Result post(String path, String type, String prefix, boolean chunked) throws Exception {
        String length = chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + HUGE;
        return RawExchange.send(server.port(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type
                + "\r\n" + length, chunked,
                prefix.getBytes(StandardCharsets.US_ASCII), HUGE);
    }

    private static void assertTooLarge(String path, RawExchange.Result result, boolean page) {
        assertEquals(413, result.status(), () -> path + ": " + result.body());
        assertTrue(result.bodyBytesSent() < CUT_OFF_WITHIN,
                () -> path + ": the server read " + result.bodyBytesSent() + " bytes before refusing");
        if (page) {
            assertTrue(result.header("content-type").startsWith("text/html"), () -> path + ": " + result.headers());
            assertTrue(result.body().contains("cannot be shown"), () -> path + ": " + result.body());
        } else {
            assertTrue(result.header("content-type").startsWith("application/json"), () -> path + ": " + result.headers());
            JsonNode error = KotaeServer.JSON.valueToTree(Map.of());
            try {
                error = KotaeServer.JSON.readTree(result.body()).get("error");
            } catch (java.io.IOException e) {
                throw new AssertionError(path + ": not JSON: " + result.body(), e);
            }
            assertEquals("body_too_large", error.get("code").asText(), path + ": " + result.body());
            assertTrue(!error.get("message").asText().isBlank(), result.body());
        }
    }

    private static void assertStillServing() {
        KotaeServer.Reply search = server.query("/api/v1/search", null, Map.of("q", "返金"));
        assertEquals(200, search.status(), search.body());
        assertTrue(search.json().get("hits").size() > 0, search.body());
    }
}
