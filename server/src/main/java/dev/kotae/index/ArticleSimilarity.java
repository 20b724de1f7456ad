package dev.kotae.index;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 with parameters per kind of field, measured on the FAQ benchmarks (docs/relevance.md). Titles and
 * {@code questions:} are fully length-normalised (b = 1): a question that asks only what the customer
 * asked beats a longer one that also mentions it. Bodies get a little more room for repeated words
 * (k1 = 1.5) and slightly less length normalisation (b = 0.9) than Lucene's defaults. BM25 norms do not
 * depend on these parameters, so changing them needs no re-index.
 */
final class ArticleSimilarity extends PerFieldSimilarityWrapper {

    private static final Similarity QUESTION_FIELDS = new BM25Similarity(1.2f, 1.0f);
    private static final Similarity TEXT_FIELDS = new BM25Similarity(1.5f, 0.9f);

    private static final Set<String> QUESTION_FIELD_NAMES = questionFieldNames();

    @Override
    public Similarity get(String field) {
        return QUESTION_FIELD_NAMES.contains(field) ? QUESTION_FIELDS : TEXT_FIELDS;
    }

    private static Set<String> questionFieldNames() {
        Set<String> names = new HashSet<>();
        for (LanguageFamily family : LanguageFamily.values()) {
            names.add(IndexFields.title(family));
            names.add(IndexFields.questions(family));
        }
        names.add(IndexFields.GRAMS_TITLE);
        return Set.copyOf(names);
    }
}
