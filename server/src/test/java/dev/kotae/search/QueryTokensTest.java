package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kotae.index.Analysis;
import dev.kotae.index.IndexFields;
import dev.kotae.index.LanguageFamily;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kept query tokens are the analyzer's own, per analyzer and field, and a repeated text is not analysed again. */
class QueryTokensTest {

    private static Analysis analysis;

    @BeforeAll
    static void open() {
        analysis = new Analysis();
    }

    @AfterAll
    static void close() {
        analysis.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"返金の時期を教えてください", "へんきん", "ﾍﾝｷﾝ 返金", "How do I get a refund for my order?", ""})
    void keptTokensAreTheAnalyzersOwnAndKept(String text) {
        QueryTokens tokens = new QueryTokens();
        for (LanguageFamily family : LanguageFamily.values()) {
            String field = IndexFields.body(family);
            List<QueryTokens.Token> kept = tokens.of(analysis.text(family), field, text);

            assertEquals(QueryTokens.analyse(analysis.text(family), field, text), kept);
            assertSame(kept, tokens.of(analysis.text(family), field, text), "asked again, the kept list is served");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"返金の時期", "へんきんしたい"})
    void eachAnalyzerKeepsItsOwnTokens(String text) {
        QueryTokens tokens = new QueryTokens();
        List<QueryTokens.Token> words = tokens.of(analysis.text(LanguageFamily.JA), IndexFields.body(LanguageFamily.JA), text);
        List<QueryTokens.Token> grams = tokens.of(analysis.grams(), IndexFields.GRAMS_TITLE, text);

        assertNotEquals(words, grams);
        assertEquals(QueryTokens.analyse(analysis.grams(), IndexFields.GRAMS_TITLE, text), grams);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reset password"})
    void positionIncrementsAreKept(String text) {
        List<QueryTokens.Token> kept = new QueryTokens().of(analysis.text(LanguageFamily.EN),
                IndexFields.body(LanguageFamily.EN), text);

        assertEquals(List.of("reset", "password"), kept.stream().map(QueryTokens.Token::text).toList());
        assertEquals(List.of(1, 1), kept.stream().map(QueryTokens.Token::increment).toList());
        assertEquals(List.of(0, 6), kept.stream().map(QueryTokens.Token::start).toList());
    }
}
