package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.IndexView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The reference a search's page is checked against: the ranking query with plain term queries over
 * the articles the matching query finds, the visibility and locale as filter clauses over the whole
 * index, and every match scored.
 */
final class EveryMatchScored {

    private EveryMatchScored() {}

    /**
     * Asserts that {@code result} (page {@code page} of {@code size}) has the reference's total and, in
     * order, its articles and scores; returns the reference's total.
     */
    static long assertSamePage(ArticleIndex index, TextQueries textQueries, SearchResult result, String text,
            String locale, Audience audience, int page, int size) throws IOException {
        IndexView view = index.acquire();
        try {
            TextQueries.TermQueries plain = plainTermQueries(view);
            TextQuery query = textQueries.build(text, Locales.families(locale), plain);
            Query scoredWhereMatched = new BooleanQuery.Builder()
                    .add(query.ranking(plain), BooleanClause.Occur.MUST)
                    .add(TextQuery.matchingQuery(query.matchingTerms(false)), BooleanClause.Occur.FILTER)
                    .build();
            Query everyMatch = SearchService.filtered(scoredWhereMatched, audience, locale, null, null, null);
            TopDocs expected = view.search(everyMatch, page * size);
            assertEquals(expected.totalHits.value, result.total(), "total");
            List<String> ids = new ArrayList<>();
            for (int i = (page - 1) * size; i < expected.scoreDocs.length; i++) {
                ids.add(ArticleDocuments.summary(view.getIndexReader(), expected.scoreDocs[i].doc).id());
            }
            assertEquals(ids, result.hits().stream().map(SearchResult.Hit::id).toList());
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(expected.scoreDocs[(page - 1) * size + i].score, result.hits().get(i).score(), 1e-4f,
                        "score of hit " + i);
            }
            return expected.totalHits.value;
        } finally {
            index.release(view);
        }
    }

    /** Plain term queries, with shares looked up in {@code searcher}'s index: the reference's. */
    static TextQueries.TermQueries plainTermQueries(IndexSearcher searcher) {
        return new TextQueries.TermQueries() {
            @Override
            public Query of(Term term) {
                return new TermQuery(term);
            }

            @Override
            public TextQueries.Frequency frequency(Term term) throws IOException {
                return TextQueries.Frequency.of(searcher.collectionStatistics(term.field()),
                        TermStates.build(searcher, term, true));
            }

            @Override
            public boolean hasTerms(String field) throws IOException {
                return searcher.collectionStatistics(field) != null;
            }
        };
    }
}
