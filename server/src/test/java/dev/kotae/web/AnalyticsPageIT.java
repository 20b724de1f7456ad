package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.site.Messages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code /analytics} page over real HTTP: strangers are sent to sign in, agents see the stored
 * queries with their other spellings, and a query that is HTML stays text, in its row and among the
 * spellings (the browser test checks the same in Chromium).
 */
class AnalyticsPageIT {

    /** A digest day three days from today (in Tokyo): the schedule never posts while the test runs. */
    private static final java.time.DayOfWeek NOT_DUE_WHILE_TESTED =
            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).getDayOfWeek().plus(3);

    private static final String HOSTILE = "<script>alert('x')</script>";
    /** The same query in upper case: counted in the hostile query's row, and shown there as a variant. */
    private static final String HOSTILE_UPPER = "<SCRIPT>ALERT('X')</SCRIPT>";

    @Test
    void agentsSeeQueriesEscapedAndStrangersAreSentToSignIn(@TempDir Path work) throws Exception {
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            KotaeServer.Reply anonymous = server.get("/analytics");
            assertEquals(303, anonymous.status());
            assertTrue(anonymous.header("location").endsWith("/login?next=/analytics"), anonymous.header("location"));

            for (String q : new String[] {HOSTILE, HOSTILE, HOSTILE_UPPER}) {
                assertEquals(200, server.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).status());
            }
            // Events are stored asynchronously, in order: wait until the report has the last, then read the page once.
            await("the searches are in the report").atMost(Duration.ofSeconds(15))
                    .until(() -> server.get("/api/v1/analytics/queries", KotaeServer.AGENT_TOKEN).body().contains("ALERT"));
            KotaeServer.Reply reply = server.get("/analytics?lang=en", KotaeServer.AGENT_TOKEN);
            assertEquals(200, reply.status(), reply.body());
            assertTrue(reply.contentType().startsWith("text/html"), reply.contentType());
            String page = reply.body();
            // Text content: < and > are escaped (the quote needs no escaping outside attributes).
            assertTrue(page.contains(">&lt;script&gt;alert('x')&lt;/script&gt;</span> <small class=\"query-variants\""), page);
            assertTrue(page.contains(">Also typed as: &lt;SCRIPT&gt;ALERT('X')&lt;/SCRIPT&gt; (1)</small></td><td class=\"num\">3</td>"),
                    page);
            assertFalse(page.contains(HOSTILE) || page.contains(HOSTILE_UPPER), "the query reached the page as markup");
            assertTrue(page.contains("Top searches") && page.contains("<svg class=\"bar-chart\""), page);

            // Bad filters: 400, the last 30 days shown, what was typed kept, and the problem said in the page's language.
            KotaeServer.Reply badDate = server.get("/analytics?from=not-a-date&q=refund", KotaeServer.AGENT_TOKEN);
            assertEquals(400, badDate.status());
            org.jsoup.nodes.Document shown = org.jsoup.Jsoup.parse(badDate.body());
            assertEquals(Messages.of("ja").text("analytics.badFilter.bad_from"), shown.selectFirst("#filter-problem").text());
            assertEquals("not-a-date", shown.selectFirst("#from").attr("value"));
            assertEquals("refund", shown.selectFirst("form.analytics-filter input[name=q]").attr("value"));
            assertEquals(1, shown.select("#q").size(), "one element with the header search box's id; the filter's label names its own");
            assertEquals("containing", shown.selectFirst("form.analytics-filter label[for=containing]").attr("for"));
            assertTrue(shown.selectFirst(".bar-chart") != null, "the reports are there");
            KotaeServer.Reply backwards = server.get("/analytics?from=2026-12-05&to=2026-12-01&lang=en", KotaeServer.AGENT_TOKEN);
            assertEquals(400, backwards.status());
            assertEquals(Messages.of("en").text("analytics.badFilter.bad_range"),
                    org.jsoup.Jsoup.parse(backwards.body()).selectFirst("#filter-problem").text());
        }
    }

    /**
     * A 1,000-character query (what made the page 8,690 px tall) is shown cut to 80 characters with an
     * ellipsis, everywhere on the page, its whole text kept in the cell's title; the browser test measures
     * the page's height.
     */
    @Test
    void aLongQueryIsShortenedWithItsWholeTextInTheTitle(@TempDir Path work) throws Exception {
        String longQuery = "とても長い問い合わせ".repeat(100);
        assertEquals(1000, longQuery.length());
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            assertEquals(200, server.get("/api/v1/search?q=" + URLEncoder.encode(longQuery, StandardCharsets.UTF_8))
                    .status());
            await("the search is in the report").atMost(Duration.ofSeconds(15))
                    .until(() -> server.get("/api/v1/analytics/queries", KotaeServer.AGENT_TOKEN).body()
                            .contains("とても長い問い合わせ"));
            String page = server.get("/analytics?lang=en", KotaeServer.AGENT_TOKEN).body();
            String shown = longQuery.substring(0, 79) + "…";
            assertTrue(page.contains("title=\"" + longQuery + "\">" + shown + "</span>"), page);
            // The whole text is only ever in titles: one per table the query is in (top, zero results, clicks).
            int wholeCopies = page.split(java.util.regex.Pattern.quote(longQuery), -1).length - 1;
            int titledCopies = page.split(java.util.regex.Pattern.quote("title=\"" + longQuery + "\""), -1).length - 1;
            assertEquals(titledCopies, wholeCopies, "the whole query appears outside a title");
            assertTrue(titledCopies >= 1, page);
            // Without a webhook there is no digest to post: a 4xx with a JSON body, and no button.
            KotaeServer.Reply off = server.post("/api/v1/analytics/digest", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(409, off.status(), off.body());
            assertEquals("digest_off", off.json().get("error").get("code").asText());
            assertFalse(server.get("/analytics", KotaeServer.ADMIN_TOKEN).body().contains("/analytics/digest"));
        }
    }

    /**
     * The dashboard's digest button: shown to admins when a webhook is configured (not to agents), and a
     * press posts the digest once to the webhook stub and says so on the page.
     */
    @Test
    void adminsPostTheDigestFromTheDashboard(@TempDir Path work) throws Exception {
        dev.kotae.contact.WebhookStub stub = new dev.kotae.contact.WebhookStub();
        java.net.URI hook = java.net.URI.create(stub.url());
        try (KotaeServer server = KotaeServer.configured(work, dev.kotae.config.PluginsConfig.none(),
                config -> config.withAnalytics(config.analytics().withDigest(new dev.kotae.config.DigestConfig(hook,
                        dev.kotae.config.DigestConfig.Format.SLACK, NOT_DUE_WHILE_TESTED, 9,
                        dev.kotae.config.DigestConfig.Targets.none()))))) {
            assertFalse(server.get("/analytics?lang=en", KotaeServer.AGENT_TOKEN).body().contains("/analytics/digest"),
                    "an agent sees the digest button");
            SiteBrowser admin = SiteBrowser.signedIn(server.baseUrl(), KotaeServer.ADMIN_TOKEN);
            SiteBrowser.Page page = admin.get("/analytics?lang=en");
            assertEquals(200, page.status(), page.body());
            SiteBrowser.Page posted = admin.post("/analytics/digest", SiteBrowser.formFields(page.html(), "#digest form"));
            assertEquals(303, posted.status(), posted.body());
            assertTrue(posted.location().endsWith("/analytics?digest=sent#digest"), posted.location());
            assertEquals(1, stub.accepted().size(), stub.accepted().toString());
            assertTrue(stub.accepted().get(0).body().startsWith("{\"text\":\"ヘルプセンター KPI ("), stub.accepted().get(0).body());
            assertTrue(admin.get("/analytics?lang=en&digest=sent").body().contains("The digest was posted to the webhook."));
            // Without the form token the post is refused.
            assertEquals(403, admin.post("/analytics/digest", java.util.Map.of()).status());
            assertEquals(1, stub.accepted().size());
        } finally {
            stub.close();
        }
    }

    /** What a spike alert links to: the query tables narrowed to the term, in the API and on the page. */
    @Test
    void queriesCanBeNarrowedToATerm(@TempDir Path work) throws Exception {
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            for (String q : new String[] {"ログイン できない", "ＬＯＧＩＮ error", "返金", "100%_off"}) {
                assertEquals(200, server.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).status());
            }
            await("the searches are in the report").atMost(Duration.ofSeconds(15))
                    .until(() -> server.get("/api/v1/analytics/queries", KotaeServer.AGENT_TOKEN).body().contains("100%_off"));
            String narrowed = server.get("/api/v1/analytics/queries?kind=top&q=Login", KotaeServer.AGENT_TOKEN).body();
            // Full width and case are folded for the match; the row shows the query as it was typed (NFKC).
            assertTrue(narrowed.contains("\"LOGIN error\""), narrowed);
            assertFalse(narrowed.contains("返金") || narrowed.contains("ログイン"), narrowed);
            // % and _ are text, not patterns.
            String literal = server.get("/api/v1/analytics/queries?q=" + URLEncoder.encode("0%_", StandardCharsets.UTF_8),
                    KotaeServer.AGENT_TOKEN).body();
            assertTrue(literal.contains("100%_off") && !literal.contains("login"), literal);

            String page = server.get("/analytics?lang=en&q=" + URLEncoder.encode("ログイン", StandardCharsets.UTF_8),
                    KotaeServer.AGENT_TOKEN).body();
            assertTrue(page.contains(">ログイン できない</span></td>"), page);
            assertFalse(page.contains(">返金</span></td>"), page);
            assertTrue(page.contains("q=%E3%83%AD%E3%82%B0%E3%82%A4%E3%83%B3"), "CSV links keep the filter");
        }
    }
}
