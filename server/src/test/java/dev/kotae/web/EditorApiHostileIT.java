package dev.kotae.web;

import static dev.kotae.web.EditorApiClient.ALICE;
import static dev.kotae.web.EditorApiClient.ANN;
import static dev.kotae.web.EditorApiClient.BOB;
import static dev.kotae.web.EditorApiClient.ROOT;
import static dev.kotae.web.EditorApiClient.article;
import static dev.kotae.web.EditorApiClient.assertError;
import static dev.kotae.web.EditorApiClient.json;
import static dev.kotae.web.EditorApiClient.quoted;
import static dev.kotae.web.EditorApiClient.version;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kotae.http.CsrfTokens;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input to every endpoint of the editing API, as one table: each request is refused with a 4xx
 * and a JSON error body, and nothing in the content folder or the drafts changed. Then the inputs that
 * are accepted but must come out harmless: script in every field, upload names that try to be paths.
 */
class EditorApiHostileIT {

    private static final String DRAFT = "hostile-draft";
    private static final String ARTICLE = "refund-timing";
    private static final String SCRIPT = "<script>alert(1)</script>";

    @TempDir
    static Path work;
    static KotaeServer server;
    static String draftRevision;
    static String articleVersion;
    static EditorApiClient.Session aliceSession;

    @BeforeAll
    static void startServer() throws Exception {
        server = EditorApiClient.start(work);
        draftRevision = version(json(server, "PUT", "/api/v1/drafts/" + DRAFT, ALICE,
                article("Hostile", "kept as it is").toString(), "If-None-Match", "*"));
        articleVersion = version(server.get("/api/v1/articles/" + ARTICLE + "/source", ANN));
        aliceSession = EditorApiClient.signIn(server, ALICE);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** One hostile request and the refusal it must get ({@code code} {@code null}: any code). */
    record Case(String name, String method, String path, String token, String contentType, byte[] body,
            List<String> headers, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> hostileRequests() {
        List<Case> cases = new ArrayList<>();
        String valid = article("Valid", "valid body").toString();
        // Path traversal and junk in ids, on every endpoint that takes one.
        List<String> ids = List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..%5C..%5Cwindows", "x%00.md", "a".repeat(129),
                "%3Cscript%3E", "..", "...", "a%20b", "%E8%BF%94%E9%87%91");
        for (String id : ids) {
            cases.add(new Case("GET draft " + id, "GET", "/api/v1/drafts/" + id, ANN, null, null, List.of(), 400, null));
            cases.add(jsonCase("PUT draft " + id, "PUT", "/api/v1/drafts/" + id, ALICE, valid, 400, null,
                    "If-None-Match", "*"));
            cases.add(jsonCase("review " + id, "POST", "/api/v1/drafts/" + id + "/review", ALICE, null, 400, null,
                    "If-Match", "\"x\""));
            cases.add(jsonCase("publish " + id, "POST", "/api/v1/drafts/" + id + "/publish", BOB, "{\"message\": \"m\"}",
                    400, null, "If-Match", "\"x\""));
            cases.add(jsonCase("discard " + id, "DELETE", "/api/v1/drafts/" + id, ALICE, null, 400, null,
                    "If-Match", "\"x\""));
            cases.add(new Case("source " + id, "GET", "/api/v1/articles/" + id + "/source", ANN, null, null, List.of(), 400,
                    null));
            cases.add(jsonCase("replace " + id, "PUT", "/api/v1/articles/" + id, ROOT, valid, 400, null, "If-Match", "\"x\""));
            cases.add(jsonCase("delete " + id, "DELETE", "/api/v1/articles/" + id, ROOT, null, 400, null, "If-Match", "\"x\""));
            cases.add(new Case("history " + id, "GET", "/api/v1/articles/" + id + "/history", ANN, null, null, List.of(),
                    400, null));
            cases.add(jsonCase("restore " + id, "POST", "/api/v1/articles/" + id + "/restore", ROOT,
                    "{\"version\": \"abc\"}", 400, null));
        }
        // ... and in versions.
        for (String version : List.of("..%2F..%2Fsecret", "%2e%2e", "x%00", "%3Cscript%3E")) {
            cases.add(new Case("history version " + version, "GET", "/api/v1/articles/" + ARTICLE + "/history/" + version,
                    ANN, null, null, List.of(), 400, null));
            cases.add(new Case("diff from " + version, "GET", "/api/v1/articles/" + ARTICLE + "/diff?from=" + version,
                    ANN, null, null, List.of(), 400, null));
        }
        cases.add(jsonCase("restore version ../../x", "POST", "/api/v1/articles/" + ARTICLE + "/restore", ROOT,
                "{\"version\": \"../../x\"}", 400, "bad_version"));
        cases.add(jsonCase("a body id that differs from the path", "PUT", "/api/v1/drafts/" + DRAFT, ALICE,
                "{\"id\": \"../../etc\", \"title\": \"t\"}", 400, "invalid_field", "If-Match", quoted(draftRevision)));
        cases.add(jsonCase("create with a traversing id", "POST", "/api/v1/articles", ROOT,
                "{\"id\": \"../../etc/passwd\", \"title\": \"t\"}", 400, "bad_id"));
        // Script where a fixed form is expected.
        for (String field : List.of("locale", "type", "visibility", "translationKey", "publishAt")) {
            ObjectNode write = article("Script in " + field, "x");
            write.put(field, SCRIPT);
            cases.add(jsonCase("script in " + field, "PUT", "/api/v1/drafts/" + DRAFT, ALICE, write.toString(), 400, null,
                    "If-Match", quoted(draftRevision)));
        }
        // Front matter smuggled through a field: a line break would start a new key.
        for (String field : List.of("title", "category")) {
            ObjectNode write = article("Smuggled", "x");
            write.put(field, "x\nvisibility: public\n---\n<script>alert(1)</script>");
            cases.add(jsonCase("a line break in " + field, "PUT", "/api/v1/drafts/" + DRAFT, ALICE, write.toString(), 400,
                    null, "If-Match", quoted(draftRevision)));
        }
        // Bounds an article file is read by: the editor refuses to write what the next read would skip.
        ObjectNode longQuestion = article("A long question", "x");
        longQuestion.putArray("questions").add("q".repeat(1001));
        ObjectNode manyTags = article("Many tags", "x");
        java.util.stream.IntStream.range(0, 101).forEach(i -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                manyTags.get("tags")).add("tag" + i));
        cases.add(jsonCase("a question longer than a search", "PUT", "/api/v1/drafts/" + DRAFT, ALICE,
                longQuestion.toString(), 400, "invalid_field", "If-Match", quoted(draftRevision)));
        cases.add(jsonCase("more than 100 tags in a new article", "POST", "/api/v1/articles", ROOT,
                manyTags.put("id", "many-tags").toString(), 400, "invalid_field"));
        // A body a file cannot hold as sent (written as "?" or raw), a message with an escape sequence for
        // the audit log, and a title that is not a JSON string (stored as "1e400" before).
        for (String body : List.of("before \\ud800 after", "a\\u0000b", "colour \\u001b[31mred")) {
            cases.add(jsonCase("body " + body, "PUT", "/api/v1/drafts/" + DRAFT, ALICE,
                    "{\"title\": \"t\", \"locale\": \"en\", \"body\": \"" + body + "\"}", 400, "invalid_field",
                    "If-Match", quoted(draftRevision)));
        }
        cases.add(jsonCase("a message with an escape sequence", "DELETE", "/api/v1/articles/" + ARTICLE
                + "?message=x%1B%5B2Jforged", ROOT, null, 400, "invalid_field", "If-Match", "\"x\""));
        cases.add(jsonCase("a title that is a number", "PUT", "/api/v1/drafts/" + DRAFT, ALICE,
                "{\"title\": 1e400, \"locale\": \"en\", \"body\": \"b\"}", 400, "bad_json",
                "If-Match", quoted(draftRevision)));
        // Characters YAML cannot hold (an unpaired surrogate half, a noncharacter, a C1 control), sent as JSON
        // escapes: refused naming the field, also where a wrong If-Match would otherwise show a diff.
        for (String escape : List.of("\\ud800", "\\udfff", "\\ufffe", "\\uffff", "\\u0090")) {
            for (String field : List.of("title", "category", "locale", "translationKey", "tags", "questions")) {
                String value = "\"x" + escape + "\"";
                Map<String, String> raw = new java.util.LinkedHashMap<>(Map.of("title", "\"t\"", "locale", "\"en\"",
                        "body", "\"b\""));
                raw.put(field, field.equals("tags") || field.equals("questions") ? "[" + value + "]" : value);
                String fields = String.join(", ", raw.entrySet().stream()
                        .map(entry -> "\"" + entry.getKey() + "\": " + entry.getValue()).toList());
                String name = escape + " in " + field;
                cases.add(jsonCase(name + " of a draft", "PUT", "/api/v1/drafts/" + DRAFT, ALICE, "{" + fields + "}",
                        400, "invalid_field", "If-Match", quoted(draftRevision)));
                cases.add(jsonCase(name + " of a new article", "POST", "/api/v1/articles", ROOT,
                        "{\"id\": \"not-text\", " + fields + "}", 400, "invalid_field"));
                cases.add(jsonCase(name + " of a replaced article, stale", "PUT", "/api/v1/articles/" + ARTICLE, ROOT,
                        "{" + fields + "}", 400, "invalid_field", "If-Match", "\"stale\""));
            }
        }
        // Uploads that are not images, whatever they claim to be; too large.
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>";
        cases.add(upload("SVG with script", "photo.png", "image/png", svg.getBytes(StandardCharsets.UTF_8), BOB, 415,
                "unsupported_image"));
        cases.add(upload("SVG named svg", "x.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8), BOB, 415,
                "unsupported_image"));
        cases.add(upload("HTML", "page.gif", "image/gif",
                "<!doctype html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), BOB, 415, "unsupported_image"));
        cases.add(upload("HTML after a BOM", "a.jpg", "image/jpeg",
                "\uFEFF<html><body onload=alert(1)>".getBytes(StandardCharsets.UTF_8), BOB, 415, "unsupported_image"));
        cases.add(upload("empty upload", "a.png", "image/png", new byte[0], BOB, 400, null));
        // Wrong role, no role, a session cookie without the CSRF header.
        cases.add(jsonCase("agent saves a draft", "PUT", "/api/v1/drafts/new-by-agent", ANN, valid, 403, "forbidden",
                "If-None-Match", "*"));
        cases.add(jsonCase("agent publishes", "POST", "/api/v1/drafts/" + DRAFT + "/publish", ANN, "{}", 403, "forbidden",
                "If-Match", quoted(draftRevision)));
        cases.add(jsonCase("agent creates", "POST", "/api/v1/articles", ANN,
                "{\"id\": \"by-agent\", \"title\": \"t\"}", 403, "forbidden"));
        cases.add(jsonCase("agent deletes", "DELETE", "/api/v1/articles/" + ARTICLE, ANN, null, 403, "forbidden",
                "If-Match", quoted(articleVersion)));
        cases.add(jsonCase("agent restores", "POST", "/api/v1/articles/" + ARTICLE + "/restore", ANN,
                "{\"version\": \"abc\"}", 403, "forbidden"));
        cases.add(upload("agent uploads", "a.png", "image/png", EditorApiIT.pngBytes(), ANN, 403, "forbidden"));
        cases.add(jsonCase("anonymous saves a draft", "PUT", "/api/v1/drafts/new-by-nobody", null, valid, 401,
                "unauthorized", "If-None-Match", "*"));
        cases.add(jsonCase("anonymous reads drafts", "GET", "/api/v1/drafts", null, null, 401, "unauthorized"));
        cases.add(jsonCase("anonymous reads a source", "GET", "/api/v1/articles/" + ARTICLE + "/source", null, null, 401,
                "unauthorized"));
        cases.add(jsonCase("anonymous replaces", "PUT", "/api/v1/articles/" + ARTICLE, null, valid, 401, "unauthorized",
                "If-Match", quoted(articleVersion)));
        cases.add(upload("anonymous uploads", "a.png", "image/png", EditorApiIT.pngBytes(), null, 401, "unauthorized"));
        cases.add(jsonCase("editor reads the audit log", "GET", "/api/v1/admin/audit", ALICE, null, 403, "forbidden"));
        cases.add(jsonCase("a wrong token", "PUT", "/api/v1/drafts/" + DRAFT, "not-a-token", valid, 401, "unauthorized",
                "If-Match", quoted(draftRevision)));
        // Malformed bodies and preconditions.
        cases.add(jsonCase("malformed JSON", "PUT", "/api/v1/drafts/" + DRAFT, ALICE, "{\"title\": ", 400, "bad_json",
                "If-Match", quoted(draftRevision)));
        cases.add(jsonCase("an unknown property", "PUT", "/api/v1/drafts/" + DRAFT, ALICE,
                "{\"title\": \"t\", \"author\": \"mallory\"}", 400, "bad_json", "If-Match", quoted(draftRevision)));
        cases.add(jsonCase("tags not a list", "PUT", "/api/v1/drafts/" + DRAFT, ALICE, "{\"title\": \"t\", \"tags\": {}}",
                400, "bad_json", "If-Match", quoted(draftRevision)));
        // A publish time outside the years 2000–9999: Instant reads it, but the draft's page could not show it.
        for (String publishAt : List.of("+1000000000-06-01T00:00:00Z", "+10000-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
                "-000001-01-01T00:00:00Z")) {
            ObjectNode write = article("Far out", "x");
            write.put("publishAt", publishAt);
            cases.add(jsonCase("publishAt " + publishAt, "PUT", "/api/v1/drafts/" + DRAFT, ALICE, write.toString(), 400,
                    "invalid_field", "If-Match", quoted(draftRevision)));
            cases.add(jsonCase("publishAt " + publishAt + " on a new draft", "PUT", "/api/v1/drafts/far-out", ALICE,
                    write.toString(), 400, "invalid_field", "If-None-Match", "*"));
        }
        // A null item in a list field (Jackson reads [null] as a list holding null): 400 naming the field.
        for (String field : List.of("tags", "questions")) {
            String withNull = "{\"title\": \"t\", \"" + field + "\": [\"ok\", null]}";
            cases.add(jsonCase("a null item in " + field + " of a draft", "PUT", "/api/v1/drafts/" + DRAFT, ALICE,
                    withNull, 400, "invalid_field", "If-Match", quoted(draftRevision)));
            cases.add(jsonCase("a null item in " + field + " of a new article", "POST", "/api/v1/articles", ROOT,
                    "{\"id\": \"null-in-" + field + "\", " + withNull.substring(1), 400, "invalid_field"));
            cases.add(jsonCase("a null item in " + field + " of a replaced article", "PUT", "/api/v1/articles/" + ARTICLE,
                    ROOT, withNull, 400, "invalid_field", "If-Match", quoted(articleVersion)));
        }
        cases.add(jsonCase("a JSON null body", "PUT", "/api/v1/drafts/" + DRAFT, ALICE, "null", 400, "bad_json",
                "If-Match", quoted(draftRevision)));
        cases.add(jsonCase("an empty body", "POST", "/api/v1/articles", ROOT, "", 400, "bad_json"));
        cases.add(jsonCase("a weak If-Match", "PUT", "/api/v1/drafts/" + DRAFT, ALICE, valid, 400, "bad_precondition",
                "If-Match", "W/" + quoted(draftRevision)));
        cases.add(jsonCase("If-Match *", "PUT", "/api/v1/drafts/" + DRAFT, ALICE, valid, 400, "bad_precondition",
                "If-Match", "*"));
        cases.add(jsonCase("both preconditions", "PUT", "/api/v1/drafts/" + DRAFT, ALICE, valid, 400, "bad_precondition",
                "If-Match", quoted(draftRevision), "If-None-Match", "*"));
        cases.add(jsonCase("If-None-Match other than *", "PUT", "/api/v1/drafts/" + DRAFT, ALICE, valid, 400,
                "bad_precondition", "If-None-Match", quoted(draftRevision)));
        cases.add(jsonCase("no precondition", "PUT", "/api/v1/drafts/" + DRAFT, ALICE, valid, 428,
                "precondition_required"));
        cases.add(jsonCase("a stale precondition", "PUT", "/api/v1/drafts/" + DRAFT, ALICE, valid, 412, "edit_conflict",
                "If-Match", "\"0000000000\""));
        cases.add(jsonCase("review without If-Match", "POST", "/api/v1/drafts/" + DRAFT + "/review", ALICE, null, 428,
                "precondition_required"));
        cases.add(jsonCase("delete an article without If-Match", "DELETE", "/api/v1/articles/" + ARTICLE, ROOT, null, 428,
                "precondition_required"));
        cases.add(jsonCase("an article body over what a file may hold", "PUT", "/api/v1/drafts/" + DRAFT, ALICE,
                article("Huge", "a".repeat(2 * 1024 * 1024 + 1)).toString(), 413, null, "If-Match", quoted(draftRevision)));
        cases.add(jsonCase("restore with a malformed If-Match", "POST", "/api/v1/articles/" + ARTICLE + "/restore", ROOT,
                "{\"version\": \"0000000000000-0001\"}", 400, "bad_precondition", "If-Match", "W/\"x\", *"));
        cases.add(jsonCase("restore a version that is not the article's", "POST", "/api/v1/articles/" + ARTICLE
                + "/restore", ROOT, "{\"version\": \"" + "a".repeat(40) + "\"}", 404, null));
        cases.add(jsonCase("restore over a newer article", "POST", "/api/v1/articles/" + ARTICLE + "/restore", ROOT,
                "{\"version\": \"0000000000000-0001\"}", 412, "edit_conflict", "If-Match", "\"0000000000\""));
        cases.add(jsonCase("an unknown draft", "GET", "/api/v1/drafts/no-such-draft", ANN, null, 404, "not_found"));
        cases.add(jsonCase("an unknown article", "GET", "/api/v1/articles/no-such-article/source", ANN, null, 404,
                "not_found"));
        cases.add(jsonCase("a media name the store never makes", "GET", "/media/..%2F" + ARTICLE + ".md", null, null, 400,
                null));
        cases.add(jsonCase("a content file through media", "GET", "/media/2026/%2e%2e%2F%2e%2e%2Fja%2F" + ARTICLE + ".md",
                null, null, 400, null));
        cases.add(jsonCase("a media name with another extension", "GET", "/media/2026/x-0123456789.svg", null, null, 404,
                "not_found"));
        return cases.stream();
    }

    private static Case jsonCase(String name, String method, String path, String token, String body, int status,
            String code, String... headers) {
        return new Case(name, method, path, token, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), List.of(headers), status, code);
    }

    private static Case upload(String name, String fileName, String type, byte[] bytes, String token, int status,
            String code) {
        return new Case(name, "POST", "/api/v1/media?name=" + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8),
                token, type, bytes, List.of(), status, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void isRefusedWithAClearErrorAndChangesNothing(Case hostile) {
        Map<String, String> before = EditorApiClient.disk(server);
        KotaeServer.Reply reply = send(hostile);
        assertError(reply, hostile.status(), hostile.code());
        assertEquals(before, EditorApiClient.disk(server), hostile.name() + " changed the content folder or the drafts");
    }

    private static KotaeServer.Reply send(Case hostile) {
        HttpRequest.Builder request = server.request(hostile.path()).method(hostile.method(), hostile.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        for (int i = 0; i < hostile.headers().size(); i += 2) {
            request.header(hostile.headers().get(i), hostile.headers().get(i + 1));
        }
        return server.send(request, hostile.token());
    }

    /** A refused list field is named in the error, so the client knows which one to fix. */
    @Test
    void aNullListItemIsRefusedNamingItsField() {
        for (String field : List.of("tags", "questions")) {
            JsonNode error = assertError(json(server, "POST", "/api/v1/articles", ROOT,
                    "{\"id\": \"null-item\", \"title\": \"t\", \"" + field + "\": [null]}"), 400, "invalid_field");
            assertEquals(field, error.get("field").asText(), error::toString);
        }
    }

    /** A signed-in browser's cookie counts for a write only with the page's CSRF token in the header. */
    @Test
    void aSessionCookieWithoutTheCsrfHeaderCannotWrite() {
        Map<String, String> before = EditorApiClient.disk(server);
        String cookie = aliceSession.cookies();
        assertError(server.send(server.request("/api/v1/drafts/by-cookie").header("Cookie", cookie)
                .header("Content-Type", "application/json").header("If-None-Match", "*")
                .PUT(HttpRequest.BodyPublishers.ofString(article("By cookie", "x").toString())), null), 401, "unauthorized");
        assertError(server.send(server.request("/api/v1/media?name=a.png").header("Cookie", cookie)
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(EditorApiIT.pngBytes())),
                null), 401, "unauthorized");
        assertError(server.send(server.request("/api/v1/drafts/by-cookie").header("Cookie", cookie)
                .header("Content-Type", "application/json").header("If-None-Match", "*").header(CsrfTokens.HEADER, "forged")
                .PUT(HttpRequest.BodyPublishers.ofString(article("By cookie", "x").toString())), null), 401, "unauthorized");
        assertEquals(before, EditorApiClient.disk(server));

        KotaeServer.Reply withHeader = server.send(server.request("/api/v1/drafts/by-cookie").header("Cookie", cookie)
                .header("Content-Type", "application/json").header("If-None-Match", "*")
                .header(CsrfTokens.HEADER, aliceSession.csrf())
                .PUT(HttpRequest.BodyPublishers.ofString(article("By cookie", "x").toString())), null);
        assertEquals(201, withHeader.status(), "with the page's token the same session may write: " + withHeader.body());
        assertEquals(version(withHeader), version(server.get("/api/v1/drafts/by-cookie", ANN)));
        assertEquals(204, json(server, "DELETE", "/api/v1/drafts/by-cookie", ALICE, null, "If-Match",
                quoted(version(withHeader))).status());
    }

    /**
     * A CSRF cookie planted in the signed-in browser (from a sibling subdomain, say) with the token a page
     * gave its planter does not let the planter write: once signed in, a token is bound to the session too.
     */
    @Test
    void aPlantedCsrfCookieWithItsOwnTokenCannotWriteAsTheSignedInPerson() throws Exception {
        java.net.http.HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(
                server.request("/").header("Accept", "text/html").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String planted = anonymous.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(dev.kotae.http.BrowserCookies.CSRF + "=")).map(c -> c.split(";", 2)[0])
                .findFirst().orElseThrow();
        String theirToken = Jsoup.parse(anonymous.body()).selectFirst("meta[name=kotae-csrf]").attr("content");
        String cookies = java.util.Arrays.stream(aliceSession.cookies().split("; "))
                .map(c -> c.startsWith(dev.kotae.http.BrowserCookies.CSRF + "=") ? planted : c)
                .collect(java.util.stream.Collectors.joining("; "));
        Map<String, String> before = EditorApiClient.disk(server);
        assertError(server.send(server.request("/api/v1/drafts/planted").header("Cookie", cookies)
                .header("Content-Type", "application/json").header("If-None-Match", "*")
                .header(CsrfTokens.HEADER, theirToken)
                .PUT(HttpRequest.BodyPublishers.ofString(article("Planted", "x").toString())), null), 401, "unauthorized");
        assertEquals(before, EditorApiClient.disk(server));
    }

    /** Bodies over a route's limit never reach what reads them: 413 JSON, nothing written. */
    @Test
    void oversizedUploadsAndArticleBodiesAre413BeforeTheyAreRead() throws Exception {
        Map<String, String> before = EditorApiClient.disk(server);
        long image = dev.kotae.config.EditorConfig.defaults().maxImageBytes();
        RawExchange.Result upload = RawExchange.send(server.port(), "POST /api/v1/media?name=big.png HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + BOB + "\r\nContent-Type: image/png\r\nContent-Length: "
                + (image + 1), false, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, image + 1);
        assertOversized(upload);
        RawExchange.Result chunked = RawExchange.send(server.port(), "POST /api/v1/media?name=big.png HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + BOB + "\r\nContent-Type: image/png\r\n"
                + "Transfer-Encoding: chunked", true, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
                3 * image);
        assertOversized(chunked);
        long article = RequestBodyLimit.articleLimit();
        RawExchange.Result draft = RawExchange.send(server.port(), "PUT /api/v1/drafts/" + DRAFT + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + ALICE + "\r\nContent-Type: application/json\r\n"
                + "If-Match: " + quoted(draftRevision) + "\r\nContent-Length: " + (article + 1), false,
                "{\"title\": \"t\", \"body\": \"".getBytes(StandardCharsets.US_ASCII), article + 1);
        assertOversized(draft);
        assertEquals(before, EditorApiClient.disk(server));
    }

    private static void assertOversized(RawExchange.Result result) throws Exception {
        assertEquals(413, result.status(), result.body());
        assertTrue(result.header("content-type").startsWith("application/json"), result.headers().toString());
        assertEquals("body_too_large", KotaeServer.JSON.readTree(result.body()).get("error").get("code").asText());
    }

    /**
     * Script in every free-text field is kept as text: the file holds it as written, the article page and
     * the API show it escaped, and nothing on the page runs it.
     */
    @Test
    void scriptInEveryFieldIsStoredAsTextAndNeverRunsOnTheArticlePage() throws Exception {
        String id = "hostile-script";
        ObjectNode write = KotaeServer.JSON.createObjectNode();
        write.put("id", id);
        write.put("title", "Title " + SCRIPT);
        write.put("locale", "en");
        write.put("category", "Category " + SCRIPT);
        write.putArray("tags").add("tag " + SCRIPT);
        write.putArray("questions").add("Question " + SCRIPT + "?");
        write.put("body", "Body " + SCRIPT + "\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3))\n\n"
                + "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)\n\n<a href=\"javascript:alert(4)\">a</a>\n");
        write.put("message", SCRIPT);
        KotaeServer.Reply created = json(server, "POST", "/api/v1/articles", ROOT, write.toString());
        assertEquals(201, created.status(), created.body());
        String file = Files.readString(server.content().resolve(created.json().get("path").asText()));
        assertTrue(file.contains("Body " + SCRIPT), file);
        JsonNode source = server.get("/api/v1/articles/" + id + "/source", ANN).json().get("article");
        assertEquals("Title " + SCRIPT, source.get("title").asText(), "the file keeps each field as one value: " + file);
        assertEquals("Category " + SCRIPT, source.get("category").asText(), file);
        assertEquals("tag " + SCRIPT, source.get("tags").get(0).asText(), file);
        assertEquals("Question " + SCRIPT + "?", source.get("questions").get(0).asText(), file);

        await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/articles/" + id).status() == 200);
        String html = server.get("/articles/" + id).body();
        assertFalse(html.contains(SCRIPT), html);
        assertFalse(html.contains("<img src=x"), html);
        Document page = Jsoup.parse(html);
        for (Element script : page.select("script")) {
            if (script.attr("type").equals("application/ld+json")) {
                // Data, not script; it must not be able to end its element early.
                assertFalse(script.data().contains("<"), script.outerHtml());
            } else {
                assertFalse(script.data().contains("alert"), script.outerHtml());
            }
        }
        for (Element element : page.getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertFalse(attribute.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"), element.outerHtml());
                assertFalse(attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:"),
                        element.outerHtml());
                assertFalse(attribute.getKey().equals("src") && attribute.getValue().startsWith("data:"), element.outerHtml());
            });
        }
        assertTrue(page.text().contains("Body " + SCRIPT), "shown as text");
        JsonNode api = server.get("/api/v1/articles/" + id).json();
        assertTrue(api.get("html").asText().contains("&lt;script&gt;"), api.toString());
    }

    /**
     * Upload names that try to be paths become safe slugs: the image lands in {@code media/<year>/} under
     * a name the store's pattern allows, and nothing else in the content folder changes.
     */
    @Test
    void uploadNamesThatArePathsBecomeSafeSlugs() {
        List<String> names = List.of("../../x.png", "a/b.png", "x.png%00.svg", "x.png\u0000.svg",
                "C:\\Windows\\System32\\evil.png", "", "....", "<script>.png", "..\\..\\content\\ja\\faq.md");
        byte[] png = EditorApiIT.pngBytes();
        for (String name : names) {
            Map<String, String> before = EditorApiClient.disk(server);
            KotaeServer.Reply stored = EditorApiClient.bytes(server, "/api/v1/media?name="
                    + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), BOB, "image/png", png);
            assertEquals(201, stored.status(), name + ": " + stored.body());
            String url = stored.json().get("url").asText();
            assertTrue(url.matches("/media/[0-9]{4}/[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{10}\\.png"), name + " -> " + url);
            Map<String, String> after = EditorApiClient.disk(server);
            after.keySet().removeAll(before.keySet());
            before.forEach((path, digest) -> assertEquals(digest, EditorApiClient.disk(server).get(path), path));
            for (String added : after.keySet()) {
                assertTrue(Path.of(added).startsWith(server.content().resolve("media")), name + " wrote " + added);
            }
            assertEquals(200, server.get(url, BOB).status(), url); // served to editors; no article shows it yet
        }
    }
}
