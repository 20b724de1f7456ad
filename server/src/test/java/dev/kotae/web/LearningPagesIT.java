package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.config.PluginsConfig;
import dev.kotae.site.Messages;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /admin/learning} over real HTTP: anonymous callers are sent to sign in, agents get the 403 page,
 * and a customer's search that found nothing is offered for routing, escaped (it is customer input).
 */
class LearningPagesIT {

    private static final String HOSTILE = "<zzqxv onmouseover=wqpfj>";

    @TempDir
    Path work;

    @Test
    void onlyAdminsSeeThePageAndCustomerQueriesAreEscaped() throws Exception {
        KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> config);
        try {
            KotaeServer.Reply anonymous = server.get("/admin/learning");
            assertEquals(303, anonymous.status(), anonymous.body());
            assertTrue(anonymous.header("Location").contains("/login?next=%2Fadmin%2Flearning"), anonymous.header("Location"));
            KotaeServer.Reply agent = server.get("/admin/learning", KotaeServer.AGENT_TOKEN);
            assertEquals(403, agent.status());
            assertTrue(agent.header("Content-Type").startsWith("text/html"), agent.header("Content-Type"));

            KotaeServer.Reply searched = server.get("/api/v1/search?q=" + URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8));
            assertEquals(200, searched.status(), searched.body());
            assertEquals(0, searched.json().get("total").asInt(), searched.body());
            String page = Awaitility.await("the search that found nothing is offered for routing")
                    .atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .until(() -> server.get("/admin/learning", KotaeServer.ADMIN_TOKEN).body(),
                            body -> body.contains("unanswered-query"));
            assertTrue(page.contains("&lt;zzqxv onmouseover=wqpfj&gt;"), page);
            assertFalse(page.contains("<zzqxv"), "never unescaped");
            assertTrue(page.contains("action=\"/admin/learning/route\""), page);
            assertTrue(server.get("/editor", KotaeServer.ADMIN_TOKEN).body().contains("href=\"/admin/learning\""),
                    "linked from the editor's admin links");
            // A query with nothing visible in it (zero-width space, byte-order mark) cannot be routed: it
            // would be a phrasing no one can read.
            SiteBrowser admin = SiteBrowser.signedIn(server.baseUrl(), KotaeServer.ADMIN_TOKEN);
            SiteBrowser.Page learning = admin.get("/admin/learning");
            SiteBrowser.Page invisible = admin.post("/admin/learning/route", java.util.Map.of("csrf",
                    SiteBrowser.formCsrf(learning.html()), "filter", "all", "articleId", "refund-timing",
                    "query", "\u200b\ufeff"));
            assertEquals(400, invisible.status(), invisible.body());

            // Routed, the query says where it goes; routed to an internal playbook, the page says who finds it.
            SiteBrowser.Page routed = admin.post("/admin/learning/route", java.util.Map.of("csrf",
                    SiteBrowser.formCsrf(learning.html()), "filter", "none", "articleId", "refund-timing", "query", HOSTILE));
            assertEquals(303, routed.status(), routed.body());
            org.jsoup.nodes.Element row = admin.get("/admin/learning").html().select("tr.unanswered-row").stream()
                    .filter(r -> r.selectFirst(".unanswered-query").text().equals(HOSTILE)).findFirst().orElseThrow();
            String title = server.get("/api/v1/articles/refund-timing").json().get("title").asText();
            assertTrue(row.selectFirst(".routed-to").text().contains(title), row.outerHtml());
            String playbook = server.get("/api/v1/search?q=&type=playbook&size=1", KotaeServer.ADMIN_TOKEN).json()
                    .get("hits").get(0).get("id").asText();
            SiteBrowser.Page internal = admin.post("/admin/learning/route", java.util.Map.of("csrf",
                    SiteBrowser.formCsrf(learning.html()), "filter", "none", "articleId", playbook, "query", HOSTILE));
            assertEquals(303, internal.status(), internal.body());
            assertTrue(internal.location().endsWith("done=routed-internal"), internal.location());
            assertEquals(Messages.of("ja").text("learning.done.routed-internal"),
                    admin.get(URI.create(internal.location()).getRawPath() + "?decision=none&done=routed-internal").html()
                            .selectFirst(".notice").text());
        } finally {
            server.stop();
        }
    }
}
