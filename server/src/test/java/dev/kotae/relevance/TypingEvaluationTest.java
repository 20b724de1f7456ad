package dev.kotae.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.relevance.TypingSet.Kind;
import dev.kotae.relevance.TypingSet.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the typing set is scored: top 3 and first per kind, synonyms apart, suggestions while typing. */
class TypingEvaluationTest {

    private static final List<Query> SET = List.of(
            new Query("へんきん", Kind.HIRAGANA, "refund", "返金", ""),
            new Query("りょうしゅうしょ", Kind.HIRAGANA, "receipt", "領収書", ""),
            new Query("henkin", Kind.ROMAJI_HEPBURN, "refund", "返金", ""),
            new Query("ﾍﾝｷﾝ", Kind.HALFWIDTH, "refund", "返金", ""),
            new Query("かいやく", Kind.SYNONYM, "close", "解約", ""));

    /** What a search answers: written forms find their article; typed ones as listed. */
    private static final Map<String, List<String>> SEARCH = Map.of(
            "へんきん", List.of("refund", "receipt"),
            "りょうしゅうしょ", List.of("a", "b", "receipt"),
            "henkin", List.of(),
            "ﾍﾝｷﾝ", List.of("a", "b", "c", "refund"),
            "かいやく", List.of("close"),
            "返金", List.of("refund"),
            "領収書", List.of("receipt"),
            "解約", List.of("x"));

    @Test
    void sharesPerKindAndOverallLeaveSynonymsOut() throws Exception {
        List<String> typed = new ArrayList<>();
        TypingEvaluation.Result result = TypingEvaluation.run(SET, SEARCH::get, text -> {
            typed.add(text);
            return text.equals("へんき") ? List.of("x", "refund") : List.of();
        });
        assertEquals(new TypingEvaluation.Tally(2, 2, 1), result.typed().get(Kind.HIRAGANA));
        assertEquals(new TypingEvaluation.Tally(1, 0, 0), result.typed().get(Kind.HALFWIDTH), "4th is not top 3");
        assertEquals(new TypingEvaluation.Tally(1, 1, 1), result.typed().get(Kind.SYNONYM));
        assertEquals(new TypingEvaluation.Tally(4, 2, 1), result.typedOverall(), "the synonym is not counted");
        assertEquals(new TypingEvaluation.Tally(4, 4, 4), result.writtenOverall());
        assertEquals(List.of("りょうしゅうしょ", "henkin", "ﾍﾝｷﾝ"),
                result.misses().stream().map(m -> m.query().text()).toList());
        assertEquals(List.of("a", "b", "receipt"), result.misses().get(0).top3());
        assertEquals(List.of("解約"), result.writtenMisses().stream().map(m -> m.query().written()).toList());
        assertFalse(result.meetsTargets());

        assertEquals(List.of("へんき", "りょうしゅ", "henk"), typed, "only hiragana and romaji are typed into suggest");
        assertEquals(new TypingEvaluation.Offered(2, 1), result.suggested().get(Kind.HIRAGANA));
        assertEquals(new TypingEvaluation.Offered(3, 1), result.suggestedOverall());
        assertTrue(result.table().contains("| **all counted** | 4 | 0.500 | 0.250 | 1.000 | 1.000 | 0.333 (3) |"),
                result.table());
    }

    @Test
    void theTargetsAreMetOnlyWhenBothSharesReachThem() throws Exception {
        TypingEvaluation.Result allFirst = TypingEvaluation.run(SET, text -> List.of("refund", "receipt", "close"), null);
        assertEquals(new TypingEvaluation.Tally(4, 4, 3), allFirst.typedOverall());
        assertFalse(allFirst.meetsTargets(), "3 of 4 first is below 0.85");
        TypingEvaluation.Result fine = TypingEvaluation.run(SET.subList(0, 1), text -> List.of("refund"), null);
        assertTrue(fine.meetsTargets());
        assertTrue(fine.suggested().isEmpty());
    }

    @Test
    void theTypedPrefixIsThreeFifthsOfTheQueryAndAtLeastThreeCharacters() {
        assertEquals("へんき", TypingEvaluation.typedPrefix("へんきん"));
        assertEquals("りょうしゅ", TypingEvaluation.typedPrefix("りょうしゅうしょ"));
        assertEquals("ryoushu", TypingEvaluation.typedPrefix("ryoushuusho"));
        assertEquals("へんきん", TypingEvaluation.typedPrefix("へんきん いつ"), "no trailing space");
        assertEquals("のし", TypingEvaluation.typedPrefix("のし"));
    }
}
