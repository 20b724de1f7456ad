package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuerySpellingTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"へんきん", "ヘンキン", "ﾍﾝｷﾝ", " へんきん "})
    void kanaSpellingsOfAWordAreOneGroupReadAsThemselves(String query) {
        QuerySpelling.Spelling spelling = QuerySpelling.of(QueryText.masked(query));
        assertEquals("ヘンキン", spelling.group());
        assertEquals("ヘンキン", spelling.sound());
    }

    @ParameterizedTest(name = "{0} is read {2}")
    @CsvSource({
        "返金, 返金, ヘンキン",
        "領収書, 領収書, リョウシュウショ",
        "交換, 交換, コウカン",
        "好感, 好感, コウカン",
        "返金する, 返金スル, ヘンキンスル",
        "'返金  方法', 返金 方法, ヘンキン ホウホウ",
        "iPhone 設定, iphone 設定, iphone セッテイ",
        "配送は？, 配送ハ?, ハイソウハ?",
    })
    void aWrittenFormWithKanjiIsReadByItsWords(String query, String group, String sound) {
        QuerySpelling.Spelling spelling = QuerySpelling.of(QueryText.masked(query));
        assertEquals(group, spelling.group());
        assertEquals(sound, spelling.sound());
    }

    @Test
    void aGroupFitsItsColumnEvenWhenFoldingLengthensTheQuery() {
        // İ lower-cases to two characters: a query cut to its column would outgrow it once folded.
        QuerySpelling.Spelling spelling = QuerySpelling.of(QueryText.masked("İ".repeat(QueryText.MAX_LENGTH)));
        assertEquals(QueryText.MAX_LENGTH, spelling.group().length());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Refund", "ＲＥＦＵＮＤ", "refund"})
    void latinIsFoldedForWidthAndCaseAndHasNoReading(String query) {
        QuerySpelling.Spelling spelling = QuerySpelling.of(QueryText.masked(query));
        assertEquals("refund", spelling.group());
        assertNull(spelling.sound());
    }

    @Test
    void noQueryHasNoSpelling() {
        assertNull(QuerySpelling.of(null));
    }

    /** Every stored search asks for its spelling; a query asked again is not read again. */
    @Test
    void aQueryAskedAgainIsNotReadAgain() {
        QuerySpelling.Spelling first = QuerySpelling.of("返金の時期を教えて");

        assertSame(first, QuerySpelling.of("返金の時期を教えて"));
        assertEquals(new QuerySpelling.Spelling("返金ノ時期ヲ教エテ", "ヘンキンノジキヲオシエテ"), first);
    }
}
