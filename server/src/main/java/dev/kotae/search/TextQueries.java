package dev.kotae.search;

import dev.kotae.index.Analysis;
import dev.kotae.index.IndexFields;
import dev.kotae.index.LanguageFamily;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a user typed into a Lucene query. The text is analysed, never parsed: quotes, brackets,
 * {@code AND}, {@code field:} and wildcards are just characters, so no input can be a syntax error or
 * an expensive query. Each word scores by its best field (title and questions count most, then tags
 * and category, then the body); Japanese queries also match kana bigrams, which lets hiragana input and
 * compounds Kuromoji split differently still find their article.
 */
public final class TextQueries {

    /** Enough for a long sentence; bounds the query's size whatever was typed. */
    static final int MAX_TERMS = 32;
    private static final int MAX_GRAMS = 64;
    // Measured on the FAQ benchmarks (docs/relevance.md): a title match counts more than a body match,
    // but not so much that a question sharing only the phrasing of a whole-sentence query wins, and a
    // word found in several fields adds up (tie breaker 0.5) instead of counting only its best field.
    private static final float TITLE_BOOST = 1.5f;
    private static final float QUESTIONS_BOOST = 1.5f;
    private static final float LABELS_BOOST = 2f;
    private static final float BODY_BOOST = 1f;
    private static final float TIE_BREAKER = 0.5f;
    private static final float GRAMS_BOOST = 0.1f;

    private final Analysis analysis;

    public TextQueries(Analysis analysis) {
        this.analysis = analysis;
    }

    /** The query for {@code text} over the given families' fields, or {@code null} if no word survives analysis. */
    public Query build(String text, Collection<LanguageFamily> families) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        for (LanguageFamily family : families) {
            List<String> terms = terms(analysis.text(family), IndexFields.body(family), text, MAX_TERMS);
            if (!terms.isEmpty()) {
                query.add(wordsQuery(family, terms), BooleanClause.Occur.SHOULD);
                any = true;
            }
            if (family == LanguageFamily.JA) {
                List<String> grams = terms(analysis.grams(), IndexFields.GRAMS_TITLE, text, MAX_GRAMS);
                if (!grams.isEmpty()) {
                    query.add(new BoostQuery(gramsQuery(grams), GRAMS_BOOST), BooleanClause.Occur.SHOULD);
                    any = true;
                }
            }
        }
        return any ? query.build() : null;
    }

    private static Query wordsQuery(LanguageFamily family, List<String> terms) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms) {
            words.add(new DisjunctionMaxQuery(List.of(
                    boosted(IndexFields.title(family), term, TITLE_BOOST),
                    boosted(IndexFields.questions(family), term, QUESTIONS_BOOST),
                    boosted(IndexFields.labels(family), term, LABELS_BOOST),
                    boosted(IndexFields.body(family), term, BODY_BOOST)), TIE_BREAKER), BooleanClause.Occur.SHOULD);
        }
        return words.build();
    }

    private static Query gramsQuery(List<String> grams) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String gram : grams) {
            query.add(new DisjunctionMaxQuery(List.of(
                    boosted(IndexFields.GRAMS_TITLE, gram, TITLE_BOOST),
                    boosted(IndexFields.GRAMS_BODY, gram, BODY_BOOST)), TIE_BREAKER), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static Query boosted(String field, String term, float boost) {
        Query query = new TermQuery(new Term(field, term));
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    /** The distinct terms {@code analyzer} makes of {@code text}, at most {@code limit}. */
    static List<String> terms(Analyzer analyzer, String field, String text, int limit) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < limit) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }
}
