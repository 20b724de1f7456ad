package dev.kotae.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void textIsCutToItsLimitWithAnEllipsisNeverInsideASurrogatePair() {
        assertEquals("返金の時期", Texts.shortened("返金の時期", 5), "as long as the limit: kept");
        assertEquals("返金の…", Texts.shortened("返金の時期", 4));
        // 𠮷 is two UTF-16 units: counted as one character, never split.
        assertEquals("𠮷𠮷…", Texts.shortened("𠮷𠮷𠮷𠮷", 3));
        assertNull(Texts.shortened(null, 3));
    }

    @Test
    void theFirstCodePointsNeverEndInHalfASurrogatePair() {
        assertEquals("aa😀", Texts.firstCodePoints("aa😀😀", 3));
        assertEquals("aa😀😀", Texts.firstCodePoints("aa😀😀", 4), "as long as the limit: kept");
        assertEquals("返金", Texts.firstCodePoints("返金の時期", 2));
        assertNull(Texts.firstCodePoints(null, 3));
    }

    @Test
    void controlCharactersBecomeSpacesAndNothingElseChanges() {
        assertEquals("a b", Texts.controlsAsSpaces("a\u0000b"));
        assertEquals(" [31m 返金  ", Texts.controlsAsSpaces("\u001b[31m\t返金\u007f\u0085"));
        assertEquals(" ", Texts.controlsAsSpaces("\n"));
        String plain = "返金 refund 𠮷\u200b\u00a0";
        assertEquals(plain, Texts.controlsAsSpaces(plain), "no control character: the same text");
        assertNull(Texts.controlsAsSpaces(null));
    }
}
