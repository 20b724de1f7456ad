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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editing API over real HTTP, as a support team uses it: drafts, review by a second editor,
 * publishing into the content folder, versions as ETags, conflicts, history, images and the audit log.
 */
class EditorApiIT {

    @TempDir
    static Path work;
    static KotaeServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = EditorApiClient.start(work);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /**
     * Alice writes a draft and asks for review; she may not publish it herself; Bob publishes it. Until
     * then nobody anonymous could find it by any path; right after, an anonymous search does.
     */
    @Test
    void aDraftIsReviewedPublishedByAnotherEditorAndOnlyThenFoundByAnyone() {
        String id = "api-flow-zyxwvut";
        String word = "quokkaflibbertigibbet";
        KotaeServer.Reply started = json(server, "PUT", "/api/v1/drafts/" + id, ALICE,
                article("Returning a " + word, "How to return a " + word + " bought online.").toString(),
                "If-None-Match", "*");
        assertEquals(201, started.status(), started.body());
        assertEquals("draft", started.json().get("state").asText());
        assertEquals("alice", started.json().get("author").asText());
        String revision = version(started);
        assertEquals(revision, started.json().get("revision").asText());

        assertNeverVisibleToAnonymous(id, word);
        assertTrue(server.searchIds(word, ANN).isEmpty(), "drafts are not in the index, not even for agents");
        KotaeServer.Reply read = server.get("/api/v1/drafts/" + id, ANN);
        assertEquals(200, read.status(), read.body());
        assertEquals(quoted(revision), read.header("etag"));
        assertTrue(ids(server.get("/api/v1/drafts", ANN).json().get("drafts")).contains(id));

        KotaeServer.Reply review = json(server, "POST", "/api/v1/drafts/" + id + "/review", ALICE, null,
                "If-Match", quoted(revision));
        assertEquals(200, review.status(), review.body());
        assertEquals("in_review", review.json().get("state").asText());
        String reviewed = version(review);

        assertError(json(server, "POST", "/api/v1/drafts/" + id + "/publish", ALICE, "{\"message\": \"mine\"}",
                "If-Match", quoted(reviewed)), 403, "forbidden");
        assertNeverVisibleToAnonymous(id, word);

        KotaeServer.Reply published = json(server, "POST", "/api/v1/drafts/" + id + "/publish", BOB,
                "{\"message\": \"Reviewed by Bob\"}", "If-Match", quoted(reviewed));
        assertEquals(200, published.status(), published.body());
        String fileVersion = version(published);
        assertEquals(fileVersion, published.json().get("version").asText());
        assertTrue(Files.isRegularFile(server.content().resolve(published.json().get("path").asText())), published.body());

        KotaeServer.timeUntil("an anonymous search finds the published article",
                () -> server.searchIds(word, null).contains(id));
        assertEquals(200, server.get("/api/v1/articles/" + id).status());
        assertEquals(404, server.get("/api/v1/drafts/" + id, ANN).status(), "the draft is gone once published");
        KotaeServer.Reply source = server.get("/api/v1/articles/" + id + "/source", ANN);
        assertEquals(quoted(fileVersion), source.header("etag"));
        assertTrue(source.json().get("article").get("body").asText().contains(word));
    }

    /** The article is nowhere an anonymous caller can look: search, suggest, sitemap, its page, the API. */
    private static void assertNeverVisibleToAnonymous(String id, String word) {
        assertTrue(server.searchIds(word, null).isEmpty(), "search");
        assertTrue(server.suggestIds(word.substring(0, 8), null).isEmpty(), "suggest");
        assertFalse(server.get("/sitemap.xml").body().contains(id), "sitemap");
        assertEquals(404, server.get("/articles/" + id).status(), "page");
        assertEquals(404, server.get("/api/v1/articles/" + id).status(), "API");
        assertEquals(401, server.get("/api/v1/drafts/" + id).status(), "the draft itself");
        assertEquals(401, server.get("/api/v1/drafts").status(), "the list of drafts");
    }

    @Test
    void aSaveFromAStaleRevisionIs412WithTheDiffAndAMissingPreconditionIs428() {
        String id = "api-conflict";
        String first = version(json(server, "PUT", "/api/v1/drafts/" + id, ALICE,
                article("Conflicts", "first line\n").toString(), "If-None-Match", "*"));
        KotaeServer.Reply bobs = json(server, "PUT", "/api/v1/drafts/" + id, BOB,
                article("Conflicts", "Bob's line\n").toString(), "If-Match", quoted(first));
        assertEquals(200, bobs.status(), bobs.body());
        String second = version(bobs);
        assertNotEquals(first, second);

        KotaeServer.Reply stale = json(server, "PUT", "/api/v1/drafts/" + id, ALICE,
                article("Conflicts", "Alice's line\n").toString(), "If-Match", quoted(first));
        JsonNode conflict = assertError(stale, 412, "edit_conflict");
        assertEquals(second, conflict.get("currentVersion").asText(), stale.body());
        assertTrue(conflict.get("diff").asText().contains("Alice's line"), stale.body());
        assertTrue(conflict.get("diff").asText().contains("Bob's line"), stale.body());

        assertError(json(server, "PUT", "/api/v1/drafts/" + id, ALICE, article("Conflicts", "x").toString()), 428,
                "precondition_required");
        assertError(json(server, "PUT", "/api/v1/drafts/" + id, ALICE, article("Conflicts", "x").toString(),
                "If-None-Match", "*"), 409, "edit_conflict");
        assertError(json(server, "DELETE", "/api/v1/drafts/" + id, ALICE, null), 428, "precondition_required");
        assertEquals("Bob's line", server.get("/api/v1/drafts/" + id, ANN).json().get("article").get("body").asText().strip(),
                "nothing was lost or overwritten");
        assertEquals(204, json(server, "DELETE", "/api/v1/drafts/" + id, ALICE, null, "If-Match", quoted(second)).status());
        assertEquals(404, server.get("/api/v1/drafts/" + id, ANN).status());
    }

    /** Two saves from the same revision at the same moment: exactly one wins, the other is told. */
    @Test
    void twoConcurrentSavesWithTheSameIfMatchHaveExactlyOneWinner() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String id = "api-race-" + round;
                String revision = version(json(server, "PUT", "/api/v1/drafts/" + id, ALICE,
                        article("Race", "start").toString(), "If-None-Match", "*"));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<KotaeServer.Reply>> saves = new ArrayList<>();
                for (String token : List.of(ALICE, BOB)) {
                    saves.add(clients.submit(() -> {
                        go.await();
                        return json(server, "PUT", "/api/v1/drafts/" + id, token,
                                article("Race", "by " + token).toString(), "If-Match", quoted(revision));
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<KotaeServer.Reply> save : saves) {
                    statuses.add(save.get(30, TimeUnit.SECONDS).status());
                }
                statuses.sort(null);
                assertEquals(List.of(200, 412), statuses, "round " + round);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** An admin creates, replaces (If-Match), reads the history and a diff, restores, and deletes. */
    @Test
    void publishingDirectlyHistoryDiffRestoreAndDelete() {
        String id = "api-direct";
        ObjectNode created = article("Direct", "version one\n");
        created.put("id", id);
        created.put("message", "first");
        KotaeServer.Reply made = json(server, "POST", "/api/v1/articles", ROOT, created.toString());
        assertEquals(201, made.status(), made.body());
        assertTrue(made.header("location").endsWith("/api/v1/articles/" + id), made.headers().toString());
        String one = version(made);
        assertError(json(server, "POST", "/api/v1/articles", ROOT, created.toString()), 409, null);
        assertError(json(server, "POST", "/api/v1/articles", BOB, created.toString()), 403, "forbidden");

        ObjectNode changed = article("Direct", "version two\n");
        changed.put("message", "second");
        assertError(json(server, "PUT", "/api/v1/articles/" + id, ROOT, changed.toString()), 428, "precondition_required");
        KotaeServer.Reply replaced = json(server, "PUT", "/api/v1/articles/" + id, ROOT, changed.toString(),
                "If-Match", quoted(one));
        assertEquals(200, replaced.status(), replaced.body());
        String two = version(replaced);
        JsonNode stale = assertError(json(server, "PUT", "/api/v1/articles/" + id, ROOT,
                article("Direct", "version three\n").toString(), "If-Match", quoted(one)), 412, "edit_conflict");
        assertEquals(two, stale.get("currentVersion").asText());
        assertTrue(stale.get("diff").asText().contains("version three"), stale.toString());

        JsonNode history = server.get("/api/v1/articles/" + id + "/history", ANN).json().get("versions");
        assertEquals(2, history.size(), history.toString());
        String newest = history.get(0).get("version").asText();
        String oldest = history.get(1).get("version").asText();
        assertEquals("version one", server.get("/api/v1/articles/" + id + "/history/" + oldest, ANN).json()
                .get("article").get("body").asText().strip());
        KotaeServer.Reply diff = server.get("/api/v1/articles/" + id + "/diff?from=" + oldest + "&to=" + newest, ANN);
        assertEquals(200, diff.status(), diff.body());
        assertTrue(diff.json().get("diff").asText().contains("-version one"), diff.body());
        assertTrue(diff.json().get("diff").asText().contains("+version two"), diff.body());

        // A restore skips review, which is required here: an editor is refused, an admin restores.
        assertError(json(server, "POST", "/api/v1/articles/" + id + "/restore", BOB,
                "{\"version\": \"" + oldest + "\"}"), 403, "forbidden");
        KotaeServer.Reply restored = json(server, "POST", "/api/v1/articles/" + id + "/restore", ROOT,
                "{\"version\": \"" + oldest + "\", \"message\": \"back to one\"}");
        assertEquals(200, restored.status(), restored.body());
        assertEquals("version one", restored.json().get("article").get("body").asText().strip());
        String three = version(restored);

        assertError(json(server, "DELETE", "/api/v1/articles/" + id, ROOT, null, "If-Match", quoted(two)), 412,
                "edit_conflict");
        assertEquals(204, json(server, "DELETE", "/api/v1/articles/" + id + "?message=gone", ROOT, null,
                "If-Match", quoted(three)).status());
        assertEquals(404, server.get("/api/v1/articles/" + id + "/source", ANN).status());
    }

    /**
     * An editor uploads an image and shows it in an article: it is stored once under a safe,
     * content-addressed name, served as an image that cannot run anything, and the article page shows it.
     */
    @Test
    void anUploadedImageIsServedSafelyAndShownInAnArticle() {
        byte[] png = pngBytes();
        KotaeServer.Reply uploaded = EditorApiClient.bytes(server, "/api/v1/media?name=" + "Store%20Front.png", BOB,
                "application/octet-stream", png);
        assertEquals(201, uploaded.status(), uploaded.body());
        String url = uploaded.json().get("url").asText();
        assertTrue(url.matches("/media/[0-9]{4}/store-front-[0-9a-f]{10}\\.png"), url);
        assertEquals("![Store Front](" + url + ")", uploaded.json().get("markdown").asText());
        assertEquals(url, EditorApiClient.bytes(server, "/api/v1/media?name=Store%20Front.png", ALICE, "image/png", png)
                .json().get("url").asText(), "the same bytes are the same file");

        // Until a public article shows it, the image is the editors' (an upload for a draft).
        assertEquals(404, server.get(url).status(), "no public article shows it yet");
        KotaeServer.Reply forEditors = server.get(url, BOB);
        assertEquals(200, forEditors.status());
        assertEquals("private, no-store", forEditors.header("cache-control"), "kept by no shared cache");

        ObjectNode withImage = article("Our store", "Look for this sign:\n\n" + uploaded.json().get("markdown").asText() + "\n");
        withImage.put("id", "api-image");
        KotaeServer.Reply created = json(server, "POST", "/api/v1/articles", ROOT, withImage.toString());
        assertEquals(201, created.status(), created.body());
        await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/articles/api-image").status() == 200);
        assertTrue(server.get("/articles/api-image").body().contains("<img src=\"" + url + "\" alt=\"Store Front\""),
                () -> server.get("/articles/api-image").body());

        KotaeServer.Reply image = server.get(url);
        assertEquals(200, image.status());
        assertEquals("image/png", image.contentType());
        assertEquals("nosniff", image.header("x-content-type-options"));
        assertEquals("default-src 'none'; sandbox", image.header("content-security-policy"));
        assertEquals("public, max-age=300", image.header("cache-control"), "kept by caches for minutes, not a year");
        String tag = image.header("etag");
        assertEquals("\"" + url.substring(url.lastIndexOf('-') + 1) + "\"", tag, "the digest in its name");
        KotaeServer.Reply revalidated = server.send(server.request(url).header("If-None-Match", tag), null);
        assertEquals(304, revalidated.status());
        assertEquals(404, server.get(url.replace(".png", ".svg")).status());

        // Once no public article shows it, strangers get it no more.
        assertEquals(204, json(server, "DELETE", "/api/v1/articles/api-image", ROOT, null, "If-Match",
                quoted(version(created))).status());
        await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/articles/api-image").status() == 404);
        assertEquals(404, server.get(url).status(), "the article that showed it is gone");
        assertEquals(200, server.get(url, BOB).status(), "editors still have it (its file stays)");
    }

    /** An image only an internal playbook shows is as internal as the playbook. */
    @Test
    void anImageOnlyAnInternalArticleShowsIsNotServedToAnonymousCallers() {
        byte[] png = pngBytes();
        png[png.length - 5] ^= 1; // other bytes than the public test's image: another name
        KotaeServer.Reply uploaded = EditorApiClient.bytes(server, "/api/v1/media?name=console.png", BOB, "image/png", png);
        assertEquals(201, uploaded.status(), uploaded.body());
        String url = uploaded.json().get("url").asText();
        ObjectNode playbook = article("Refund console", "The console:\n\n" + uploaded.json().get("markdown").asText() + "\n");
        playbook.put("id", "api-image-internal");
        playbook.put("visibility", "internal");
        assertEquals(201, json(server, "POST", "/api/v1/articles", ROOT, playbook.toString()).status());
        await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/api/v1/articles/api-image-internal", BOB).status() == 200);

        assertEquals(200, server.get(url, BOB).status(), "an agent sees the playbook's image");
        KotaeServer.Reply anonymous = server.get(url);
        assertEquals(404, anonymous.status(), anonymous.body());
        assertTrue(anonymous.contentType().startsWith("application/json"), anonymous.contentType());
    }

    @Test
    void theAuditLogListsEveryWriteForAdminsAsJsonOrDefusedCsv() {
        ObjectNode formula = article("Audit", "x");
        formula.put("id", "api-audit");
        formula.put("message", "=HYPERLINK(\"http://evil.example\",\"click\")");
        assertEquals(201, json(server, "POST", "/api/v1/articles", ROOT, formula.toString()).status());

        KotaeServer.Reply audit = server.get("/api/v1/admin/audit?limit=1000", ROOT);
        assertEquals(200, audit.status(), audit.body());
        boolean found = false;
        for (JsonNode entry : audit.json().get("entries")) {
            found |= "api-audit".equals(entry.path("articleId").asText()) && "root".equals(entry.get("person").asText());
        }
        assertTrue(found, audit.body());
        KotaeServer.Reply csv = server.get("/api/v1/admin/audit?format=csv", ROOT);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().contains("\"'=HYPERLINK("), csv.body());
        // An upload's name is recorded as sent, but an escape sequence or a bell in it would reach whoever
        // reads the log in a terminal raw: control characters are recorded as U+FFFD.
        assertEquals(201, EditorApiClient.bytes(server, "/api/v1/media?name=%1B%5B31mred%07.png", BOB,
                "image/png", pngBytes()).status());
        String logged = server.get("/api/v1/admin/audit?format=csv", ROOT).body();
        assertTrue(logged.contains("\uFFFD[31mred\uFFFD.png"), logged);
        assertFalse(logged.chars().anyMatch(c -> c == 0x1B || c == 0x07), "no control character in the log");
        assertError(server.get("/api/v1/admin/audit", BOB), 403, "forbidden");
        assertError(server.get("/api/v1/admin/audit"), 401, "unauthorized");
        assertError(server.get("/api/v1/admin/audit?format=xml", ROOT), 400, "bad_format");
    }

    /** The page's "whole log" link (no limit) downloads every entry, newest first, not the newest 100. */
    @Test
    void theCsvWithoutALimitIsTheWholeLogNewestFirst() throws Exception {
        StringBuilder lines = new StringBuilder("\n"); // after whatever line the log ends with
        for (int n = 0; n < 1500; n++) {
            lines.append(String.format("{\"time\":\"2026-12-04T10:%02d:%02dZ\",\"person\":\"bulk-%04d\",\"role\":\"editor\","
                    + "\"action\":\"save-draft\",\"articleId\":\"bulk\",\"version\":\"v\",\"message\":null}%n",
                    n / 60 % 60, n % 60, n));
        }
        Files.writeString(server.data().resolve("audit.jsonl"), lines, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        KotaeServer.Reply csv = server.get("/api/v1/admin/audit?format=csv", ROOT);
        assertEquals(200, csv.status(), csv.body());
        String body = csv.body();
        assertTrue(body.contains("bulk-0000") && body.contains("bulk-1499"), "every entry, not the newest 100");
        assertTrue(body.indexOf("bulk-1499") < body.indexOf("bulk-0000"), "newest first");
        assertFalse(server.get("/api/v1/admin/audit?format=csv&limit=10", ROOT).body().contains("bulk-1400"),
                "a limit still cuts it");
    }

    /**
     * A crash that tears the audit log's last line inside a multi-byte character: the log and the audit
     * page are still served (the torn line skipped), and the next write's entry is readable.
     */
    @Test
    void aTornAuditLineIsSkippedAndTheNextEntryIsKept() throws Exception {
        byte[] torn = "{\"time\":\"2026-12-05T10:00:03Z\",\"person\":\"編".getBytes(StandardCharsets.UTF_8);
        Files.write(server.data().resolve("audit.jsonl"), Arrays.copyOf(torn, torn.length - 1),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        KotaeServer.Reply before = server.get("/api/v1/admin/audit?limit=1000", ROOT);
        assertEquals(200, before.status(), before.body());
        EditorApiClient.Session admin = EditorApiClient.signIn(server, ROOT);
        KotaeServer.Reply page = server.send(server.request("/admin/audit").header("Accept", "text/html")
                .header("Cookie", admin.cookies()).GET(), null);
        assertEquals(200, page.status(), page.body());

        ObjectNode after = article("After the crash", "x");
        after.put("id", "api-after-torn-audit");
        assertEquals(201, json(server, "POST", "/api/v1/articles", ROOT, after.toString()).status());
        JsonNode newest = server.get("/api/v1/admin/audit?limit=1", ROOT).json().get("entries").get(0);
        assertEquals("api-after-torn-audit", newest.get("articleId").asText(), newest.toString());
    }

    /** A real 1x1 PNG. */
    static byte[] pngBytes() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }

    private static List<String> ids(JsonNode drafts) {
        List<String> ids = new ArrayList<>();
        drafts.forEach(d -> ids.add(d.get("id").asText()));
        return ids;
    }
}
