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
 * queries, and a query that is HTML stays text (the browser test checks the same in Chromium).
 */
class AnalyticsPageIT {

    private static final String HOSTILE = "<script>alert('x')</script>";

    @Test
    void agentsSeeQueriesEscapedAndStrangersAreSentToSignIn(@TempDir Path work) throws Exception {
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            KotaeServer.Reply anonymous = server.get("/analytics");
            assertEquals(303, anonymous.status());
            assertTrue(anonymous.header("location").endsWith("/login?next=/analytics"), anonymous.header("location"));

            assertEquals(200, server.get("/api/v1/search?q=" + URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8)).status());
            // Events are stored asynchronously: wait until the report has it, then read the page once.
            await("the search is in the report").atMost(Duration.ofSeconds(15))
                    .until(() -> server.get("/api/v1/analytics/queries", KotaeServer.AGENT_TOKEN).body().contains("alert"));
            KotaeServer.Reply reply = server.get("/analytics?lang=en", KotaeServer.AGENT_TOKEN);
            assertEquals(200, reply.status(), reply.body());
            assertTrue(reply.contentType().startsWith("text/html"), reply.contentType());
            String page = reply.body();
            // Text content: < and > are escaped (the quote needs no escaping outside attributes).
            assertTrue(page.contains("<td>&lt;script&gt;alert('x')&lt;/script&gt;</td>"), page);
            assertFalse(page.contains(HOSTILE), "the query reached the page as markup");
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
            assertTrue(narrowed.contains("login error"), narrowed); // full width and case are folded as stored
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
