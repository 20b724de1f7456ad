package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Search and suggest over real HTTP on the bundled sample help center. */
class SearchApiIT extends SampleServerIT {

    @Test
    void japaneseSentenceFindsCancelAndRefundArticlesInTopThree() {
        List<String> top = server.searchIds("注文をキャンセルして返金してほしい", null).subList(0, 3);
        assertTrue(top.contains("cancel-order"), () -> "top 3: " + top);
        assertTrue(top.contains("refund-timing"), () -> "top 3: " + top);
    }

    @ParameterizedTest
    @ValueSource(strings = {"パスワード", "ＰＷ", "PW", "ﾊﾟｽﾜｰﾄﾞ", "ぱすわーど", "パスワードを忘れました"})
    void widthAndKanaVariantsReachThePasswordArticle(String query) {
        List<String> ids = server.searchIds(query, null);
        assertFalse(ids.isEmpty(), "no hits for " + query);
        assertEquals("password-reset", ids.get(0), () -> query + " ranked " + ids);
    }

    @Test
    void englishStemmingMatchesOtherWordForms() {
        assertEquals("refunds", server.searchIds("refunded", null).get(0));
        assertEquals("refunds", server.searchIds("refunding my order", null).get(0));
        assertTrue(server.searchIds("cancelled orders", null).subList(0, 3).contains("cancel-order-en"));
    }

    @Test
    void typoIsCorrectedWithDidYouMean() {
        JsonNode result = server.query("/api/v1/search", null, Map.of("q", "refnds")).json();
        assertEquals("refunds", result.get("didYouMean").asText());
        assertTrue(result.get("corrected").asBoolean());
        assertEquals("refunds", result.get("hits").get(0).get("id").asText());
    }

    @Test
    void searchResponseHasTheDocumentedShape() {
        JsonNode result = server.query("/api/v1/search", null, Map.of("q", "返金", "locale", "ja", "size", "3")).json();
        assertEquals("返金", result.get("query").asText());
        assertTrue(result.get("total").asInt() > 3);
        assertEquals(3, result.get("hits").size());
        assertEquals(1, result.get("page").asInt());
        assertTrue(result.get("tookMs").isNumber());
        JsonNode hit = result.get("hits").get(0);
        for (String field : List.of("id", "title", "type", "locale", "category", "tags", "url", "snippet", "score")) {
            assertTrue(hit.has(field), "hit lacks " + field);
        }
        assertEquals("/articles/" + hit.get("id").asText(), hit.get("url").asText());
        assertTrue(hit.get("snippet").asText().contains("<mark>返金</mark>"), hit.get("snippet").asText());
        for (String dim : List.of("category", "tags", "type", "locale")) {
            assertTrue(result.get("facets").has(dim), "facets lack " + dim);
        }
        assertTrue(result.get("didYouMean").isNull());
    }

    @Test
    void snippetsAreEscapedTextWithOnlyMarkTags() {
        JsonNode hits = server.query("/api/v1/search", null, Map.of("q", "送料", "size", "20")).json().get("hits");
        assertTrue(hits.size() > 0);
        for (JsonNode hit : hits) {
            String withoutMarks = hit.get("snippet").asText().replace("<mark>", "").replace("</mark>", "");
            assertFalse(withoutMarks.contains("<"), () -> "tag in snippet: " + hit.get("snippet").asText());
        }
    }

    @Test
    void filtersAndPagingNarrowResults() {
        JsonNode all = server.query("/api/v1/search", null, Map.of("q", "返金")).json();
        JsonNode category = server.query("/api/v1/search", null, Map.of("q", "返金", "category", "返品・返金")).json();
        assertTrue(category.get("total").asInt() < all.get("total").asInt());
        category.get("hits").forEach(h -> assertEquals("返品・返金", h.get("category").asText()));

        JsonNode english = server.query("/api/v1/search", null, Map.of("q", "refund", "locale", "en")).json();
        english.get("hits").forEach(h -> assertEquals("en", h.get("locale").asText()));
        JsonNode tagged = server.query("/api/v1/search", null, Map.of("q", "返金", "tag", "キャンセル")).json();
        assertTrue(tagged.get("total").asInt() > 0);
        tagged.get("hits").forEach(h -> assertTrue(h.get("tags").toString().contains("キャンセル")));

        List<String> page1 = KotaeServer.ids(server.query("/api/v1/search", null,
                Map.of("q", "返金", "size", "2", "page", "1")).json().get("hits"));
        List<String> page2 = KotaeServer.ids(server.query("/api/v1/search", null,
                Map.of("q", "返金", "size", "2", "page", "2")).json().get("hits"));
        assertEquals(2, page1.size());
        assertEquals(2, page2.size());
        assertTrue(page1.stream().noneMatch(page2::contains), page1 + " vs " + page2);
    }

    @Test
    void emptyQueryListsArticlesWithFacets() {
        JsonNode result = server.query("/api/v1/search", null, Map.of("q", "", "locale", "en")).json();
        assertTrue(result.get("total").asInt() >= 10);
        assertTrue(result.get("facets").get("category").size() > 3);
    }

    @Test
    void kanaInputSuggestsKanjiTitles() {
        assertEquals("refund-timing", server.suggestIds("へんき", null).get(0));
        assertEquals("password-reset", server.suggestIds("ぱすわ", null).get(0));
        assertTrue(server.suggestIds("返金のて", null).contains("refund-timing"));
        JsonNode first = server.query("/api/v1/suggest", null, Map.of("q", "へんき")).json().get("suggestions").get(0);
        assertTrue(first.get("text").asText().startsWith("返金"), first.toString());
        assertEquals("/articles/refund-timing", first.get("url").asText());
    }

    @Test
    void suggestMatchesWordsInsideTitlesAndQuestions() {
        assertTrue(server.suggestIds("キャンセル", null).contains("cancel-order"));
        assertEquals("reset-password-en", server.suggestIds("reset your pa", null).get(0));
        assertTrue(server.suggestIds("how refunds", null).contains("refunds"));
    }

    @Test
    void categoriesListVisibleCountsPerLocale() {
        JsonNode categories = server.query("/api/v1/categories", null, Map.of("locale", "ja")).json().get("categories");
        assertTrue(categories.size() >= 6);
        JsonNode search = server.query("/api/v1/search", null, Map.of("q", "", "locale", "ja", "category",
                categories.get(0).get("name").asText())).json();
        assertEquals(categories.get(0).get("count").asInt(), search.get("total").asInt());
    }

    @Test
    void opsEndpointsAnswer() {
        assertEquals(200, server.get("/healthz").status());
        assertEquals("ready", server.get("/readyz").json().get("status").asText());
        server.searchIds("返金", null);
        KotaeServer.Reply metrics = server.get("/metrics", KotaeServer.ADMIN_TOKEN);
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("kotae_searches_total"), metrics.body());
        assertTrue(metrics.body().contains("kotae_articles"), metrics.body());
        KotaeServer.Reply openapi = server.get("/api/openapi.yaml");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/search"));
    }

    @Test
    void aPageOfResultsIsSentWholeWithItsLength() {
        KotaeServer.Reply page = server.get("/api/v1/search?q=&locale=ja&size=50");
        int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > 16 * 1024, "a page larger than Jersey's default buffer of 8 KB: " + bytes);
        assertEquals(String.valueOf(bytes), page.header("Content-Length"), page.headers().toString());
        assertEquals("", page.header("Transfer-Encoding"), page.headers().toString());
    }

    @Test
    void answersForTokenHoldersAreNeverStoredByCaches() {
        KotaeServer.Reply agent = server.get("/api/v1/search?q=%E8%BF%94%E9%87%91", KotaeServer.AGENT_TOKEN);
        assertEquals("private, no-store", agent.header("Cache-Control"));
        KotaeServer.Reply anonymous = server.get("/api/v1/search?q=%E8%BF%94%E9%87%91");
        assertTrue(anonymous.header("Vary").contains("Authorization"), anonymous.headers().toString());
        assertEquals("nosniff", anonymous.header("X-Content-Type-Options"));
    }
}
