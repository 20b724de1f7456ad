package dev.kotae.source.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderMappingTest {

    private final List<String> warnings = new ArrayList<>();

    private HeaderMapping map(List<String> headers) {
        return HeaderMapping.resolve(headers, Map.of(), warnings);
    }

    @Test
    void recognisesHeadersAfterFoldingWidthCaseAndSpaces() {
        List<String> headers = List.of("Ｑ", " ANSWER ", "ｶﾃｺﾞﾘ", "タグ", "公開　範囲", "No.", "Updated_At");
        List<String> row = List.of("q", "a", "c", "t", "v", "7", "2026-01-01");

        HeaderMapping mapping = map(headers);

        assertEquals("q", mapping.cell(row, Column.QUESTION));
        assertEquals("a", mapping.cell(row, Column.ANSWER));
        assertEquals("c", mapping.cell(row, Column.CATEGORY));
        assertEquals("t", mapping.cell(row, Column.TAGS));
        assertEquals("v", mapping.cell(row, Column.VISIBILITY));
        assertEquals("7", mapping.cell(row, Column.ID));
        assertEquals("2026-01-01", mapping.cell(row, Column.UPDATED));
        assertFalse(mapping.has(Column.LOCALE));
        assertNull(mapping.cell(row, Column.LOCALE));
    }

    @Test
    void matchesWholeNamesNotParts() {
        HeaderMapping mapping = map(List.of("類似質問", "質問", "回答"));
        List<String> row = List.of("alt", "main", "answer");

        assertEquals("main", mapping.cell(row, Column.QUESTION));
        assertEquals("alt", mapping.cell(row, Column.QUESTIONS));
    }

    @Test
    void aSecondCandidateIsIgnoredWithAWarning() {
        HeaderMapping mapping = map(List.of("タイトル", "質問", "回答"));

        assertEquals("first", mapping.cell(List.of("first", "second", "a"), Column.QUESTION));
        assertEquals(List.of("header '質問' also looks like the question column and is ignored; "
                + "set columns.question to choose"), warnings);
    }

    @Test
    void explicitNamesWinAndEmptyNamesIgnoreAColumn() {
        Map<Column, String> explicit = new EnumMap<>(Column.class);
        explicit.put(Column.QUESTION, "質問");
        explicit.put(Column.TAGS, "");
        HeaderMapping mapping = HeaderMapping.resolve(List.of("タイトル", "質問", "回答", "タグ"), explicit, warnings);
        List<String> row = List.of("title", "question", "answer", "tag");

        assertEquals("question", mapping.cell(row, Column.QUESTION));
        assertFalse(mapping.has(Column.TAGS));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void anExplicitHeaderTheFileLacksIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeaderMapping.resolve(
                List.of("質問", "回答"), Map.of(Column.CATEGORY, "部署"), warnings));

        assertEquals("columns.category names header '部署', which the file does not have; headers found: '質問', '回答'",
                e.getMessage());
    }

    @Test
    void missingQuestionAndAnswerAreNamedWithTheHeadersFound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> map(List.of("問い合わせ", "対応")));

        assertTrue(e.getMessage().startsWith("no question or answer column; headers found: '問い合わせ', '対応'"),
                e.getMessage());
    }

    @Test
    void shortRowsReadAsEmptyTrailingCells() {
        HeaderMapping mapping = map(List.of("質問", "回答", "カテゴリ"));

        assertEquals("", mapping.cell(List.of("q", "a"), Column.CATEGORY));
    }
}
