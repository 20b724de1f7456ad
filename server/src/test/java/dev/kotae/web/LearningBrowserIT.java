package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.config.PluginsConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning review page in real headless Chromium ({@code e2e/learning.mjs}) against the real server:
 * visitors (three sessions from three addresses each) teach three phrasings over HTTP, learning runs through
 * the admin API, and an admin approves one, rejects one and makes the third a question for good in the
 * browser, and routes a search that found nothing to an article; then the Markdown file holds the question
 * and the suggestions offer it. Tools as
 * {@link BrowserScript} says.
 */
class LearningBrowserIT {

    /** Found through a synonym only (返却 => 返品): no article has the word before it is written as a question. */
    private static final String ALWAYS = "返却";
    private static final String APPROVE = "返金";
    private static final String REJECT = "送料";
    /** A search that finds nothing: offered for routing to an article. */
    private static final String UNANSWERED = "zzqxv wqpfj";

    @Test
    void adminsDecideAboutLearnedPhrasingsInARealBrowser(@TempDir Path work) throws Exception {
        BrowserScript.requireTools();
        try (KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> config
                .withServer(config.server().withTrustedProxies(List.of("127.0.0.1")))
                .withAnalytics(config.analytics().withEventsPerMinute(10_000))
                .withEditor(config.editor().withReviewRequired(false)))) {
            String always = LearningTraffic.choose(server, ALWAYS, 2, 3);
            String approved = LearningTraffic.choose(server, APPROVE, 2, 3);
            LearningTraffic.choose(server, REJECT, 2, 3);
            KotaeServer.Reply nothing = server.get("/api/v1/search?q=" + URLEncoder.encode(UNANSWERED, StandardCharsets.UTF_8));
            assertEquals(0, nothing.json().get("total").asInt(), nothing.body());
            LearningTraffic.learn(server); // returns once the searches so far are in the analytics database
            Path file = LearningAlwaysIT.articleFile(server, always);
            assertFalse(LearningAlwaysIT.questions(file).contains("  - " + ALWAYS), Files.readString(file));

            BrowserScript.run("learning.mjs", Map.of("KOTAE_URL", server.baseUrl(), "ADMIN_TOKEN",
                    KotaeServer.ADMIN_TOKEN, "APPROVE", APPROVE, "REJECT", REJECT, "ALWAYS", ALWAYS, "UNANSWERED", UNANSWERED, "ROUTE_TO", approved), work);

            assertTrue(LearningAlwaysIT.questions(file).contains("  - " + ALWAYS + "\n"), Files.readString(file));
            Awaitility.await("the suggestion list offers the question written from the browser")
                    .atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .until(() -> LearningAlwaysIT.suggested(server, ALWAYS, always));
        }
    }
}
