package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} is open, but the series that count or describe content (internal articles included)
 * come only with an admin token: an anonymous caller cannot learn that internal articles exist or how
 * many there are.
 */
class MetricsAccessIT extends SampleServerIT {

    private static final List<String> CONTENT_SERIES = List.of("kotae_articles", "kotae_content_problems",
            "kotae_index_size_bytes");

    @Test
    void anAnonymousCallerSeesNoSeriesAboutContent() {
        for (String token : new String[] {null, KotaeServer.AGENT_TOKEN}) {
            KotaeServer.Reply metrics = server.get("/metrics", token);
            assertEquals(200, metrics.status());
            assertTrue(metrics.body().contains("kotae_searches_total"), "operational series stay open");
            for (String series : CONTENT_SERIES) {
                assertFalse(Pattern.compile("(?m)^(# [A-Z]+ )?" + series + "\\b").matcher(metrics.body()).find(),
                        () -> series + " is shown to " + (token == null ? "anonymous" : "an agent") + ":\n" + metrics.body());
            }
        }
    }

    @Test
    void anAdminSeesEverySeriesInternalArticlesCounted() {
        KotaeServer.Reply metrics = server.get("/metrics", KotaeServer.ADMIN_TOKEN);
        assertEquals(200, metrics.status());
        for (String series : CONTENT_SERIES) {
            assertTrue(Pattern.compile("(?m)^" + series + " ").matcher(metrics.body()).find(), series);
        }
        long publicArticles = server.get("/api/v1/search?q=&size=1").json().get("total").asLong();
        long allArticles = server.get("/api/v1/search?q=&size=1", KotaeServer.ADMIN_TOKEN).json().get("total").asLong();
        assertTrue(allArticles > publicArticles, "the sample has internal playbooks");
        assertEquals(allArticles, (long) server.metric("kotae_articles"));
        assertEquals("private, no-store", metrics.header("Cache-Control"), "an admin's answer is never cached");
    }

    @Test
    void aWrongTokenIsRefusedNotServedAsAnonymous() {
        KotaeServer.Reply metrics = server.get("/metrics", "not-a-token-at-all");
        assertEquals(401, metrics.status());
        assertEquals("unauthorized", metrics.json().get("error").get("code").asText());
    }
}
