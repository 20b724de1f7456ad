package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertTrue(page.contains("<td>&lt;script&gt;alert('x')&lt;/script&gt; <small class=\"query-variants\">Also typed as:"
                    + " &lt;SCRIPT&gt;ALERT('X')&lt;/SCRIPT&gt; (1)</small></td><td class=\"num\">3</td>"), page);
            assertFalse(page.contains(HOSTILE) || page.contains(HOSTILE_UPPER), "the query reached the page as markup");
            assertTrue(page.contains("Top searches") && page.contains("<svg class=\"bar-chart\""), page);

            assertEquals(400, server.get("/analytics?from=not-a-date", KotaeServer.AGENT_TOKEN).status());
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
            assertTrue(page.contains("<td>ログイン できない</td>"), page);
            assertFalse(page.contains("<td>返金</td>"), page);
            assertTrue(page.contains("q=%E3%83%AD%E3%82%B0%E3%82%A4%E3%83%B3"), "CSV links keep the filter");
        }
    }
}
