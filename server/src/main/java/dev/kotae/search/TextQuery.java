package dev.kotae.search;

import dev.kotae.index.IndexFields;
import dev.kotae.index.LanguageFamily;
import dev.kotae.kept.WordScores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A text search as {@link TextQueries#build} made it: its clauses, in scoring order. Every use of the
 * text is derived from these clauses and from nothing else: the Lucene ranking query ({@link #ranking}),
 * which articles match ({@link #matchingTerms}), the words {@link ExactRanking} scores ({@link Clause#word})
 * and the terms snippets mark ({@link #bodyTerms}). A new kind of clause is a new {@link Kind}, built by
 * {@link TextQueries}; none of these derivations depends on the kind.
 */
public record TextQuery(List<Clause> clauses) {

    private static final Set<String> BODY_FIELDS = Arrays.stream(LanguageFamily.values())
            .map(IndexFields::body).collect(Collectors.toUnmodifiableSet());

    public TextQuery {
        clauses = List.copyOf(clauses);
    }

    /** What a clause stands for in the text. */
    public enum Kind {
        /** A word of the text, weighted down if it is question phrasing and up if the text repeats it. */
        WORD,
        /** Two adjacent words written as one ("back up" finds "backup"), in spaced languages. */
        JOINED_PAIR,
        /** A kana bigram of a Japanese text, which finds what Kuromoji cut differently. */
        KANA_GRAM,
        /**
         * A word of a synonym of the text's words ({@code content/synonyms.txt}), weighted below the words
         * it stands for.
         */
        SYNONYM,
        /**
         * A word of a written form of a kana word of the text, from the help center's vocabulary
         * ({@link KanaConversion}: 「へんきん」 is also searched as 返金), weighted below a typed word and by
         * the form's share of the reading's uses.
         */
        READING,
        /**
         * A word of the text in the click prior: what customers who asked with the word chose
         * ({@code LearnedPhrasings}), added to the score with a bounded weight.
         */
        PRIOR
    }

    /**
     * One scoring clause: its best field's score plus the tie-breaker times the sum of its other fields'.
     *
     * @param text the word, pair, bigram or synonym's word
     * @param weight the clause's own weight, already multiplied into each field term's boost (so scoring
     *     reads only {@code word}; the weight says why the boosts are what they are)
     * @param word the tie-breaker and the field terms with their whole boosts (field weight times
     *     {@code weight}): the key under which the index keeps the clause's scores
     * @param commonGram whether the clause only adds to the score of articles matched otherwise (a bigram
     *     in most articles, see {@link TextQueries})
     */
    public record Clause(Kind kind, String text, float weight, WordScores.Word word, boolean commonGram) {}

    /** Whether some clause only scores, so {@code matchingTerms(true)} can match more than {@code matchingTerms(false)}. */
    public boolean hasCommonGrams() {
        return clauses.stream().anyMatch(Clause::commonGram) && !onlyCommonGrams();
    }

    private boolean onlyCommonGrams() {
        return clauses.stream().allMatch(Clause::commonGram);
    }

    /**
     * The field terms an article must have one of to match: those of every clause but the common grams,
     * unless {@code withCommonGrams} or the text has nothing else.
     */
    public Set<Term> matchingTerms(boolean withCommonGrams) {
        boolean all = withCommonGrams || onlyCommonGrams();
        Set<Term> terms = new LinkedHashSet<>();
        for (Clause clause : clauses) {
            if (all || !clause.commonGram()) {
                clause.word().fields().forEach(field -> terms.add(field.term()));
            }
        }
        return terms;
    }

    /** The terms of the body fields, which the snippets mark. */
    public Set<Term> bodyTerms() {
        Set<Term> terms = new LinkedHashSet<>();
        for (Clause clause : clauses) {
            for (WordScores.FieldTerm field : clause.word().fields()) {
                if (BODY_FIELDS.contains(field.term().field())) {
                    terms.add(field.term());
                }
            }
        }
        return terms;
    }

    /**
     * The Lucene query that scores as the clauses do: a sum of one {@link DisjunctionMaxQuery} per clause,
     * each term query made by {@code termQueries}. It matches whatever has any clause's term, common
     * grams included: filter it by {@link #matchingQuery} to match as a search does.
     */
    public Query ranking(TextQueries.TermQueries termQueries) throws IOException {
        BooleanQuery.Builder ranking = new BooleanQuery.Builder();
        for (Clause clause : clauses) {
            Query[] fields = new Query[clause.word().fields().size()];
            for (int f = 0; f < fields.length; f++) {
                WordScores.FieldTerm field = clause.word().fields().get(f);
                Query term = termQueries.of(field.term());
                fields[f] = field.boost() == 1f ? term : new BoostQuery(term, field.boost());
            }
            ranking.add(new DisjunctionMaxQuery(List.of(fields), clause.word().tieBreaker()), BooleanClause.Occur.SHOULD);
        }
        return ranking.build();
    }

    /**
     * A filter matching the documents with any of {@code terms}: one {@link TermInSetQuery} per field, so
     * that beside the ranking query a long text stays within Lucene's limit on a query's clauses.
     */
    public static Query matchingQuery(Collection<Term> terms) {
        Map<String, List<BytesRef>> byField = new TreeMap<>();
        terms.forEach(term -> byField.computeIfAbsent(term.field(), field -> new ArrayList<>()).add(term.bytes()));
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        byField.forEach((field, values) -> matching.add(new TermInSetQuery(field, values), BooleanClause.Occur.SHOULD));
        return new ConstantScoreQuery(matching.build());
    }
}
