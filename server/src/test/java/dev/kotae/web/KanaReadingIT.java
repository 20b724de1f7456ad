package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Japanese typed in kana finds articles through the readings of their words, over real HTTP on the sample content. */
class KanaReadingIT extends SampleServerIT {

    @Test
    void hiraganaRefundFindsTheRefundArticleFirstWithAJapaneseDidYouMean() {
        JsonNode result = server.query("/api/v1/search", null, Map.of("q", "へんきん")).json();
        assertEquals("へんきん", result.get("query").asText());
        assertEquals("refund-timing", result.get("hits").get(0).get("id").asText(), result.toString());
        assertEquals("返金", result.get("didYouMean").asText());
        assertTrue(result.get("corrected").asBoolean());
        assertTrue(result.get("hits").get(0).get("snippet").asText().contains("<mark>返金</mark>"),
                "the snippet marks the written form: " + result.get("hits").get(0).get("snippet"));
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource({
        "へんきん, refund-timing, 返金",
        "ヘンキン, refund-timing, 返金",
        "ﾍﾝｷﾝ, refund-timing, 返金",
        "りょうしゅうしょ, receipt-invoice, 領収書",
        "はいそう, tracking, 配送",
        "りょうしゅうしょをはっこうしたい, receipt-invoice, 領収書を発行したい",
        "こうかん, wrong-item, 交換",
        "へんぴん, return-steps, 返品",
        "へんきんのほうほう, refund-timing, 返金の方法",
        "返金 じき, refund-timing, 返金 時期",
    })
    void kanaQueriesFindTheirArticles(String query, String expected, String didYouMean) {
        List<String> ids = readAs(query, expected, didYouMean);
        assertEquals(server.searchIds(didYouMean, null).get(0), ids.get(0),
                () -> query + " ranks first what " + didYouMean + " ranks first: " + ids);
    }

    @Test
    void kanaTheHelpCenterWritesItselfIsNotConverted() {
        JsonNode result = server.query("/api/v1/search", null, Map.of("q", "ぱすわーど")).json();
        assertEquals("password-reset", result.get("hits").get(0).get("id").asText());
        assertTrue(result.get("didYouMean").isNull(), result.toString());
        assertFalse(result.get("corrected").asBoolean());
    }

    @Test
    void aKanjiQueryIsNotCorrected() {
        JsonNode result = server.query("/api/v1/search", null, Map.of("q", "注文をキャンセルして返金してほしい")).json();
        assertTrue(result.get("didYouMean").isNull(), result.toString());
    }

    @Test
    void theSearchPageSaysInJapaneseWhatItSearchedFor() {
        String page = server.query("/search", null, Map.of("q", "へんきん", "lang", "ja")).body();
        assertTrue(page.contains("「返金」の検索結果を表示しています（入力: 「へんきん」）"), page);
    }

    @Test
    void whatTheLineEchoesIsEscaped() {
        String page = server.query("/search", null, Map.of("q", "へんきん<img src=x onerror=alert(1)>", "lang", "ja")).body();
        assertTrue(page.contains("「返金&lt;img"), "the read query is escaped: " + page);
        assertFalse(page.contains("<img src=x"), "nothing typed becomes markup");
    }

    @ParameterizedTest(name = "romaji {0} finds {1}")
    @CsvSource({
        "henkin, refund-timing, 返金",
        "ryoushuusho, receipt-invoice, 領収書",
        "ryousyuusyo, receipt-invoice, 領収書",
        "haisou, tracking, 配送",
        "henkin no jiki, refund-timing, 返金 の 時期",
    })
    void romajiThatFindsNothingAsTypedIsReadAsKana(String query, String expected, String didYouMean) {
        readAs(query, expected, didYouMean);
    }

    /**
     * Searches {@code query} as a visitor and checks it was read as {@code didYouMean} (the hits are for that
     * reading) with {@code expected} in the top 3; returns the hits' ids.
     */
    private static List<String> readAs(String query, String expected, String didYouMean) {
        JsonNode result = server.query("/api/v1/search", null, Map.of("q", query)).json();
        List<String> ids = KotaeServer.ids(result.get("hits"));
        assertFalse(ids.isEmpty(), "no hits for " + query);
        assertEquals(didYouMean, result.get("didYouMean").asText(), result.toString());
        assertTrue(result.get("corrected").asBoolean(), result.toString());
        assertTrue(ids.subList(0, Math.min(3, ids.size())).contains(expected), () -> query + " ranked " + ids);
        return ids;
    }

    @Test
    void englishThatFindsSomethingIsNotReadAsRomaji() {
        JsonNode result = server.query("/api/v1/search", null, Map.of("q", "refund")).json();
        assertTrue(result.get("didYouMean").isNull(), result.toString());
        assertEquals("en", result.get("hits").get(0).get("locale").asText());
    }
}
