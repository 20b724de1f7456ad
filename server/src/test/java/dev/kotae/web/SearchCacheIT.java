package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The result cache (on by default) over real HTTP: a repeated search is answered from it with the answer
 * a fresh search gives, an agent's answer never reaches an anonymous caller, and a changed article is
 * never answered from an older version.
 */
class SearchCacheIT extends SampleServerIT {

    private static final String HITS = "kotae_search_cache_hits_total";

    @Test
    void repeatedSearchIsAnsweredFromTheCacheWithTheSameAnswer() {
        Map<String, String> params = Map.of("q", "配送状況の確認", "locale", "ja");
        JsonNode first = server.query("/api/v1/search", null, params).json();
        double hitsBefore = server.metric(HITS);
        JsonNode second = server.query("/api/v1/search", null, params).json();
        assertEquals(hitsBefore + 1, server.metric(HITS), "the second search is answered from the cache");
        assertTrue(first.get("total").asLong() > 0, first.toString());
        assertTrue(second.get("tookMs").isNumber(), "each answer still says how long it took");
        assertEquals(withoutTime(first), withoutTime(second));
    }

    /** Every analyzer folds width and case, so the spellings share one search and one cached answer. */
    @Test
    void widthAndCaseVariantsShareOneAnswer() {
        JsonNode first = server.query("/api/v1/search", null, Map.of("q", "Refund Timing", "locale", "en")).json();
        assertTrue(first.get("total").asLong() > 0, first.toString());
        assertEquals("Refund Timing", first.get("query").asText(), "the query is echoed as typed");
        for (String variant : new String[] {"refund timing", "ＲＥＦＵＮＤ ｔｉｍｉｎｇ", " REFUND timing "}) {
            double hitsBefore = server.metric(HITS);
            JsonNode answer = server.query("/api/v1/search", null, Map.of("q", variant, "locale", "en")).json();
            assertEquals(hitsBefore + 1, server.metric(HITS), variant + " is answered from the cache");
            assertEquals(variant.strip(), answer.get("query").asText(), "each caller's own query is echoed");
            assertEquals(withoutQuery(first), withoutQuery(answer), variant);
        }
    }

    private static JsonNode withoutQuery(JsonNode answer) {
        ObjectNode copy = (ObjectNode) withoutTime(answer);
        copy.remove("query");
        return copy;
    }

    /**
     * A different search sharing a word counts its matches from the word's kept term sets (TermMatches)
     * and ranks them from the word's kept scores (WordScores).
     */
    @Test
    void aWordSearchedAgainIsCountedAndRankedFromWhatWasKept() {
        server.query("/api/v1/search", null, Map.of("q", "返金の手続き", "locale", "ja"));
        Map<String, Double> before = new HashMap<>();
        for (String kept : List.of("term_sets", "word_scores")) {
            for (String use : List.of("hits", "misses")) {
                String name = "kotae_search_" + kept + "_" + use + "_total";
                before.put(name, server.metric(name));
            }
        }
        JsonNode again = server.query("/api/v1/search", null, Map.of("q", "返金の期限", "locale", "ja")).json();
        assertTrue(again.get("total").asLong() > 0, again.toString());
        for (String kept : List.of("term_sets", "word_scores")) {
            String hits = "kotae_search_" + kept + "_hits_total";
            String misses = "kotae_search_" + kept + "_misses_total";
            assertTrue(server.metric(hits) > before.get(hits), "返金's " + kept + " were kept");
            assertTrue(server.metric(misses) > before.get(misses), "期限's " + kept + " were read from the index");
            assertTrue(server.metric("kotae_search_" + kept + "_bytes") > 0, kept);
        }
    }

    /** Browsing counts once per index version: another page of the same filters takes the kept counts. */
    @Test
    void browsingAgainTakesTheKeptCounts() {
        JsonNode first = server.query("/api/v1/search", null, Map.of("locale", "ja", "size", "1")).json();
        assertTrue(first.get("total").asLong() > 1, first.toString());
        double hitsBefore = server.metric("kotae_search_browse_counts_hits_total");
        JsonNode second = server.query("/api/v1/search", null, Map.of("locale", "ja", "size", "1", "page", "2")).json();
        assertEquals(hitsBefore + 1, server.metric("kotae_search_browse_counts_hits_total"),
                "the second page (not in the result cache) was counted from the kept counts");
        assertEquals(first.get("total"), second.get("total"));
        assertTrue(server.metric("kotae_search_browse_counts_entries") > 0);
    }

    @Test
    void anAgentsAnswerNeverReachesAnAnonymousCaller() {
        Map<String, String> params = Map.of("q", "返金承認フロー", "locale", "ja");
        JsonNode agents = server.query("/api/v1/search", KotaeServer.AGENT_TOKEN, params).json();
        assertTrue(KotaeServer.ids(agents.get("hits")).contains("refund-approval"), agents.toString());

        JsonNode anonymous = server.query("/api/v1/search", null, params).json();
        assertFalse(KotaeServer.ids(anonymous.get("hits")).contains("refund-approval"), anonymous.toString());
        assertFalse(anonymous.toString().contains("internal"), anonymous.toString());
        assertTrue(anonymous.get("total").asLong() < agents.get("total").asLong(), "totals are counted per audience");

        // The other way round too: the public answer, now cached, is not what agents get.
        JsonNode agentsAgain = server.query("/api/v1/search", KotaeServer.AGENT_TOKEN, params).json();
        assertEquals(withoutTime(agents), withoutTime(agentsAgain));
    }

    @Test
    void aChangedArticleIsNeverAnsweredFromAnOlderVersion() throws Exception {
        Path file = server.content().resolve("ja/cache-probe.md");
        Files.writeString(file, "---\ntitle: 鍵の受け取り方\n---\n鍵は受付で受け取れます。", StandardCharsets.UTF_8);
        within("the new article is searchable", () -> titleOfTopHit("鍵の受け取り").equals("鍵の受け取り方"));
        titleOfTopHit("鍵の受け取り"); // cached for this version

        Files.writeString(file, "---\ntitle: 鍵の受け取り場所\n---\n鍵は受付で受け取れます。", StandardCharsets.UTF_8);
        within("the changed title is served", () -> titleOfTopHit("鍵の受け取り").equals("鍵の受け取り場所"));
        Files.delete(file);
        within("the deleted article is gone", () -> !server.searchIds("鍵の受け取り", null).contains("cache-probe"));
    }

    private static String titleOfTopHit(String q) {
        JsonNode hits = server.query("/api/v1/search", null, Map.of("q", q)).json().get("hits");
        return hits.isEmpty() ? "" : hits.get(0).get("title").asText();
    }

    private static JsonNode withoutTime(JsonNode result) {
        ObjectNode copy = result.deepCopy();
        copy.remove("tookMs");
        return copy;
    }

    private static void within(String what, java.util.concurrent.Callable<Boolean> condition) {
        await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(condition);
    }
}
