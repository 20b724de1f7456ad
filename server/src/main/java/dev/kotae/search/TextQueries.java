package dev.kotae.search;

import dev.kotae.index.Analysis;
import dev.kotae.index.IndexFields;
import dev.kotae.index.IndexView;
import dev.kotae.index.LanguageFamily;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a user typed into a Lucene query. The text is analysed, never parsed: quotes, brackets,
 * {@code AND}, {@code field:} and wildcards are just characters, so no input can be a syntax error or
 * an expensive query. Each word scores by its best field plus a share of its others, weighted by the
 * language's {@link RankingProfile}; question-phrasing words count less, words the customer repeats
 * more. Japanese queries also match kana bigrams, which lets hiragana input and compounds Kuromoji split
 * differently still find their article; in spaced languages two adjacent words also match as one.
 * A bigram that more than {@link #COMMON_GRAM_SHARE} of the articles contain («です», «ますか»), and at
 * least {@link #COMMON_GRAM_MIN_ARTICLES}, only adds to the score of articles that match otherwise, as
 * Lucene's {@code CommonTermsQuery} does: on its own it says nothing about what the customer asked, yet
 * it matched almost every Japanese article, which made a Japanese search count and rank nearly all of
 * them. When nothing else matches (「ぱすわーど」, which Kuromoji cuts into kana that match no word), the
 * search matches on the common bigrams too ({@link TextQuery#everything}).
 */
public final class TextQueries {

    /** Enough for a long sentence; bounds the query's size whatever was typed. */
    static final int MAX_TERMS = 32;
    private static final int MAX_GRAMS = 64;
    /** What each repetition of a word adds to its weight: a customer who names it twice means it. */
    private static final float REPEAT_WEIGHT = 0.5f;

    private final Analysis analysis;
    private final QuestionPhrasing phrasing;

    public TextQueries(Analysis analysis) {
        this.analysis = analysis;
        this.phrasing = new QuestionPhrasing(analysis);
    }

    /** A bigram in more of the articles than this share scores but does not match on its own. */
    static final double COMMON_GRAM_SHARE = 0.1;
    /**
     * ... unless it is in fewer articles than this: in a small help center a topic's bigrams (パス, スワ
     * of パスワード) easily pass 10%, and there the cost the rule saves is nothing.
     */
    static final int COMMON_GRAM_MIN_ARTICLES = 100;

    /** How a term becomes a query, and how common it is in the index searched. */
    public interface TermQueries {

        /** A plain {@link TermQuery}, or one with the term's lookup already made. */
        Query of(Term term) throws IOException;

        /** How many documents contain the term, out of how many have its field. */
        Frequency frequency(Term term) throws IOException;

        /** The scope's term queries, with the term lookups it keeps. */
        static TermQueries of(IndexView.Scope scope) {
            return new TermQueries() {
                @Override
                public Query of(Term term) throws IOException {
                    return scope.termQuery(term);
                }

                @Override
                public Frequency frequency(Term term) throws IOException {
                    return Frequency.of(scope.searcher(), term, scope.termQuery(term).getTermStates());
                }
            };
        }

        /** Plain term queries, with shares looked up in {@code searcher}'s index. */
        static TermQueries plain(IndexSearcher searcher) {
            return new TermQueries() {
                @Override
                public Query of(Term term) {
                    return new TermQuery(term);
                }

                @Override
                public Frequency frequency(Term term) throws IOException {
                    return Frequency.of(searcher, term, TermStates.build(searcher, term, true));
                }
            };
        }
    }

    /** A term's document frequency, and the number of documents that have its field (as BM25 reads them). */
    public record Frequency(int docFreq, long docCount) {

        static Frequency of(IndexSearcher searcher, Term term, TermStates states) throws IOException {
            CollectionStatistics field = searcher.collectionStatistics(term.field());
            return new Frequency(states.docFreq(), field == null ? 0 : field.docCount());
        }

        boolean isCommonGram() {
            return docFreq >= COMMON_GRAM_MIN_ARTICLES && docFreq > COMMON_GRAM_SHARE * docCount;
        }
    }

    /**
     * A text query in its parts: {@code ranking} scores (a word's best field plus a share of its others),
     * {@code matching} decides which articles match (the same words and the less common bigrams, as one
     * flat disjunction of weighted term queries, see {@link #build}), and {@code everything} is
     * {@code matching} with the common bigrams too, for when {@code matching} finds nothing (the same
     * query when there are none).
     */
    public record TextQuery(Query ranking, Query matching, Query everything) {

        /** Whether {@link #everything} can match more than {@link #matching}. */
        public boolean hasCommonGrams() {
            return matching != everything;
        }
    }

    /**
     * The query for {@code text} over the given families' fields, each term's query made by
     * {@code termQueries}, or {@code null} if no word survives analysis.
     *
     * <p>Its matching part is one flat disjunction of the weighted field terms, leaving out the common
     * bigrams unless nothing else is left: an article matches when it has any of them, which
     * {@link FacetCounter} reads from the kept term sets. The ranking part then scores the matches
     * ({@link ExactRanking}).
     */
    public TextQuery build(String text, Collection<LanguageFamily> families, TermQueries termQueries)
            throws IOException {
        BooleanQuery.Builder ranking = new BooleanQuery.Builder();
        List<Query> clauses = new ArrayList<>();
        Set<Query> commonGrams = Collections.newSetFromMap(new IdentityHashMap<>());
        for (LanguageFamily family : families) {
            RankingProfile profile = RankingProfile.of(family);
            Words words = words(analysis.text(family), IndexFields.body(family), text, MAX_TERMS,
                    profile.joinsSplitWords());
            clauses.addAll(wordClauses(family, profile, words, termQueries));
            if (profile.gramsWeight() > 0) {
                for (String gram : terms(analysis.grams(), IndexFields.GRAMS_TITLE, text, MAX_GRAMS).keySet()) {
                    Query clause = gramClause(profile, gram, termQueries);
                    clauses.add(clause);
                    if (termQueries.frequency(new Term(IndexFields.GRAMS_BODY, gram)).isCommonGram()) {
                        commonGrams.add(clause);
                    }
                }
            }
        }
        if (clauses.isEmpty()) {
            return null;
        }
        clauses.forEach(clause -> ranking.add(clause, BooleanClause.Occur.SHOULD));
        Query everything = flattened(clauses);
        boolean onlyCommon = commonGrams.size() == clauses.size();
        Query matching = commonGrams.isEmpty() || onlyCommon ? everything
                : flattened(clauses.stream().filter(clause -> !commonGrams.contains(clause)).toList());
        return new TextQuery(ranking.build(), matching, everything);
    }

    // One flat list of word clauses (not a group per language): the same sum, and the shape ExactRanking
    // reads, one word per clause.
    private List<Query> wordClauses(LanguageFamily family, RankingProfile profile, Words words,
            TermQueries termQueries) throws IOException {
        List<Query> clauses = new ArrayList<>();
        for (Map.Entry<String, Integer> word : words.counts().entrySet()) {
            float weight = (phrasing.isPhrasing(family, word.getKey()) ? profile.phrasingWeight() : 1f)
                    * (1 + REPEAT_WEIGHT * (word.getValue() - 1));
            clauses.add(weighted(fieldsQuery(family, profile, word.getKey(), termQueries), weight));
        }
        for (String joined : words.joinedPairs()) {
            clauses.add(fieldsQuery(family, profile, joined, termQueries));
        }
        return clauses;
    }

    private static Query fieldsQuery(LanguageFamily family, RankingProfile profile, String term,
            TermQueries termQueries) throws IOException {
        return new DisjunctionMaxQuery(List.of(
                weighted(termQueries.of(new Term(IndexFields.title(family), term)), profile.questionWeight()),
                weighted(termQueries.of(new Term(IndexFields.questions(family), term)), profile.questionWeight()),
                weighted(termQueries.of(new Term(IndexFields.labels(family), term)), profile.labelsWeight()),
                termQueries.of(new Term(IndexFields.body(family), term))), profile.tieBreaker());
    }

    private static Query gramClause(RankingProfile profile, String gram, TermQueries termQueries) throws IOException {
        return weighted(new DisjunctionMaxQuery(List.of(
                weighted(termQueries.of(new Term(IndexFields.GRAMS_TITLE, gram)), profile.questionWeight()),
                termQueries.of(new Term(IndexFields.GRAMS_BODY, gram))), profile.tieBreaker()), profile.gramsWeight());
    }

    private static void addFlattened(BooleanQuery.Builder flat, Query query, float weight) {
        if (query instanceof BoostQuery boosted) {
            addFlattened(flat, boosted.getQuery(), weight * boosted.getBoost());
        } else if (query instanceof DisjunctionMaxQuery fields) {
            fields.getDisjuncts().forEach(field -> addFlattened(flat, field, weight));
        } else if (query instanceof BooleanQuery words) {
            words.clauses().forEach(word -> addFlattened(flat, word.getQuery(), weight));
        } else {
            flat.add(weighted(query, weight), BooleanClause.Occur.SHOULD);
        }
    }

    private static Query flattened(List<Query> clauses) {
        BooleanQuery.Builder flat = new BooleanQuery.Builder();
        clauses.forEach(clause -> addFlattened(flat, clause, 1f));
        return flat.build();
    }

    private static Query weighted(Query query, float weight) {
        return weight == 1f ? query : new BoostQuery(query, weight);
    }

    /** A query's distinct words with how often each occurs, and (if asked for) adjacent pairs written together. */
    private record Words(Map<String, Integer> counts, List<String> joinedPairs) {}

    private static Words words(Analyzer analyzer, String field, String text, int limit, boolean joinPairs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> joined = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            String previous = null;
            while (stream.incrementToken()) {
                String word = term.toString();
                if (counts.containsKey(word) || counts.size() < limit) {
                    counts.merge(word, 1, Integer::sum);
                }
                if (joinPairs && previous != null && increment.getPositionIncrement() == 1 && joined.size() < limit) {
                    joined.add(previous + word);
                }
                previous = word;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Words(counts, joined);
    }

    /** The distinct terms {@code analyzer} makes of {@code text}, at most {@code limit}, with their counts. */
    static Map<String, Integer> terms(Analyzer analyzer, String field, String text, int limit) {
        return words(analyzer, field, text, limit, false).counts();
    }
}
