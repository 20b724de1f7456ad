package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.kept.WordScores;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;

/**
 * A text's clauses never pass Lucene's limit on a query's clauses, which the {@code lucene} ranking path
 * would refuse: what the text adds beyond its typed words goes first, least needed first.
 */
class ClauseLimitTest {

    @Test
    void theLeastNeededClausesGoFirstAndTheTypedWordsStay() {
        List<TextQuery.Clause> clauses = new ArrayList<>();
        add(clauses, TextQuery.Kind.WORD, 96);
        add(clauses, TextQuery.Kind.JOINED_PAIR, 40);
        add(clauses, TextQuery.Kind.READING, 32);
        add(clauses, TextQuery.Kind.SYNONYM, 96);
        add(clauses, TextQuery.Kind.KANA_GRAM, 64);
        int limit = IndexSearcher.getMaxClauseCount();
        assertTrue(terms(clauses) > limit, "the example passes the limit");

        List<TextQuery.Clause> kept = TextQueries.withinClauseLimit(clauses);

        assertTrue(terms(kept) <= limit, terms(kept) + " field terms");
        assertEquals(96, count(kept, TextQuery.Kind.WORD));
        assertEquals(40, count(kept, TextQuery.Kind.JOINED_PAIR));
        assertEquals(32, count(kept, TextQuery.Kind.READING));
        assertEquals(0, count(kept, TextQuery.Kind.KANA_GRAM), "bigrams go before synonyms");
        assertTrue(count(kept, TextQuery.Kind.SYNONYM) < 96, "then the last synonyms");
        assertEquals(clauses.subList(0, kept.size()), kept, "the clauses kept stay in their order");
    }

    @Test
    void aQueryWithinTheLimitIsUnchanged() {
        List<TextQuery.Clause> clauses = new ArrayList<>();
        add(clauses, TextQuery.Kind.WORD, 32);
        add(clauses, TextQuery.Kind.KANA_GRAM, 64);
        assertSame(clauses, TextQueries.withinClauseLimit(clauses));
    }

    private static void add(List<TextQuery.Clause> clauses, TextQuery.Kind kind, int count) {
        for (int i = 0; i < count; i++) {
            String text = kind.name().toLowerCase() + i;
            List<WordScores.FieldTerm> fields = IntStream.range(0, 4)
                    .mapToObj(f -> new WordScores.FieldTerm(new Term("field" + f, text), 1f)).toList();
            clauses.add(new TextQuery.Clause(kind, text, 1f, new WordScores.Word(0.5f, fields), false));
        }
    }

    private static int terms(List<TextQuery.Clause> clauses) {
        return clauses.stream().mapToInt(clause -> clause.word().fields().size()).sum();
    }

    private static long count(List<TextQuery.Clause> clauses, TextQuery.Kind kind) {
        return clauses.stream().filter(clause -> clause.kind() == kind).count();
    }
}
