package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.learning.Learned;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What the help center learned, published through the server's sink, over real HTTP with the result cache
 * on: searches rank with it as soon as publishing returns (never an answer kept from before), an internal
 * article's learned phrasings reach only agents, learned phrasings are never suggestions, and a phrasing
 * dropped from what was learned stops finding its article.
 */
class LearnedSearchIT extends SampleServerIT {

    /** Words no article has: only what was learned can find an article with them. */
    private static final String CUSTOMER_WORDS = "zorblax moneyback";
    private static final String AGENT_WORDS = "quuxly fraudwatch";

    /** Versions only grow, whatever order the tests run in: the sink ignores an older one. */
    private static final AtomicLong VERSIONS = new AtomicLong();

    private static Learned learned(Map<String, List<Learned.Phrasing>> byArticle) {
        return new Learned(VERSIONS.incrementAndGet(), byArticle);
    }

    @Test
    void aPublishedPhrasingFindsItsArticleAtOnceAndStopsWhenDropped() throws Exception {
        assertEquals(List.of(), server.searchIds(CUSTOMER_WORDS, null), "nothing has these words yet");

        server.app().learnedSink().publish(learned(Map.of("refunds",
                List.of(new Learned.Phrasing(CUSTOMER_WORDS, 0.8, true)))));
        assertEquals("refunds", server.searchIds(CUSTOMER_WORDS, null).get(0), "found by what customers asked");
        assertEquals("refunds", server.searchIds("zorblax", null).get(0), "and by one of its words");

        server.app().learnedSink().publish(learned(Map.of()));
        assertEquals(List.of(), server.searchIds(CUSTOMER_WORDS, null), "dropped, it finds nothing again");
    }

    @Test
    void theClickPriorAloneLiftsTheArticleCustomersChose() throws Exception {
        List<String> before = server.searchIds("refund", null);
        assertTrue(before.size() > 1, before.toString());
        String chosen = before.get(before.size() - 1);
        server.app().learnedSink().publish(learned(Map.of(chosen,
                List.of(new Learned.Phrasing("refund", 1.0, false)))));
        List<String> after = server.searchIds("refund", null);
        assertTrue(after.indexOf(chosen) < before.indexOf(chosen), "lifted from " + before + " to " + after);
        server.app().learnedSink().publish(learned(Map.of()));
        assertEquals(before, server.searchIds("refund", null));
    }

    @Test
    void anInternalArticlesPhrasingsReachOnlyAgentsAndNoPhrasingIsASuggestion() throws Exception {
        server.app().learnedSink().publish(learned(Map.of(
                "fraud-review-en", List.of(new Learned.Phrasing(AGENT_WORDS, 1.0, true)),
                "refunds", List.of(new Learned.Phrasing(CUSTOMER_WORDS, 1.0, true)))));
        try {
            assertEquals(List.of(), server.searchIds(AGENT_WORDS, null), "an anonymous caller finds nothing");
            assertEquals("fraud-review-en", server.searchIds(AGENT_WORDS, KotaeServer.AGENT_TOKEN).get(0));
            for (String typed : List.of("zorbl", "quuxl", "moneyb")) {
                for (String token : new String[] {null, KotaeServer.AGENT_TOKEN}) {
                    JsonNode suggestions = server.query("/api/v1/suggest", token, Map.of("q", typed)).json()
                            .get("suggestions");
                    suggestions.forEach(s -> assertFalse(s.toString().contains(typed), typed + ": " + suggestions));
                }
            }
        } finally {
            server.app().learnedSink().publish(learned(Map.of()));
        }
    }
}
