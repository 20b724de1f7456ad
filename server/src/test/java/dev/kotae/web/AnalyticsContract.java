package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What analytics must do on any storage, over real HTTP against the real server: events from searches,
 * clicks, votes and both widgets reach the reports with the right counts, the spellings of one query
 * (case, width, kana, kana for a word with kanji) counted as one row; no acknowledged search is lost
 * across a normal stop; personal data never reaches the database; the reports refuse strangers and bad
 * parameters. Subclasses choose the storage.
 */
abstract class AnalyticsContract {

    /**
     * The zone the sample help center's reports count days in: its default language is Japanese (checked
     * below). "Today" in a report is today there, which from 15:00 UTC is tomorrow in UTC.
     */
    private static final java.time.ZoneId REPORTS_ZONE = java.time.ZoneId.of("Asia/Tokyo");
    /** A digest day three days from today: the schedule never posts while the test runs. */
    private static final java.time.DayOfWeek NOT_DUE_WHILE_TESTED =
            java.time.LocalDate.now(REPORTS_ZONE).getDayOfWeek().plus(3);

    private static final String DEFLECT = "widget-contact-deflect";
    private static final String BOT = "widget-answer-bot";
    private static final String SESSION = "analytics-session-01";
    private static final String AGENT = KotaeServer.AGENT_TOKEN;

    @TempDir
    Path work;

    /** The storage under test; closed by the test. */
    abstract AnalyticsStorage storage() throws Exception;

    /** How many searches the no-loss test sends (16 clients at once), on every storage. */
    private static final int LOAD_SEARCHES = 20_000;

    @Test
    void everyChannelIsCountedInTheReports() throws Exception {
        try (AnalyticsStorage storage = storage()) {
            Path plugins = KotaeServer.pluginFolder(work, DEFLECT + ".jar", BOT + ".jar");
            KotaeServer server = KotaeServer.configured(work,
                    new PluginsConfig(plugins, Duration.ofSeconds(5), Map.of(), work), storage::configure);
            try {
                JsonNode shown = null;
                for (int i = 0; i < 3; i++) {
                    shown = search(server, "返金", "ja").get("hits");
                }
                // Spellings of one query: one row, shown as the most searched written form.
                search(server, "へんきん", "ja");
                search(server, "ﾍﾝｷﾝ", "ja"); // half-width katakana: stored as ヘンキン
                search(server, "Refund", "en");
                search(server, "Refund", "en");
                search(server, "ＲＥＦＵＮＤ  ", "en"); // full-width, upper case, trailing spaces: the same query
                search(server, "xyzzy plugh", "ja");
                search(server, "xyzzy plugh", "ja");
                search(server, "XYZZY   plugh", "ja");
                search(server, "<script>alert(1)</script>", "ja");
                search(server, "=HYPERLINK(\"http://evil\")", "ja");
                search(server, "連絡先 taro.yamada@example.co.jp 090-1234-5678", "ja");
                search(server, "card 4111 1111 1111 1111 please", "en");
                search(server, "call +81 3-1234-5678", "en");

                // The widgets' own endpoints record their searches (and the bot its answers) server-side.
                assertEquals(200, server.query("/api/v1/widgets/" + DEFLECT + "/suggest", null,
                        Map.of("q", "後払いの支払い期限", "locale", "ja")).status());
                JsonNode answer = server.query("/api/v1/widgets/" + BOT + "/ask", null,
                        Map.of("q", "パスワードを忘れたのでリセットしたい", "locale", "ja")).json();
                assertTrue(answer.get("answered").asBoolean(), answer.toString());
                // What navigator.sendBeacon sends when the page is left: text/plain, the session in the body.
                KotaeServer.Reply beacon = server.send(server.request("/api/v1/events")
                        .header("Content-Type", "text/plain;charset=UTF-8").POST(java.net.http.HttpRequest.BodyPublishers
                                .ofString("{\"type\":\"deflection\",\"widget\":\"" + DEFLECT
                                        + "\",\"action\":\"shown\",\"session\":\"" + SESSION + "\"}")), null);
                assertEquals(202, beacon.status(), beacon.body());

                // Clicks count only for results this visitor was shown, at the rank shown, once each.
                event(server, "{\"type\":\"click\",\"query\":\"返金\",\"articleId\":\""
                        + shown.get(0).get("id").asText() + "\",\"rank\":1}");
                event(server, "{\"type\":\"click\",\"query\":\"返金 \",\"articleId\":\""
                        + shown.get(2).get("id").asText() + "\",\"rank\":3}");
                event(server, "{\"type\":\"click\",\"query\":\"返金\",\"articleId\":\""
                        + shown.get(0).get("id").asText() + "\",\"rank\":1}"); // a repeat: not counted
                // One visitor votes, changes their mind, then comments: one unhelpful vote in the report.
                sessionVote(server, "refund-timing", "{\"helpful\": true}", 201);
                sessionVote(server, "refund-timing", "{\"helpful\": false}", 200);
                sessionVote(server, "refund-timing", "{\"comment\": \"考え直しました\"}", 200);
                vote(server, "refund-timing", true, null);
                vote(server, "refund-timing", false, "電話 03-1234-5678 まで連絡ください");
                vote(server, "refund-timing", false, null);
                for (String action : List.of("shown", "shown", "shown", "opened", "solved", "submitted")) {
                    event(server, deflection(DEFLECT, action));
                }
                for (String action : List.of("shown", "shown", "solved")) {
                    event(server, deflection(BOT, action));
                }

                // The bot's events were sent last; one lane writes in order, so once they are stored, all are.
                JsonNode deflection = await(server, "/api/v1/analytics/deflection",
                        rows -> row(rows, "widget", DEFLECT) != null && row(rows, "widget", BOT) != null
                                && row(rows, "widget", DEFLECT).get("submitted").asLong() == 1
                                && row(rows, "widget", BOT).get("solved").asLong() == 1);
                JsonNode deflect = row(deflection, "widget", DEFLECT);
                assertEquals(4, deflect.get("shown").asLong());
                assertEquals(1, deflect.get("opened").asLong());
                assertEquals(1, deflect.get("solved").asLong());
                assertEquals(0.25, deflect.get("deflectionRate").asDouble(), 0.0001);
                assertEquals(0, deflect.get("answered").asLong());
                assertEquals(0.5, row(deflection, "widget", BOT).get("deflectionRate").asDouble(), 0.0001);
                assertEquals(1, row(deflection, "widget", BOT).get("answered").asLong());

                JsonNode top = get(server, "/api/v1/analytics/queries?kind=top&limit=50");
                assertEquals(5, count(top, "query", "返金"), top.toString());
                assertEquals(List.of("ヘンキン (1)", "へんきん (1)"), variants(row(top, "query", "返金")), top.toString());
                assertEquals(3, count(top, "query", "Refund"), top.toString());
                assertEquals(List.of("REFUND (1)"), variants(row(top, "query", "Refund")), top.toString());
                assertEquals(1, count(top, "query", "パスワードを忘れたのでリセットしたい"), top.toString());
                assertEquals(1, count(top, "query", "後払いの支払い期限"), top.toString());
                assertEquals(3, count(top, "query", "xyzzy plugh"), top.toString());
                JsonNode zero = get(server, "/api/v1/analytics/queries?kind=zero-results&limit=50");
                assertEquals(3, count(zero, "query", "xyzzy plugh"), zero.toString());
                assertEquals(List.of("XYZZY plugh (1)"), variants(row(zero, "query", "xyzzy plugh")), zero.toString());
                assertEquals(-1, count(zero, "query", "返金"), "返金 finds articles: " + zero);
                assertNotNull(row(zero, "query", "xyzzy plugh").get("lastSeen").asText(null));
                JsonNode englishOnly = get(server, "/api/v1/analytics/queries?kind=top&locale=en&limit=50");
                assertEquals(-1, count(englishOnly, "query", "返金"), englishOnly.toString());
                assertEquals(3, count(englishOnly, "query", "Refund"), englishOnly.toString());

                JsonNode clicks = get(server, "/api/v1/analytics/clicks?limit=50");
                JsonNode refund = row(clicks, "query", "返金");
                assertEquals(2, refund.get("clicks").asLong(), clicks.toString());
                assertEquals(5, refund.get("searches").asLong());
                assertEquals(0.4, refund.get("clickThroughRate").asDouble(), 0.001);
                assertEquals(2.0, refund.get("meanClickedRank").asDouble(), 0.001);

                JsonNode feedback = get(server, "/api/v1/analytics/feedback");
                JsonNode votes = row(feedback, "articleId", "refund-timing");
                assertEquals(3, votes.get("unhelpful").asLong(), feedback.toString());
                assertEquals(1, votes.get("helpful").asLong());
                assertEquals("電話 [phone] まで連絡ください", votes.get("comments").get(0).get("text").asText());

                JsonNode hours = get(server, "/api/v1/analytics/searches-per-hour");
                long searches = 0;
                for (JsonNode hour : hours) {
                    searches += hour.get("searches").asLong();
                }
                assertEquals(18, searches, hours.toString()); // 16 through the API, 2 through the widgets

                csvIsSafeForSpreadsheets(server);
                strangersAndBadParametersAreRefused(server);
            } finally {
                server.stop();
            }
            // Straight from the database: personal data was masked before it was written.
            List<String> stored = new ArrayList<>();
            List<String> origins = new ArrayList<>();
            try (Connection db = storage.connect(server.data()); Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT query, comment, origin FROM analytics_event")) {
                while (rows.next()) {
                    stored.add(rows.getString(1) + " / " + rows.getString(2));
                    origins.add(rows.getString(3));
                }
            }
            assertTrue(origins.contains("widget:" + DEFLECT) && origins.contains("widget:" + BOT), origins.toString());
            String all = String.join("\n", stored);
            for (String secret : List.of("taro.yamada", "example.co.jp", "090-1234-5678", "4111", "1234-5678")) {
                assertFalse(all.contains(secret), secret + " was stored:\n" + all);
            }
            assertTrue(all.contains("連絡先 [email] [phone]"), all);
            assertTrue(all.contains("card [card] please"), all);
            assertTrue(all.contains("call [phone]"), all);
        }
    }

    private void csvIsSafeForSpreadsheets(KotaeServer server) {
        KotaeServer.Reply csv = server.get("/api/v1/analytics/queries?kind=top&limit=50&format=csv", AGENT);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertEquals("private, no-store", csv.header("cache-control"), "reports must not sit in a cache");
        assertTrue(csv.body().startsWith("\uFEFFquery,count,lastSeen,variants,thisWeek,previousWeek,weekOverWeek\r\n"),
                csv.body());
        assertTrue(csv.body().contains("\r\n返金,5,"), csv.body());
        // All five searches are this week's, none the week before: no change to compute.
        assertTrue(csv.body().contains(",ヘンキン (1) | へんきん (1),5,0,\r\n"), csv.body());
        assertTrue(csv.body().contains("\"'=HYPERLINK(\"\"http://evil\"\")\",1,"), csv.body());
        KotaeServer.Reply accepted = server.send(server.request("/api/v1/analytics/deflection")
                .header("Accept", "text/csv"), AGENT);
        assertTrue(accepted.body().startsWith("\uFEFFwidget,shown,opened,solved,submitted,answered,deflectionRate"),
                accepted.body());
    }

    private void strangersAndBadParametersAreRefused(KotaeServer server) {
        for (String path : List.of("queries", "clicks", "feedback", "deflection", "searches-per-hour")) {
            KotaeServer.Reply anonymous = server.get("/api/v1/analytics/" + path);
            assertEquals(401, anonymous.status(), path);
            assertEquals("unauthorized", anonymous.json().get("error").get("code").asText());
        }
        assertEquals(200, server.get("/api/v1/analytics/queries", KotaeServer.ADMIN_TOKEN).status());
        Map<String, String> bad = Map.of(
                "kind=popular", "bad_kind",
                "from=2026-13-01", "bad_from",
                "to=yesterday", "bad_to",
                "from=2026-11-02&to=2026-11-01", "bad_range",
                "locale=%3Cx%3E", "bad_locale",
                "limit=0", "bad_limit",
                "format=xml", "bad_format");
        bad.forEach((query, code) -> {
            KotaeServer.Reply reply = server.get("/api/v1/analytics/queries?" + query, AGENT);
            assertEquals(400, reply.status(), query + ": " + reply.body());
            assertEquals(code, reply.json().get("error").get("code").asText(), query);
        });
        // Inclusive dates: a range of one day, today, holds today's searches.
        String today = java.time.LocalDate.now(REPORTS_ZONE).toString();
        JsonNode todays = get(server, "/api/v1/analytics/queries?from=" + today + "&to=" + today + "&limit=50");
        assertEquals(5, count(todays, "query", "返金"), todays.toString());
        JsonNode past = get(server, "/api/v1/analytics/queries?from=2020-01-01&to=2020-01-31");
        assertEquals(0, past.size(), past.toString());
    }

    @Test
    void noAcknowledgedSearchIsLostOnANormalStop() throws Exception {
        try (AnalyticsStorage storage = storage()) {
            KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), storage::configure);
            int total = LOAD_SEARCHES;
            double answeredBefore = server.metric("kotae_searches_total");
            long answeredByServer;
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            List<String> queries = List.of("返金", "配送", "パスワード", "refund", "shipping", "nothing-here-xyz");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < 16; c++) {
                    running.add(clients.submit(() -> {
                        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                            String q = URLEncoder.encode(queries.get(i % queries.size()) + " " + (i % 50),
                                    StandardCharsets.UTF_8);
                            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                                    java.net.URI.create(server.baseUrl() + "/api/v1/search?size=3&q=" + q))
                                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() == 200) {
                                acknowledged.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : running) {
                    future.get();
                }
                // The searches the server answered: the client's own count can be short of it, as Java's
                // HttpClient sends a GET again when its connection closed before the answer came back.
                answeredByServer = Math.round(server.metric("kotae_searches_total") - answeredBefore);
            } finally {
                clients.shutdownNow();
                server.stop(); // right after the last answer: whatever is still queued must be flushed
            }
            assertEquals(total, acknowledged.get(), "every search was answered");
            assertTrue(answeredByServer >= total, "the server answered " + answeredByServer + " searches");
            try (Connection db = storage.connect(server.data()); Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM analytics_event WHERE type = 'search'")) {
                rows.next();
                assertEquals(answeredByServer, rows.getLong(1), "stored searches == searches the server answered");
            }
        }
    }

    /**
     * Issue 29 over HTTP: customers' article page views reach the article report (an agent's do not) with
     * the helpful rate and the week-over-week change; query rows carry theirs; the weekly digest is posted
     * on demand by an admin to a webhook stub on 127.0.0.1, once, with the figures of the events sent.
     */
    @Test
    void articleViewsTrendsAndTheDigestOnDemand() throws Exception {
        dev.kotae.contact.WebhookStub stub = new dev.kotae.contact.WebhookStub();
        java.net.URI hook = java.net.URI.create(stub.url());
        try (AnalyticsStorage storage = storage()) {
            KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> storage.configure(
                    config.withAnalytics(config.analytics().withDigest(new dev.kotae.config.DigestConfig(hook,
                            dev.kotae.config.DigestConfig.Format.JSON, NOT_DUE_WHILE_TESTED, 9,
                            new dev.kotae.config.DigestConfig.Targets(0.1, null, null, null))))));
            try {
                assertEquals(200, server.get("/articles/refund-timing").status());
                assertEquals(200, server.get("/articles/refund-timing").status());
                assertEquals(200, server.get("/articles/refund-timing", AGENT).status()); // an agent: not counted
                vote(server, "refund-timing", true, null);
                search(server, "返金", "ja");
                search(server, "xyzzy plugh", "ja");
                // Events are stored in the order they were sent: once the vote is in, both views are.
                JsonNode articles = await(server, "/api/v1/analytics/articles",
                        rows -> row(rows, "articleId", "refund-timing") != null
                                && row(rows, "articleId", "refund-timing").get("helpful").asLong() == 1);
                JsonNode refund = row(articles, "articleId", "refund-timing");
                assertEquals(2, refund.get("views").asLong(), articles.toString());
                assertEquals(1.0, refund.get("helpfulRate").asDouble(), articles.toString());
                assertEquals(2, refund.get("weekOverWeek").get("current").asLong(), articles.toString());
                assertTrue(refund.get("weekOverWeek").get("change").isNull(), "nothing the week before");
                JsonNode top = await(server, "/api/v1/analytics/queries?kind=zero-results",
                        rows -> row(rows, "query", "xyzzy plugh") != null);
                assertEquals(1, row(top, "query", "xyzzy plugh").get("weekOverWeek").get("current").asLong());
                assertEquals(REPORTS_ZONE.getId(), server.get("/api/v1/analytics/articles", AGENT).json()
                        .get("timeZone").asText(), "the default zone of a help center in Japanese");

                // The digest: agents may read it, only admins post it; bad input is a 4xx with a JSON body.
                assertEquals(401, server.post("/api/v1/analytics/digest", "", null).status());
                assertEquals(403, server.post("/api/v1/analytics/digest", "", AGENT).status());
                KotaeServer.Reply badRange = server.post("/api/v1/analytics/digest?from=yesterday", "",
                        KotaeServer.ADMIN_TOKEN);
                assertEquals(400, badRange.status(), badRange.body());
                assertEquals("bad_from", badRange.json().get("error").get("code").asText());
                String today = java.time.LocalDate.now(REPORTS_ZONE).toString();
                KotaeServer.Reply posted = server.post("/api/v1/analytics/digest?from=" + today + "&to=" + today, "",
                        KotaeServer.ADMIN_TOKEN);
                assertEquals(200, posted.status(), posted.body());
                assertEquals(1, stub.accepted().size(), stub.accepted().toString());
                JsonNode digest = KotaeServer.JSON.readTree(stub.accepted().get(0).body());
                assertEquals(2, digest.get("searches").asLong(), digest.toString());
                assertEquals(1, digest.get("zeroResultSearches").asLong(), digest.toString());
                JsonNode zeroRate = digest.get("figures").get(0);
                assertEquals("zeroResultRate", zeroRate.get("name").asText());
                assertEquals(0.5, zeroRate.get("value").asDouble());
                assertFalse(zeroRate.get("met").asBoolean(), "0.5 is above the target of 0.1");
                assertEquals(2, posted.json().get("digest").get("searches").asLong(), posted.body());
                // Reading the figures posts nothing.
                KotaeServer.Reply figures = server.get("/api/v1/analytics/digest?from=" + today + "&to=" + today, AGENT);
                assertEquals(200, figures.status(), figures.body());
                assertEquals(1, figures.json().get("zeroResultSearches").asLong(), figures.body());
                assertEquals(1, stub.accepted().size());
            } finally {
                server.stop();
            }
        } finally {
            stub.close();
        }
    }

    // --- helpers ---

    private static JsonNode search(KotaeServer server, String q, String locale) {
        KotaeServer.Reply reply = server.send(server.request("/api/v1/search?locale=" + locale + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8)).header(Sessions.HEADER, SESSION), null);
        assertEquals(200, reply.status(), q + ": " + reply.body());
        return reply.json();
    }

    private static void event(KotaeServer server, String json) {
        KotaeServer.Reply reply = server.send(server.request("/api/v1/events").header("Content-Type", "application/json")
                .header(Sessions.HEADER, SESSION).POST(HttpRequest.BodyPublishers.ofString(json)), null);
        assertEquals(202, reply.status(), json + ": " + reply.body());
    }

    private static String deflection(String widget, String action) {
        return "{\"type\":\"deflection\",\"widget\":\"" + widget + "\",\"action\":\"" + action
                + "\",\"query\":\"返金\",\"articleId\":\"refund-timing\"}";
    }

    private static void vote(KotaeServer server, String id, boolean helpful, String comment) throws Exception {
        String body = KotaeServer.JSON.writeValueAsString(comment == null ? Map.of("helpful", helpful)
                : Map.of("helpful", helpful, "comment", comment));
        KotaeServer.Reply reply = server.post("/api/v1/articles/" + id + "/feedback", body, null);
        assertEquals(201, reply.status(), reply.body());
    }

    /** A vote (or comment) of the visitor {@link #SESSION}, who has one vote per article. */
    private static void sessionVote(KotaeServer server, String id, String json, int expected) {
        KotaeServer.Reply reply = server.send(server.request("/api/v1/articles/" + id + "/feedback")
                .header("Content-Type", "application/json").header(Sessions.HEADER, SESSION)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)), null);
        assertEquals(expected, reply.status(), json + ": " + reply.body());
    }

    private static JsonNode get(KotaeServer server, String path) {
        KotaeServer.Reply reply = server.get(path, AGENT);
        assertEquals(200, reply.status(), path + ": " + reply.body());
        return reply.json().get("rows");
    }

    /** Polls a report until it satisfies the condition: events are written asynchronously, in batches. */
    private static JsonNode await(KotaeServer server, String path, Predicate<JsonNode> condition) {
        return Awaitility.await(path + " matches").atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO)
                .until(() -> get(server, path), condition);
    }

    private static JsonNode row(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.get(field).asText())) {
                return row;
            }
        }
        return null;
    }

    /** A query row's other spellings as {@code "query (count)"}. */
    private static List<String> variants(JsonNode row) {
        List<String> variants = new ArrayList<>();
        row.get("variants").forEach(v -> variants.add(v.get("query").asText() + " (" + v.get("count").asLong() + ")"));
        return variants;
    }

    /** The count of the row whose field has the value, or -1 when there is none. */
    private static long count(JsonNode rows, String field, String value) {
        JsonNode row = row(rows, field, value);
        return row == null ? -1 : row.get("count").asLong();
    }
}
