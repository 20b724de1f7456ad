package dev.kotae.widget.answerbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummariesTest {

    private static final String DEFERRED = "後払いは、商品がお手元に届いてから代金をお支払いいただく方法です。"
            + "商品を確認してからお支払いいただけるので、初めてのお客様にも安心してご利用いただけます。\n\n"
            + "お支払いの流れ\n\nご注文時にお支払い方法で「後払い」を選び、請求書の受け取り方法（郵送またはメール）を選択します。";

    @Test
    void shortTextIsKeptWithWhiteSpaceFolded() {
        assertEquals("Hello world.", Summaries.cut("  Hello \n\n world.  ", 160));
        assertEquals("", Summaries.cut(null, 160));
        assertEquals("12345", Summaries.cut("12345", 5));
    }

    @Test
    void cutsAfterTheLastJapaneseSentenceThatFits() {
        String summary = Summaries.cut(DEFERRED, 100);
        assertEquals("後払いは、商品がお手元に届いてから代金をお支払いいただく方法です。"
                + "商品を確認してからお支払いいただけるので、初めてのお客様にも安心してご利用いただけます。…", summary);
        assertTrue(length(summary) <= 100);
    }

    @Test
    void fallsBackToAJapaneseCommaWhenNoSentenceFits() {
        String summary = Summaries.cut(DEFERRED, 60);
        // The first sentence (34 characters) is more than half of 60, so it is kept whole.
        assertEquals("後払いは、商品がお手元に届いてから代金をお支払いいただく方法です。…", summary);
        String phrase = Summaries.cut("商品を確認してからお支払いいただけるので、初めてのお客様にも安心してご利用いただけます。", 30);
        assertEquals("商品を確認してからお支払いいただけるので…", phrase);
    }

    @Test
    void cutsEnglishAtSentencesThenWords() {
        String text = "Returns are free within 30 days. Pack the item in its original box and attach the label "
                + "we e-mail you. Refunds take 5-7 days.";
        assertEquals("Returns are free within 30 days. Pack the item in its original box and attach the label…",
                Summaries.cut(text, 90));
        assertEquals("Returns are free within 30 days. Pack the item in its original box and attach the label "
                + "we e-mail you.…", Summaries.cut(text, 110));
        assertEquals("Returns are free within 30…", Summaries.cut(text, 30));
    }

    @Test
    void doesNotTreatDecimalPointsAsSentenceEnds() {
        String text = "Version 1.5.2 of the app adds offline mode and dark theme support for everyone";
        String summary = Summaries.cut(text, 30);
        assertEquals("Version 1.5.2 of the app adds…", summary);
    }

    @Test
    void cutsHardWhenThereIsNoBoundaryAndNeverSplitsSurrogatePairs() {
        assertEquals("ああああ…", Summaries.cut("ああああああああああ", 5));
        String emoji = "😀".repeat(10);
        assertEquals("😀😀😀😀…", Summaries.cut(emoji, 5));
        assertThrows(IllegalArgumentException.class, () -> Summaries.cut("abc", 1));
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
