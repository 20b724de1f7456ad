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
 * Every endpoint that takes a body refuses one over {@code server.maxRequestBodyKilobytes} (64 KiB by
 * default) with 413 before buffering it: a declared length is refused before any of the body is read, a
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
