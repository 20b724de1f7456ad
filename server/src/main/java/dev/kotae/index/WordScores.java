package dev.kotae.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.Bits;

/**
 * Each query word's score in every article of a scope that has the word, kept for the life of one index
 * version, so that ranking a search adds up kept arrays instead of reading and scoring postings. A
 * word's score (its best field plus a share of the others, as Lucene's {@code DisjunctionMaxQuery}
 * combines its field terms) depends only on the word, its weights and the version, and help-center
 * queries keep coming back to the same few hundred words ({@link TermMatches} relies on the same). Each
 * term's score is Lucene's own ({@link Similarity.SimScorer} with the scope's statistics and the term's
 * boost), so a search ranked from kept scores is bit for bit the one Lucene's scorers give. Kept as
 * {@link TermMatches} keeps term sets ({@link KeptPerVersion}).
 */
public final class WordScores {

    /**
     * About the heap all scores of one version may take: an eighth of the heap, between 16 and 128 MB.
     * Eight bytes per article that has a word: at 100,000 articles the words of a day's synthetic searches
     * took about 100 MB (a fifth of them read again at 64 MB), at 10,000 a tenth of that.
     */
    static final long MAX_BYTES = Math.min(128L << 20, Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 8));

    /** One field term of a word, with the boost its path through the query gives its score. */
    public record FieldTerm(Term term, float boost) {}

    /** A query word: its best field's score plus {@code tieBreaker} times the sum of its other fields'. */
    public record Word(float tieBreaker, List<FieldTerm> fields) {}

    /**
     * The documents of a scope that have a word, ascending (view document numbers), and the word's score
     * in each. Shared: callers must not change the arrays.
     */
    public record Scores(int[] docs, float[] scores) {
        long bytes() {
            return 48L + 8L * docs.length;
        }
    }

    private record Key(IndexView.Scope scope, Word word) {}

    private final KeptPerVersion<Key, Scores> kept;

    WordScores(KeptPerVersion.Usage usage) {
        this.kept = new KeptPerVersion<>(usage, MAX_BYTES, Scores::bytes);
    }

    /** The scores of {@code word} in the documents of {@code scope} (of this version). */
    Scores of(IndexView.Scope scope, Word word) throws IOException {
        return kept.get(new Key(scope, word), key -> read(scope, word));
    }

    /** The word's scores read from the scope's postings and norms. */
    static Scores read(IndexView.Scope scope, Word word) throws IOException {
        List<FieldTerm> fields = word.fields();
        Scores[] perField = new Scores[fields.size()];
        for (int f = 0; f < perField.length; f++) {
            perField[f] = read(scope, fields.get(f));
        }
        return combined(perField, word.tieBreaker());
    }

    /** A field term's score in each live document of the scope that has it, ascending. */
    private static Scores read(IndexView.Scope scope, FieldTerm field) throws IOException {
        IndexSearcher searcher = scope.searcher();
        Term term = field.term();
        TermStates states = scope.termQuery(term).getTermStates();
        if (states.docFreq() <= 0) {
            return new Scores(new int[0], new float[0]);
        }
        Similarity.SimScorer scorer = searcher.getSimilarity().scorer(field.boost(),
                searcher.collectionStatistics(term.field()),
                searcher.termStatistics(term, states.docFreq(), states.totalTermFreq()));
        int[] docs = new int[states.docFreq()]; // deleted documents included, so never too few
        float[] scores = new float[docs.length];
        int count = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            TermState state = states.get(leaf);
            Terms terms = state == null ? null : leaf.reader().terms(term.field());
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            iterator.seekExact(term.bytes(), state);
            PostingsEnum postings = iterator.postings(null, PostingsEnum.FREQS);
            Bits live = leaf.reader().getLiveDocs();
            NumericDocValues norms = leaf.reader().getNormValues(term.field());
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    // As Lucene's TermScorer reads a norm: 1 when the field has none.
                    long norm = norms == null ? 1L : norms.advanceExact(doc) ? norms.longValue() : 0L;
                    docs[count] = leaf.docBase + doc;
                    scores[count++] = scorer.score(postings.freq(), norm);
                }
            }
        }
        return new Scores(Arrays.copyOf(docs, count), Arrays.copyOf(scores, count));
    }

    /**
     * Per document, the best field's score plus {@code tieBreaker} times the sum of the others, as
     * {@code DisjunctionMaxScorer} combines them (the best kept as a float, the others summed as doubles).
     */
    private static Scores combined(Scores[] fields, float tieBreaker) {
        int capacity = 0;
        for (Scores field : fields) {
            capacity += field.docs().length;
        }
        int[] docs = new int[capacity];
        float[] scores = new float[capacity];
        int[] next = new int[fields.length];
        int count = 0;
        while (true) {
            int doc = Integer.MAX_VALUE;
            for (int f = 0; f < fields.length; f++) {
                if (next[f] < fields[f].docs().length) {
                    doc = Math.min(doc, fields[f].docs()[next[f]]);
                }
            }
            if (doc == Integer.MAX_VALUE) {
                break;
            }
            float best = 0f;
            double others = 0;
            for (int f = 0; f < fields.length; f++) {
                if (next[f] < fields[f].docs().length && fields[f].docs()[next[f]] == doc) {
                    float score = fields[f].scores()[next[f]++];
                    if (score >= best) {
                        others += best;
                        best = score;
                    } else {
                        others += score;
                    }
                }
            }
            docs[count] = doc;
            scores[count++] = (float) (best + others * tieBreaker);
        }
        return new Scores(Arrays.copyOf(docs, count), Arrays.copyOf(scores, count));
    }
}
