package dev.kotae.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AsciiNumbersTest {

    @Test
    void readsAsciiWholeNumbersWithinAnInt() {
        assertEquals(OptionalInt.of(25), AsciiNumbers.wholeNumber("25"));
        assertEquals(OptionalInt.of(-3), AsciiNumbers.wholeNumber("-3"));
        assertEquals(OptionalInt.of(Integer.MAX_VALUE), AsciiNumbers.wholeNumber("2147483647"));
    }

    @Test
    void refusesOtherDigitsSignsAndNumbersBeyondAnInt() {
        for (String text : new String[] {"５", "٥", "1.5", "+1", " 1", "", "2147483648", "99999999999", "1e3"}) {
            assertEquals(OptionalInt.empty(), AsciiNumbers.wholeNumber(text), text);
        }
        assertEquals(OptionalInt.empty(), AsciiNumbers.wholeNumber(null));
    }
}
