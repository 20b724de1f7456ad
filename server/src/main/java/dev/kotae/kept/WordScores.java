package dev.kotae.kept;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
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
import org.apache.lucene.util.IOFunction;

/**
 * Each query word's score in every article of a scope that has the word, kept so that ranking a search
 * adds up kept arrays instead of reading and scoring postings. A word's score (its best field plus a
 * share of the others, as Lucene's {@code DisjunctionMaxQuery} combines its field terms) depends only on
 * the word, its weights and the index version, and help-center queries keep coming back to the same few
 * hundred words. Each term's score is Lucene's own ({@link Similarity.SimScorer} with the scope's
 * statistics and the term's boost), so a search ranked from kept scores is bit for bit the one Lucene's
 * scorers give.
 *
 * <p>Kept at two levels ({@link Kept}): what a field term's postings say in each segment (documents,
 * frequencies and norms, deleted documents included) per segment core, and the word's scores per index
 * version and scope, as they depend on collection-wide statistics that every edit changes. After an edit
 * a word is scored again from the kept postings; only the new segment's are read.
 */
public final class WordScores {

    /** About the heap the scores per scope and version may take: an eighth of the heap, between 16 and 128 MB. */
    static final long MAX_BYTES = Math.min(128L << 20, Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 8));
    /**
     * About the heap the postings per segment may take: a quarter of the scores'. They are read only when a
     * version's scores are (after an edit, mostly by the warming before it is published), so the words asked
     * most are enough; as large a level as the scores' put the 100k benchmark's heap at 608 MB (target 512).
     */
    static final long MAX_SEGMENT_BYTES = MAX_BYTES / 4;

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

    /**
     * A field term in one segment: its documents ascending, with the term's frequency and the field's
     * norm. Norms are bytes: BM25, which scores every field ({@code ArticleSimilarity}), encodes a field's
     * length in one byte, and its scorer reads only that byte of the long it is given.
     */
    private record Postings(int[] docs, int[] freqs, byte[] norms) {
        static final Postings NONE = new Postings(new int[0], new int[0], new byte[0]);

        long bytes() {
            return 64L + 9L * docs.length;
        }
    }

    /** A word in a scope, one per index version: the key holds the scope's searcher until the version closes. */
    private record InScope(IndexSearcher scope, Word word) {}

    private final Kept<InScope, Scores> perScope = Kept.byWeight(MAX_BYTES, (key, scores) -> scores.bytes());
    private final Kept<Term, Postings> perSegment = Kept.byWeight(MAX_SEGMENT_BYTES, (key, postings) -> postings.bytes());

    /**
     * The scores of {@code word} in the live documents of {@code scope}.
     *
     * @param version the index version {@code scope} searches, which owns the kept scores
     * @param scope a searcher of the version's documents a filter matches, as live documents
     * @param lookups each term's lookup in {@code scope} (docFreq and term states)
     */
    public Scores of(IndexReader version, IndexSearcher scope, Word word, IOFunction<Term, TermStates> lookups)
            throws IOException {
        return perScope.get(version.getReaderCacheHelper(), new InScope(scope, word), key -> read(scope, word, lookups));
    }

    private Scores read(IndexSearcher scope, Word word, IOFunction<Term, TermStates> lookups) throws IOException {
        List<FieldTerm> fields = word.fields();
        Scores[] perField = new Scores[fields.size()];
        for (int f = 0; f < perField.length; f++) {
            perField[f] = read(scope, fields.get(f), lookups);
        }
        return combined(perField, word.tieBreaker());
    }

    /** A field term's score in each live document of the scope that has it, ascending. */
    private Scores read(IndexSearcher scope, FieldTerm field, IOFunction<Term, TermStates> lookups)
            throws IOException {
        Term term = field.term();
        TermStates states = lookups.apply(term);
        if (states.docFreq() <= 0) {
            return new Scores(new int[0], new float[0]);
        }
        Similarity.SimScorer scorer = scope.getSimilarity().scorer(field.boost(),
                scope.collectionStatistics(term.field()),
                scope.termStatistics(term, states.docFreq(), states.totalTermFreq()));
        int[] docs = new int[states.docFreq()]; // deleted documents included, so never too few
        float[] scores = new float[docs.length];
        int count = 0;
        for (LeafReaderContext leaf : scope.getIndexReader().leaves()) {
            TermState state = states.get(leaf);
            if (state == null) {
                continue;
            }
            LeafReader segment = leaf.reader();
            Postings postings = perSegment.get(segment.getCoreCacheHelper(), term,
                    t -> inSegment(segment, t, state));
            Bits live = segment.getLiveDocs();
            for (int i = 0; i < postings.docs().length; i++) {
                int doc = postings.docs()[i];
                if (live == null || live.get(doc)) {
                    docs[count] = leaf.docBase + doc;
                    scores[count++] = scorer.score(postings.freqs()[i], postings.norms()[i]);
                }
            }
        }
        return new Scores(Arrays.copyOf(docs, count), Arrays.copyOf(scores, count));
    }

    /** The term's postings and norms in the segment, deleted documents included (they depend on the core only). */
    private static Postings inSegment(LeafReader segment, Term term, TermState state) throws IOException {
        Terms terms = segment.terms(term.field());
        if (terms == null) {
            return Postings.NONE;
        }
        TermsEnum iterator = terms.iterator();
        iterator.seekExact(term.bytes(), state);
        int docFreq = iterator.docFreq();
        int[] docs = new int[docFreq];
        int[] freqs = new int[docFreq];
        byte[] norms = new byte[docFreq];
        PostingsEnum postings = iterator.postings(null, PostingsEnum.FREQS);
        NumericDocValues fieldNorms = segment.getNormValues(term.field());
        int count = 0;
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            docs[count] = doc;
            freqs[count] = postings.freq();
            // As Lucene's TermScorer reads a norm: 1 when the field has none.
            norms[count++] = fieldNorms == null ? 1 : fieldNorms.advanceExact(doc) ? (byte) fieldNorms.longValue() : 0;
        }
        return new Postings(Arrays.copyOf(docs, count), Arrays.copyOf(freqs, count), Arrays.copyOf(norms, count));
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

    /** How searches used these values: hits and misses of the per-scope level, the heap of both levels. */
    public Usage usage() {
        return Usage.ofLevels(perScope, perSegment);
    }
}
