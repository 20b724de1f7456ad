package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} is open, but the series that count or describe content (internal articles included)
 * come only with an admin token: an anonymous caller cannot learn that internal articles exist or how
 * many there are.
 */
class MetricsAccessIT extends SampleServerIT {

    private static final List<String> CONTENT_SERIES = List.of("kotae_articles", "kotae_content_problems",
            "kotae_index_size_bytes", "kotae_search_term_sets_bytes", "kotae_search_word_scores_bytes",
            "kotae_search_hit_articles_bytes", "kotae_search_query_matches_bytes", "kotae_search_suggest_cards_bytes");
    /** Series that move with timing or the analytics journal's own bookkeeping, not with what was searched. */
    private static final Pattern UNRELATED = Pattern.compile("_seconds|^kotae_analytics_|^jvm_|^process_");

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

    /**
     * The attack the content series were hidden against, made: an anonymous search for a word only an
     * internal playbook has and one for a word no article has, of the same length. Every
     * figure an anonymous caller can read moves alike for both, so none tells that the first word exists.
     */
    @Test
    void anAnonymousSearchForAWordOnlyInternalArticlesHaveMovesNoFigureDifferently() {
        assertEquals(0, server.get("/api/v1/search?q=checklist").json().get("total").asInt());
        assertTrue(server.get("/api/v1/search?q=checklist", KotaeServer.AGENT_TOKEN).json().get("total").asInt() > 0,
                "the word is in internal playbooks");
        // A word is searched once per pair: a second search of it would be answered from what the first kept.
        Map<String, Double> internalWord = moved("/api/v1/search?q=compensation", null);
        Map<String, Double> noWord = moved("/api/v1/search?q=xqzvkjwpybmf", null);
        assertEquals(noWord, internalWord, "figures anonymous callers read");
        internalWord = moved("/api/v1/search?q=complaints", KotaeServer.AGENT_TOKEN);
        noWord = moved("/api/v1/search?q=xqzvkjwpyb", KotaeServer.AGENT_TOKEN);
        assertEquals(noWord, internalWord, "figures agents read");
    }

    /** How each figure {@code token}'s caller reads moved across one anonymous request for {@code path}. */
    private static Map<String, Double> moved(String path, String token) {
        Map<String, Double> before = figures(token);
        assertEquals(200, server.get(path).status());
        Map<String, Double> after = figures(token);
        Map<String, Double> moved = new TreeMap<>();
        after.forEach((series, value) -> moved.put(series, value - before.getOrDefault(series, 0.0)));
        return moved;
    }

    private static Map<String, Double> figures(String token) {
        Map<String, Double> figures = new TreeMap<>();
        for (String line : server.get("/metrics", token).body().split("\n")) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0 && !UNRELATED.matcher(line).find()) {
                figures.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return figures;
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
