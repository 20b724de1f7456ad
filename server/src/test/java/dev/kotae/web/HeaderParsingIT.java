package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Headers that do not parse, or name what the server cannot read, are a 4xx with the usual body (JSON
 * for the API, a page on page routes), never a 500 or an empty body; an unparsable
 * {@code Accept-Language} just means the default language.
 */
class HeaderParsingIT extends SampleServerIT {

    private static final String ARTICLE = "refund-timing";

    @ParameterizedTest
    @ValueSource(strings = {"/", "/search?q=%E8%BF%94%E9%87%91", "/articles/" + ARTICLE, "/login"})
    void anUnparsableAcceptLanguageShowsThePageInTheDefaultLanguage(String path) {
        for (String header : new String[] {"en;q=2", "en;q=abc", ";;;,,", "x".repeat(200) + ";q=0.5"}) {
            KotaeServer.Reply page = server.send(server.request(path).header("Accept-Language", header).GET(), null);
            assertEquals(200, page.status(), () -> path + " " + header + ": " + page.body());
            assertTrue(page.body().contains("<html lang=\"ja\""), () -> path + " " + header);
        }
        // A parsable one still counts.
        KotaeServer.Reply english = server.send(server.request(path).header("Accept-Language", "en;q=0.9").GET(), null);
        assertTrue(english.body().contains("<html lang=\"en\""), path);
    }

    @Test
    void aFormPostWithoutAContentTypeIs415NotA500() {
        for (String path : new String[] {"/login", "/logout", "/articles/" + ARTICLE + "/feedback"}) {
            assertPage(415, path, server.send(server.request(path).POST(HttpRequest.BodyPublishers.ofString("csrf=x")), null));
            assertPage(415, path, server.send(server.request(path).POST(HttpRequest.BodyPublishers.noBody()), null));
        }
    }

    @Test
    void aJsonPostWithoutAContentTypeIs415() {
        KotaeServer.Reply vote = server.send(server.request("/api/v1/articles/" + ARTICLE + "/feedback")
                .POST(HttpRequest.BodyPublishers.ofString("{\"helpful\": true}")), null);
        assertJson(415, "unsupported_media_type", vote);
        assertTrue(vote.json().get("error").get("message").asText().contains("application/json"), vote.body());
    }

    @Test
    void anUnknownCharsetIs415() {
        for (String path : new String[] {"/login", "/articles/" + ARTICLE + "/feedback"}) {
            assertPage(415, path, post(path, "application/x-www-form-urlencoded;charset=bogus", "csrf=x&token=y"));
            assertPage(415, path, post(path, "application/x-www-form-urlencoded; charset=\"no such\"", "csrf=x"));
        }
        assertJson(415, "unsupported_media_type",
                post("/api/v1/articles/" + ARTICLE + "/feedback", "application/json; charset=bogus", "{\"helpful\": true}"));
        assertJson(415, "unsupported_media_type",
                post("/api/v1/events", "application/json;charset=x-unheard-of", "{\"type\":\"click\"}"));
        // JSON is UTF-8 (RFC 8259): a Latin-1 body was misread, then refused for a field's "wrong type".
        assertJson(415, "unsupported_media_type", post("/api/v1/articles/" + ARTICLE + "/feedback",
                "application/json; charset=ISO-8859-1", "{\"helpful\": true}"));
        KotaeServer.Reply utf8 = post("/api/v1/articles/" + ARTICLE + "/feedback", "application/json; charset=UTF-8",
                "{\"helpful\": true}");
        assertEquals(2, utf8.status() / 100, "UTF-8 named is read: " + utf8.body());
    }

    @Test
    void anUnparsableContentTypeIs400WithABody() {
        for (String type : new String[] {";;;", "/", "text/", "a b/c d", "text/plain; =x"}) {
            assertPage(400, "/login " + type, post("/login", type, "csrf=x"));
            assertJson(400, "bad_header", post("/api/v1/events", type, "{}"));
            assertJson(400, "bad_header", post("/api/v1/articles/" + ARTICLE + "/feedback", type, "{}"));
        }
    }

    /**
     * An answer sent before the request's body has arrived says the connection closes: Jetty closes it
     * once the answer is done, and a client that pooled it would otherwise send its next POST into the
     * closing connection (which failed this class now and then before).
     */
    @Test
    void anAnswerBeforeTheBodyArrivedSaysTheConnectionCloses() throws IOException {
        String[][] earlyAnswers = {
            {"/api/v1/events", "Content-Type: ;;;"}, // refused in front of Jersey
            {"/login", "Content-Type: ;;;"},
            {"/api/v1/events", "Content-Type: */*"}, // refused by a Jersey filter
            {"/api/v1/drafts", "Content-Type: application/json\r\nAuthorization: Bearer wrong"},
            {"/api/v1/no-such-thing", "Content-Type: application/json"},
        };
        for (String[] early : earlyAnswers) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST " + early[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + early[1]
                        + "\r\nContent-Length: 2\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                String head = responseHead(socket.getInputStream());
                assertTrue(head.matches("(?s)HTTP/1\\.1 4\\d\\d .*"), early[0] + ": " + head);
                assertTrue(head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n"), early[0] + ": " + head);
            }
        }
        // A body that was read keeps the connection: two votes on one connection.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String vote = "{\"helpful\": true}";
            for (int i = 0; i < 2; i++) {
                socket.getOutputStream().write(("POST /api/v1/articles/" + ARTICLE + "/feedback HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + vote.length()
                        + "\r\n\r\n" + vote).getBytes(StandardCharsets.ISO_8859_1));
                String head = responseHead(socket.getInputStream());
                assertTrue(head.startsWith("HTTP/1.1 2"), head);
                assertFalse(head.toLowerCase(Locale.ROOT).contains("connection: close"), head);
                skipBody(socket.getInputStream(), head);
            }
        }
    }

    private static String responseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed after: " + head);
            }
            head.append((char) next);
        }
        return head.toString();
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        Matcher length = Pattern.compile("(?i)\r\ncontent-length: (\\d+)\r\n").matcher(head);
        assertTrue(length.find(), head);
        in.readNBytes(Integer.parseInt(length.group(1)));
    }

    @Test
    void anUnparsableAcceptIs400WithABody() {
        for (String accept : new String[] {"/;;", "/", ";;;", "text/html;q=x/y"}) {
            assertJson(400, "bad_header", get("/api/v1/search?q=a", accept));
            assertJson(400, "bad_header", get("/api/v1/articles/" + ARTICLE, accept));
            assertJson(400, "bad_header", get("/healthz", accept));
            assertPage(400, "/ " + accept, get("/", accept));
            assertPage(400, "/search " + accept, get("/search?q=a", accept));
        }
    }

    private static KotaeServer.Reply post(String path, String contentType, String body) {
        return server.send(server.request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), null);
    }

    private static KotaeServer.Reply get(String path, String accept) {
        return server.send(server.request(path).header("Accept", accept).GET(), null);
    }

    private static void assertPage(int status, String what, KotaeServer.Reply reply) {
        assertEquals(status, reply.status(), () -> what + ": " + reply.body());
        assertTrue(reply.contentType().startsWith("text/html"), () -> what + ": " + reply.contentType());
        assertTrue(reply.body().contains("cannot be shown"), () -> what + ": " + reply.body());
    }

    private static void assertJson(int status, String code, KotaeServer.Reply reply) {
        assertEquals(status, reply.status(), reply::body);
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertEquals(code, reply.json().get("error").get("code").asText(), reply.body());
        assertTrue(!reply.json().get("error").get("message").asText().isBlank(), reply.body());
    }
}
