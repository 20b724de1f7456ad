package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.IndexFields;
import dev.kotae.index.IndexView;
import dev.kotae.index.LanguageFamily;
import dev.kotae.index.LearnedIndexing;
import dev.kotae.index.LearnedPhrasings;
import dev.kotae.index.SuggestKeys;
import dev.kotae.kept.WordScores;
import dev.kotae.learning.Learned;
import dev.kotae.synonyms.Synonyms;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A help center that learned nothing searches as without learning, with no term lookups for it: the learned
 * questions' field and the click prior's clauses are only in a query once some article learned something.
 */
class LearnedClausesTest {

    @TempDir
    Path folder;

    @Test
    void learnedFieldsAreSearchedOnlyOnceSomethingWasLearned() throws IOException {
        try (Analysis analysis = new Analysis()) {
            LearnedPhrasings learned = new LearnedPhrasings(analysis);
            ArticleIndex index = ArticleIndex.open(folder.resolve("index"), analysis,
                    new ArticleDocuments(new SuggestKeys(), learned), "test");
            try {
                index.change(changes -> {
                    changes.upsert(new Article("refunds", "Refunds", ArticleType.FAQ, Visibility.PUBLIC, "en", "help",
                            List.of(), List.of(), LocalDate.of(2026, 11, 1), "test:refunds", "<p>Money back.</p>",
                            "Money back."), "stamp");
                    return null;
                });
                TextQueries queries = new TextQueries(analysis);

                List<TextQuery.Clause> before = clauses(index, queries);
                assertFalse(searches(before, IndexFields.learned(LanguageFamily.EN)), "no learned questions yet");
                assertFalse(before.stream().anyMatch(c -> c.kind() == TextQuery.Kind.PRIOR), "no prior yet");

                new LearnedIndexing(index, learned).publish(new Learned(1,
                        Map.of("refunds", List.of(new Learned.Phrasing("money back refund", 1.0, true)))));
                List<TextQuery.Clause> after = clauses(index, queries);
                assertTrue(searches(after, IndexFields.learned(LanguageFamily.EN)), "learned questions searched");
                assertTrue(after.stream().anyMatch(c -> c.kind() == TextQuery.Kind.PRIOR), "the prior searched");
            } finally {
                index.close();
            }
        }
    }

    private static List<TextQuery.Clause> clauses(ArticleIndex index, TextQueries queries) throws IOException {
        IndexView view = index.acquire();
        try {
            IndexView.Scope scope = SearchService.scope(view, Audience.PUBLIC, null);
            return queries.build("refund", KanaConversion.Conversion.NONE, Set.of(LanguageFamily.EN),
                    TextQueries.TermQueries.of(scope), Synonyms.NONE).clauses();
        } finally {
            index.release(view);
        }
    }

    private static boolean searches(List<TextQuery.Clause> clauses, String field) {
        return clauses.stream().flatMap(c -> c.word().fields().stream()).map(WordScores.FieldTerm::term)
                .anyMatch(term -> term.field().equals(field));
    }
}
