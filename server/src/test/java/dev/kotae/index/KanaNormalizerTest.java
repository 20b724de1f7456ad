package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class KanaNormalizerTest {

    @Test
    void halfWidthHiraganaAndKatakanaSpellingsFoldTogether() {
        String halfWidth = KanaNormalizer.normalize("ﾊﾟｽﾜｰﾄﾞ");
        String hiragana = KanaNormalizer.normalize("ぱすわーど");
        String katakana = KanaNormalizer.normalize("パスワード");

        assertEquals(katakana, halfWidth);
        assertEquals(katakana, hiragana);
        assertEquals("パスワード", katakana);
    }

    @Test
    void fullWidthLatinBecomesLowerCaseAscii() {
        assertEquals("pw", KanaNormalizer.normalize("ＰＷ"));
        assertEquals("abc123", KanaNormalizer.normalize("ＡＢＣ１２３"));
    }

    @Test
    void whitespaceRunsBecomeOneSpace() {
        assertEquals("パス ワード", KanaNormalizer.normalize("ぱす\u3000 \tわーど"));
    }

    @Test
    void kanjiAreKeptAndDifferentWordsStayDifferent() {
        assertEquals("返金", KanaNormalizer.normalize("返金"));
        assertNotEquals(KanaNormalizer.normalize("へんきん"), KanaNormalizer.normalize("へんこう"));
    }
}
