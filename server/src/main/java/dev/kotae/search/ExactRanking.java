package dev.kotae.search;

import dev.kotae.index.IndexView;
import dev.kotae.kept.WordScores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Ranks every match of a text search by the ranking query of {@link TextQueries#build} (per word, the
 * best field plus a share of the others; summed over words), from the word scores the scope keeps
 * ({@link WordScores}): each word's kept scores are added up over the matches, in the query's word
 * order, as Lucene's {@code BooleanQuery} sums its clauses, and the best are taken as Lucene's
 * top-score collector takes them (ties by document). So every page is exactly what Lucene gives when
 * it scores every match with the ranking query. Before, a cheaper query picked 100 candidates for the
 * ranking query to order: exact only near the top, and reading each word's postings again for them
 * was half of a search.
 */
final class ExactRanking {

    private ExactRanking() {}

    /**
     * The best {@code window} of {@code matches} (view document numbers in {@code scope}) by the
     * {@code ranking} query's score, best first.
     *
     * @throws IllegalArgumentException if {@code ranking} is not of the shape {@link TextQueries#build} makes
     */
    static TopDocs top(IndexView.Scope scope, FixedBitSet matches, Query ranking, int window) throws IOException {
        List<WordScores.Word> words = words(ranking);
        if (words == null) {
            throw new IllegalArgumentException("not a ranking query of TextQueries.build: " + ranking);
        }
        double[] sums = new double[matches.length()];
        for (WordScores.Word word : words) {
            WordScores.Scores scores = scope.scores(word);
            int[] docs = scores.docs();
            float[] values = scores.scores();
            // Summed in every article that has the word, matched or not (a common bigram only adds to the
            // score): only the matches' sums are read.
            for (int i = 0; i < docs.length; i++) {
                sums[docs[i]] += values[i];
            }
        }
        HitQueue best = new HitQueue(window, false);
        long total = 0;
        ScoreDoc spare = null;
        // Once the queue is full, the worst score kept: matches come in document order, so one that only
        // ties it loses the tie and need not be offered.
        float floor = Float.NEGATIVE_INFINITY;
        for (int doc = nextMatch(matches, 0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = nextMatch(matches, doc + 1)) {
            total++;
            float score = (float) sums[doc];
            if (score <= floor) {
                continue;
            }
            if (spare == null) {
                spare = new ScoreDoc(doc, score);
            } else {
                spare.doc = doc;
                spare.score = score;
            }
            spare = best.insertWithOverflow(spare);
            if (best.size() == window) {
                floor = best.top().score;
            }
        }
        ScoreDoc[] hits = new ScoreDoc[best.size()];
        for (int i = hits.length - 1; i >= 0; i--) {
            hits[i] = best.pop();
        }
        return new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), hits);
    }

    private static int nextMatch(FixedBitSet matches, int from) {
        return from < matches.length() ? matches.nextSetBit(from) : DocIdSetIterator.NO_MORE_DOCS;
    }

    /** The words of a ranking query, or {@code null} if it has another shape. */
    static List<WordScores.Word> words(Query ranking) {
        if (!(ranking instanceof BooleanQuery query) || query.getMinimumNumberShouldMatch() != 0) {
            return null;
        }
        List<WordScores.Word> words = new ArrayList<>();
        for (BooleanClause clause : query.clauses()) {
            WordScores.Word word = clause.getOccur() == BooleanClause.Occur.SHOULD ? word(clause.getQuery(), 1f) : null;
            if (word == null) {
                return null;
            }
            words.add(word);
        }
        return words;
    }

    // Boosts multiply down the query's paths, as Lucene's weights pass them on to each term's scorer.
    private static WordScores.Word word(Query query, float boost) {
        if (query instanceof BoostQuery boosted) {
            return word(boosted.getQuery(), boosted.getBoost() * boost);
        }
        if (query instanceof TermQuery term) {
            return new WordScores.Word(0f, List.of(new WordScores.FieldTerm(term.getTerm(), boost)));
        }
        if (!(query instanceof DisjunctionMaxQuery fields)) {
            return null;
        }
        List<WordScores.FieldTerm> terms = new ArrayList<>();
        for (Query field : fields.getDisjuncts()) {
            WordScores.FieldTerm term = fieldTerm(field, boost);
            if (term == null) {
                return null;
            }
            terms.add(term);
        }
        return new WordScores.Word(fields.getTieBreakerMultiplier(), List.copyOf(terms));
    }

    private static WordScores.FieldTerm fieldTerm(Query query, float boost) {
        if (query instanceof BoostQuery boosted) {
            return fieldTerm(boosted.getQuery(), boosted.getBoost() * boost);
        }
        return query instanceof TermQuery term ? new WordScores.FieldTerm(term.getTerm(), boost) : null;
    }
}
