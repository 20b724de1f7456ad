package dev.kotae.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Scores a few candidates with the ranking query of {@link TextQueries#build} (per word, the best field
 * plus a share of the others; summed over words), as Lucene's {@code QueryRescorer} would, but term by
 * term: each term's postings are walked once over the sorted candidates, and each field's norm is read
 * once per candidate. Lucene advances the whole query to each candidate through two levels of
 * disjunction heaps, and every term reads the norm again; that was about a third of a search. Each
 * term's score is Lucene's own ({@link Similarity.SimScorer} with the same statistics and boost), and
 * words combine as {@code DisjunctionMaxQuery} and {@code BooleanQuery} combine them.
 */
final class RankingRescorer {

    private RankingRescorer() {}

    /** One field term of a word, with the boost its path through the query gives it. */
    private record FieldTerm(TermQuery query, float boost) {}

    /** A query word: its best field's score plus {@code tieBreaker} times the others'. */
    private record Word(float tieBreaker, List<FieldTerm> fields) {}

    /**
     * {@code candidates} with the ranking query's scores (0 for one it does not match), best first, ties by
     * document.
     *
     * @throws IllegalArgumentException if {@code ranking} is not of the shape {@link TextQueries#build} makes
     */
    static ScoreDoc[] rescore(IndexSearcher searcher, ScoreDoc[] candidates, Query ranking) throws IOException {
        if (candidates.length == 0) {
            return candidates; // e.g. a query with no searchable words: nothing matched, whatever its shape
        }
        List<Word> words = words(ranking);
        if (words == null) {
            throw new IllegalArgumentException("not a ranking query of TextQueries.build: " + ranking);
        }
        ScoreDoc[] byDoc = candidates.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(hit -> hit.doc));
        int[] docs = Arrays.stream(byDoc).mapToInt(hit -> hit.doc).toArray();
        // Per word and candidate: the best field's score, and the sum of the others, as DisjunctionMaxScorer keeps them.
        float[][] best = new float[words.size()][docs.length];
        double[][] others = new double[words.size()][docs.length];
        boolean[][] matched = new boolean[words.size()][docs.length];
        Map<String, long[]> norms = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int w = 0; w < words.size(); w++) {
            for (FieldTerm field : words.get(w).fields()) {
                float[] scores = termScores(searcher, leaves, field, docs, norms);
                if (scores == null) {
                    continue;
                }
                for (int i = 0; i < docs.length; i++) {
                    if (Float.isNaN(scores[i])) {
                        continue;
                    }
                    if (scores[i] >= best[w][i]) {
                        others[w][i] += best[w][i];
                        best[w][i] = scores[i];
                    } else {
                        others[w][i] += scores[i];
                    }
                    matched[w][i] = true;
                }
            }
        }
        ScoreDoc[] rescored = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
            double sum = 0;
            for (int w = 0; w < words.size(); w++) {
                if (matched[w][i]) {
                    sum += (float) (best[w][i] + others[w][i] * words.get(w).tieBreaker());
                }
            }
            rescored[i] = new ScoreDoc(docs[i], (float) sum);
        }
        Arrays.sort(rescored, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return rescored;
    }

    /**
     * The term's score in each of {@code docs} (sorted), NaN where it does not occur; {@code null} if it
     * occurs nowhere in the index.
     */
    private static float[] termScores(IndexSearcher searcher, List<LeafReaderContext> leaves, FieldTerm field,
            int[] docs, Map<String, long[]> norms) throws IOException {
        Term term = field.query().getTerm();
        TermStates states = field.query().getTermStates();
        if (states == null || !states.wasBuiltFor(searcher.getTopReaderContext())) {
            states = TermStates.build(searcher, term, true);
        }
        if (states.docFreq() <= 0) {
            return null;
        }
        CollectionStatistics collection = searcher.collectionStatistics(term.field());
        Similarity.SimScorer scorer = searcher.getSimilarity().scorer(field.boost(), collection,
                searcher.termStatistics(term, states.docFreq(), states.totalTermFreq()));
        long[] fieldNorms = norms.get(term.field());
        if (fieldNorms == null) {
            fieldNorms = norms(leaves, term.field(), docs);
            norms.put(term.field(), fieldNorms);
        }
        float[] scores = new float[docs.length];
        Arrays.fill(scores, Float.NaN);
        int i = 0;
        while (i < docs.length) {
            int leafIndex = ReaderUtil.subIndex(docs[i], leaves);
            LeafReaderContext leaf = leaves.get(leafIndex);
            int leafEnd = leaf.docBase + leaf.reader().maxDoc();
            PostingsEnum postings = postings(leaf, term, states);
            for (; i < docs.length && docs[i] < leafEnd; i++) {
                if (postings == null) {
                    continue;
                }
                int target = docs[i] - leaf.docBase;
                int at = postings.docID() < target ? postings.advance(target) : postings.docID();
                if (at == target) {
                    scores[i] = scorer.score(postings.freq(), fieldNorms[i]);
                } else if (at == DocIdSetIterator.NO_MORE_DOCS) {
                    postings = null;
                }
            }
        }
        return scores;
    }

    private static PostingsEnum postings(LeafReaderContext leaf, Term term, TermStates states) throws IOException {
        TermState state = states.get(leaf);
        Terms terms = state == null ? null : leaf.reader().terms(term.field());
        if (terms == null) {
            return null;
        }
        TermsEnum iterator = terms.iterator();
        iterator.seekExact(term.bytes(), state);
        return iterator.postings(null, PostingsEnum.FREQS);
    }

    /** The field's norm in each of {@code docs} (sorted), as Lucene's scorers read it: 1 when the field has none. */
    private static long[] norms(List<LeafReaderContext> leaves, String field, int[] docs) throws IOException {
        long[] values = new long[docs.length];
        int i = 0;
        while (i < docs.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            int leafEnd = leaf.docBase + leaf.reader().maxDoc();
            LeafReader reader = leaf.reader();
            NumericDocValues norms = reader.getNormValues(field);
            for (; i < docs.length && docs[i] < leafEnd; i++) {
                values[i] = norms == null ? 1L : norms.advanceExact(docs[i] - leaf.docBase) ? norms.longValue() : 0L;
            }
        }
        return values;
    }

    /** The words of a ranking query, or {@code null} if it has another shape. */
    private static List<Word> words(Query ranking) {
        if (!(ranking instanceof BooleanQuery query) || query.getMinimumNumberShouldMatch() != 0) {
            return null;
        }
        List<Word> words = new ArrayList<>();
        for (BooleanClause clause : query.clauses()) {
            if (clause.getOccur() != BooleanClause.Occur.SHOULD) {
                return null;
            }
            Word word = word(clause.getQuery(), 1f);
            if (word == null) {
                return null;
            }
            words.add(word);
        }
        return words;
    }

    private static Word word(Query query, float boost) {
        if (query instanceof BoostQuery boosted) {
            return word(boosted.getQuery(), boosted.getBoost() * boost);
        }
        if (query instanceof TermQuery term) {
            return new Word(0f, List.of(new FieldTerm(term, boost)));
        }
        if (!(query instanceof DisjunctionMaxQuery fields)) {
            return null;
        }
        List<FieldTerm> terms = new ArrayList<>();
        for (Query field : fields.getDisjuncts()) {
            FieldTerm term = fieldTerm(field, boost);
            if (term == null) {
                return null;
            }
            terms.add(term);
        }
        return new Word(fields.getTieBreakerMultiplier(), terms);
    }

    private static FieldTerm fieldTerm(Query query, float boost) {
        if (query instanceof BoostQuery boosted) {
            return fieldTerm(boosted.getQuery(), boosted.getBoost() * boost);
        }
        return query instanceof TermQuery term ? new FieldTerm(term, boost) : null;
    }
}
