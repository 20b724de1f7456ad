package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {

    private static List<Integer> forward(String text) {
        BreakIterator breaks = new SentenceBreaks();
        breaks.setText(text);
        List<Integer> found = new ArrayList<>();
        found.add(breaks.first());
        for (int b = breaks.next(); b != BreakIterator.DONE; b = breaks.next()) {
            found.add(b);
        }
        return found;
    }

    @Test
    void breaksAfterJapaneseSentenceEndsAndLineBreaks() {
        String text = "返金は3日後です。ご確認ください！\n次へ";
        assertEquals(List.of(0, 9, 17, 18, 20), forward(text));
    }

    @Test
    void aFullStopEndsASentenceOnlyBeforeSpaceOrTheEnd() {
        String text = "Version 2.5 is out. Update now.";
        assertEquals(List.of(0, 19, 31), forward(text));
    }

    @Test
    void followingAndPrecedingMoveStrictlyPastTheOffset() {
        String text = "一文目。二文目。三文目。";
        BreakIterator breaks = new SentenceBreaks();
        breaks.setText(text);
        assertEquals(8, breaks.following(5));
        assertEquals(4, breaks.preceding(8));
        assertEquals(4, breaks.preceding(6));
        assertEquals(0, breaks.preceding(4));
        assertEquals(BreakIterator.DONE, breaks.preceding(0));
        assertEquals(BreakIterator.DONE, breaks.following(text.length()));
        assertEquals(text.length(), breaks.following(9));
    }
}
