package dev.kotae.index;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 with parameters per kind of field, measured on the FAQ benchmarks (docs/relevance.md). Titles and
 * {@code questions:} (and the learned questions) are fully length-normalised (b = 1): a question that asks
 * only what the customer asked beats a longer one that also mentions it. Bodies get a little more room for
 * repeated words (k1 = 1.5) and slightly less length normalisation (b = 0.9) than Lucene's defaults. BM25
 * norms do not depend on these parameters, so changing them needs no re-index. The click prior fields are
 * scored by {@link ClickPrior}, not BM25.
 */
final class ArticleSimilarity extends PerFieldSimilarityWrapper {

    private static final Similarity QUESTION_FIELDS = new BM25Similarity(1.2f, 1.0f);
    private static final Similarity TEXT_FIELDS = new BM25Similarity(1.5f, 0.9f);
    private static final Similarity PRIOR_FIELDS = new ClickPrior();

    private static final Set<String> QUESTION_FIELD_NAMES = questionFieldNames();
    private static final Set<String> PRIOR_FIELD_NAMES = priorFieldNames();

    @Override
    public Similarity get(String field) {
        if (PRIOR_FIELD_NAMES.contains(field)) {
            return PRIOR_FIELDS;
        }
        return QUESTION_FIELD_NAMES.contains(field) ? QUESTION_FIELDS : TEXT_FIELDS;
    }

    private static Set<String> questionFieldNames() {
        Set<String> names = new HashSet<>();
        for (LanguageFamily family : LanguageFamily.values()) {
            names.add(IndexFields.title(family));
            names.add(IndexFields.questions(family));
            names.add(IndexFields.learned(family));
        }
        names.add(IndexFields.GRAMS_TITLE);
        return Set.copyOf(names);
    }

    private static Set<String> priorFieldNames() {
        Set<String> names = new HashSet<>();
        for (LanguageFamily family : LanguageFamily.values()) {
            names.add(IndexFields.prior(family));
        }
        return Set.copyOf(names);
    }

    /**
     * The click prior's score of a query word in an article: its boost, times how specific the word is among
     * the articles that learned anything (1 for a word only one article learned, near 0 for one they all
     * did, as BM25's idf over its greatest value), times the evidence saturated:
     * {@code f / (f + }{@value LearnedPhrasings#PRIOR_PIVOT}{@code )} for the term frequency {@code f} that
     * carries the evidence's strength ({@link LearnedPhrasings}). So however much evidence piles up, a word
     * adds at most its boost: the bound on how far clicks can lift an article.
     */
    static final class ClickPrior extends Similarity {

        @Override
        public long computeNorm(FieldInvertState state) {
            return 1; // the prior fields have no norms
        }

        @Override
        public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
            double specificity = 0;
            for (TermStatistics term : terms) {
                specificity += idf(term.docFreq(), collection.docCount()) / idf(1, collection.docCount());
            }
            float weight = (float) (boost * specificity / terms.length);
            return new SimScorer() {
                @Override
                public float score(float freq, long norm) {
                    return weight * (freq / (freq + LearnedPhrasings.PRIOR_PIVOT));
                }
            };
        }

        private static double idf(long docFreq, long docCount) {
            return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
        }
    }
}
