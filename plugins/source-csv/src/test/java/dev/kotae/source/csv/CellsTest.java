package dev.kotae.source.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void tagsSplitOnEveryUsualSeparator() {
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "後払い"),
                Cells.tags("a, b、c；d;e|f\ng\r\nh ,後払い"));
    }

    @Test
    void tagsDropBlanksAndRepeats() {
        assertEquals(List.of("送料", "配送"), Cells.tags("送料,, 配送 ,送料、"));
        assertNull(Cells.tags(" 、 , "));
        assertNull(Cells.tags(null));
    }

    @Test
    void questionsAreOnePerLine() {
        assertEquals(List.of("後払いできる？", "コンビニ払いは？"), Cells.questions("後払いできる？\r\n\r\n コンビニ払いは？ \n"));
        assertNull(Cells.questions(""));
    }

    @Test
    void visibilityWordsInBothLanguages() {
        assertEquals("public", Cells.visibility("Public"));
        assertEquals("public", Cells.visibility("公開"));
        assertEquals("public", Cells.visibility("ＰＵＢＬＩＣ"));
        assertEquals("internal", Cells.visibility("internal"));
        assertEquals("internal", Cells.visibility("社内"));
        assertEquals("internal", Cells.visibility("社内限定"));
        assertEquals("internal", Cells.visibility("非公開"));
        assertEquals("internal", Cells.visibility("Internal-Only"));
        assertEquals("internal", Cells.visibility("internal only"));
        assertNull(Cells.visibility("  "));
    }

    @Test
    void unknownVisibilityIsAnErrorNotPublic() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cells.visibility("一部公開"));

        assertTrue(e.getMessage().startsWith("unknown visibility '一部公開'"), e.getMessage());
    }

    @Test
    void datesInTheUsualForms() {
        LocalDate expected = LocalDate.of(2026, 2, 10);
        assertEquals(expected, Cells.date("2026-02-10"));
        assertEquals(expected, Cells.date("2026/02/10"));
        assertEquals(expected, Cells.date("2026/2/10"));
        assertEquals(expected, Cells.date("2026年2月10日"));
        assertEquals(expected, Cells.date("2026/2/10 0:00"), "Excel's date-time cells");
        assertEquals(expected, Cells.date("２０２６/２/１０"));
        assertNull(Cells.date(""));
    }

    @Test
    void impossibleOrUnreadableDatesAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> Cells.date("2026/2/30"));
        assertThrows(IllegalArgumentException.class, () -> Cells.date("来週"));
        assertThrows(IllegalArgumentException.class, () -> Cells.date("10/2/2026"));
    }

    @Test
    void localesAsTagsOrLanguageNames() {
        assertEquals("ja", Cells.locale("ja"));
        assertEquals("ja", Cells.locale("日本語"));
        assertEquals("en", Cells.locale("English"));
        assertEquals("ja-JP", Cells.locale("ja_JP"));
        assertEquals("en", Cells.locale("EN"));
        assertThrows(IllegalArgumentException.class, () -> Cells.locale("Klingon!"));
    }

    @Test
    void typesAreFaqOrPlaybook() {
        assertEquals("faq", Cells.type("FAQ"));
        assertEquals("playbook", Cells.type("Playbook"));
        assertThrows(IllegalArgumentException.class, () -> Cells.type("manual"));
    }

    @Test
    void titlesAreOneLineAndBodiesUseLf() {
        assertEquals("送料は いくら？", Cells.title(" 送料は\r\nいくら？ "));
        assertEquals("一行目\n\n三行目", Cells.body("一行目\r\n\r\n三行目\r\n"));
    }
}
