package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The compounds and readings {@link ReadingVocabulary} indexes for a text. */
class ReadingVocabularyTest {

    private static void assertContains(String text, String... terms) {
        Set<String> indexed = ReadingVocabulary.termsOf(text);
        assertTrue(indexed.containsAll(List.of(terms)), () -> text + " indexes " + indexed);
    }

    private static void assertNoneStartsWith(String text, String prefix) {
        Set<String> indexed = ReadingVocabulary.termsOf(text);
        assertTrue(indexed.stream().noneMatch(t -> t.startsWith(prefix)), () -> text + " indexes " + indexed);
    }

    private static String term(String reading, String written) {
        return reading + ReadingVocabulary.SEPARATOR + written;
    }

    @Test
    void aNounAfterAPrefixIsACompound() {
        assertContains("再配達のお申し込み", term("サイハイタツ", "再配達"), term("ハイタツ", "配達"));
        assertContains("請求書を再発行します", term("サイハッコウ", "再発行"));
    }

    @Test
    void aPrefixAloneIsNoWord() {
        assertNoneStartsWith("再配達", "サイ" + ReadingVocabulary.SEPARATOR);
    }

    @Test
    void aCompoundIsAlsoReadWithALaterPartVoiced() {
        assertContains("代引きの手数料", term("ダイヒキ", "代引き"), term("ダイビキ", "代引き"));
    }

    @Test
    void theStemOfAKanjiVerbEndsACompound() {
        assertContains("請求書払いをご利用の方", term("セイキュウショバライ", "請求書払い"));
    }

    @Test
    void theStemOfSuruIsNoPartOfACompound() {
        assertNoneStartsWith("返金します", "ヘンキンシ");
    }

    @Test
    void voicingCoversTheVoiceableRowsOnly() {
        assertEquals('ビ', ReadingVocabulary.voiced('ヒ'));
        assertEquals('ガ', ReadingVocabulary.voiced('カ'));
        assertEquals('ヂ', ReadingVocabulary.voiced('チ'));
        assertEquals('ボ', ReadingVocabulary.voiced('ホ'));
        assertEquals('ナ', ReadingVocabulary.voiced('ナ'));
        assertEquals('ガ', ReadingVocabulary.voiced('ガ'));
    }
}
