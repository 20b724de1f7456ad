package dev.kotae.search;

import dev.kotae.index.IndexView;
import dev.kotae.kept.WordScores;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Ranks every match of a text search by its {@link TextQuery} (per clause, the best field plus a share of
 * the others; summed over clauses), from the word scores the scope keeps ({@link WordScores}): each
 * word's kept scores are added up over the matches, in the query's clause order, as Lucene's
 * {@code BooleanQuery} sums its clauses, and the best are taken as Lucene's top-score collector takes
 * them (ties by document). So every page is exactly what Lucene gives when it scores every match with
 * {@link TextQuery#ranking}.
 */
final class ExactRanking {

    /**
     * Zeroed sum arrays to reuse, as many as searches run at once on a small machine: a new one per search
     * (8 bytes per document) was the largest single share of what a search allocated, and young
     * collections pause the searches in flight (docs/benchmarks.md, log 2026-12-06). Bounded, so at most
     * this many arrays outlive their search.
     */
    private static final ArrayBlockingQueue<double[]> SPARE_SUMS = new ArrayBlockingQueue<>(8);

    private ExactRanking() {}

    /** The best {@code window} of {@code matches} (view document numbers in {@code scope}) by {@code query}'s score, best first. */
    static TopDocs top(IndexView.Scope scope, FixedBitSet matches, TextQuery query, int window) throws IOException {
        double[] sums = zeroedSums(matches.length());
        WordScores.Scores[] added = new WordScores.Scores[query.clauses().size()];
        int clause = 0;
        for (TextQuery.Clause each : query.clauses()) {
            WordScores.Scores scores = scope.scores(each.word());
            added[clause++] = scores;
            int[] docs = scores.docs();
            float[] values = scores.scores();
            // Summed in every article that has the word, matched or not (a common bigram only adds to the
            // score): only the matches' sums are read.
            for (int i = 0; i < docs.length; i++) {
                sums[docs[i]] += values[i];
            }
        }
        TopDocs top = best(sums, matches, window);
        for (WordScores.Scores scores : added) { // zeroed where written, so the array can serve another search
            for (int doc : scores.docs()) {
                sums[doc] = 0;
            }
        }
        SPARE_SUMS.offer(sums);
        return top;
    }

    /** An array of at least {@code length} zeros: a spare one if there is one long enough. */
    private static double[] zeroedSums(int length) {
        double[] spare = SPARE_SUMS.poll();
        return spare != null && spare.length >= length ? spare : new double[length];
    }

    /** The best {@code window} of {@code matches} by their {@code sums}, as Lucene's top-score collector takes them. */
    private static TopDocs best(double[] sums, FixedBitSet matches, int window) {
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
}
