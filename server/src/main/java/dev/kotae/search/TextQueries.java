package dev.kotae.search;

import dev.kotae.index.Analysis;
import dev.kotae.index.IndexFields;
import dev.kotae.index.IndexView;
import dev.kotae.index.KanaNormalizer;
import dev.kotae.index.LanguageFamily;
import dev.kotae.kept.WordScores;
import dev.kotae.synonyms.Synonyms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Turns what a user typed into a {@link TextQuery}, the typed model every part of a search is derived
 * from. The text is analysed, never parsed: quotes, brackets, {@code AND}, {@code field:} and wildcards
 * are just characters, so no input can be a syntax error or an expensive query. Each word scores by its
 * best field plus a share of its others, weighted by the language's {@link RankingProfile};
 * question-phrasing words count less, words the customer repeats more. Japanese queries also match kana
 * bigrams, which lets hiragana input and compounds Kuromoji split differently still find their article;
 * in spaced languages two adjacent words also match as one. A bigram that more than
 * {@link #COMMON_GRAM_SHARE} of the articles contain («です», «ますか»), and at least
 * {@link #COMMON_GRAM_MIN_ARTICLES}, only adds to the score of articles that match otherwise, as Lucene's
 * {@code CommonTermsQuery} does: on its own it says nothing about what the customer asked, and matching on
 * it would make a Japanese search count and rank nearly every article. When nothing else matches
 * (「ぱすわーど」, which Kuromoji cuts into kana that match no word), the search matches on the common
 * bigrams too ({@link TextQuery#matchingTerms}). The help center's synonyms ({@code content/synonyms.txt})
 * add the words a typed word or run of words stands for, each a clause weighing {@link #SYNONYM_WEIGHT} of
 * the typed words'. Kana that {@link KanaConversion} read as the help center's words («へんきん» as 返金)
 * also search for those words, below a typed word, and make no bigrams.
 */
public final class TextQueries {

    /** Enough for a long sentence; bounds the query's size whatever was typed. */
    static final int MAX_TERMS = 32;
    private static final int MAX_GRAMS = 64;
    /** What each repetition of a word adds to its weight: a customer who names it twice means it. */
    private static final float REPEAT_WEIGHT = 0.5f;
    /**
     * A synonym's weight against the words it stands for: below 1, so that where both are found the
     * article with the customer's own word ranks first.
     */
    static final float SYNONYM_WEIGHT = 0.8f;
    /**
     * A word read from kana against a typed word's 1, times its form's share: below it, so an article that
     * has the kana as typed keeps its place, but far above the kana bigrams it replaces.
     */
    static final float READING_WEIGHT = 0.8f;

    private final Analysis analysis;
    private final QuestionPhrasing phrasing;
    private final Function<LanguageFamily, LearnedWeights> learned;
    private final QueryTokens tokens = new QueryTokens();

    /** Queries that search what was learned as each language's {@link RankingProfile} weighs it. */
    public TextQueries(Analysis analysis) {
        this(analysis, LearnedWeights::of);
    }

    /** Queries that search what was learned with {@code learned}'s weights per language (measurements). */
    public TextQueries(Analysis analysis, Function<LanguageFamily, LearnedWeights> learned) {
        this.analysis = analysis;
        this.phrasing = new QuestionPhrasing(analysis);
        this.learned = learned;
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

        /** A term query, maybe with the term's lookup already made. */
        Query of(Term term) throws IOException;

        /** How many documents contain the term, out of how many have its field. */
        Frequency frequency(Term term) throws IOException;

        /** Whether some document has a term in {@code field}. */
        boolean hasTerms(String field) throws IOException;

        /** The scope's term queries, with the term lookups it keeps. */
        static TermQueries of(IndexView.Scope scope) {
            return new TermQueries() {
                @Override
                public Query of(Term term) throws IOException {
                    return scope.termQuery(term);
                }

                @Override
                public Frequency frequency(Term term) throws IOException {
                    return Frequency.of(scope.fieldStatistics(term.field()), scope.termQuery(term).getTermStates());
                }

                @Override
                public boolean hasTerms(String field) throws IOException {
                    return scope.fieldStatistics(field) != null;
                }
            };
        }
    }

    /** A term's document frequency, and the number of documents that have its field (as BM25 reads them). */
    public record Frequency(int docFreq, long docCount) {

        /** @param field the statistics of the term's field, {@code null} if no document has it */
        static Frequency of(CollectionStatistics field, TermStates states) {
            return new Frequency(states.docFreq(), field == null ? 0 : field.docCount());
        }

        boolean isCommonGram() {
            return docFreq >= COMMON_GRAM_MIN_ARTICLES && docFreq > COMMON_GRAM_SHARE * docCount;
        }
    }

    /** The typed query for {@code text} as typed: no synonyms, no kana read as words (tests, measurements). */
    public TextQuery build(String text, Collection<LanguageFamily> families, TermQueries termQueries)
            throws IOException {
        return build(text, KanaConversion.Conversion.NONE, families, termQueries, Synonyms.NONE);
    }

    /**
     * The typed query for {@code text} over the given families' fields, or {@code null} if no word survives
     * analysis. Its clauses are, per family, the words, then the joined pairs, then the synonyms, then the
     * words read from kana, then the kana bigrams: the order in which their scores are summed.
     * {@code termQueries} tells which bigrams are common; {@code synonyms} is the set the result is
     * computed with (the caller keys kept results by it). The kana of {@code text} are also read as
     * {@code conversion} says: in Japanese, each converted word's written forms add their words as
     * {@link TextQuery.Kind#READING} clauses, and the converted kana make no bigrams (their bigrams, ハイ,
     * イソ, ソウ of 「はいそう」, are what found unrelated articles) and no words of their own; a word the
     * help center writes in kana, typed in hiragana, is one word clause in place of Kuromoji's pieces.
     */
    public TextQuery build(String text, KanaConversion.Conversion conversion, Collection<LanguageFamily> families,
            TermQueries termQueries, Synonyms synonyms) throws IOException {
        List<TextQuery.Clause> clauses = new ArrayList<>();
        for (LanguageFamily family : families) {
            RankingProfile profile = RankingProfile.of(family);
            LearnedWeights learnedWeights = inUse(learned.apply(family), family, termQueries);
            Words words = words(analysis.text(family), IndexFields.body(family), text, MAX_TERMS,
                    profile.joinsSplitWords(), family == LanguageFamily.JA ? fragmentOf(conversion) : word -> false);
            Map<String, Float> weights = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> word : words.counts().entrySet()) {
                float weight = (phrasing.isPhrasing(family, word.getKey()) ? profile.phrasingWeight() : 1f)
                        * (1 + REPEAT_WEIGHT * (word.getValue() - 1));
                weights.put(word.getKey(), weight);
                clauses.add(fieldsClause(TextQuery.Kind.WORD, family, profile, learnedWeights, word.getKey(), weight));
            }
            if (family == LanguageFamily.JA) {
                // A word the help center writes in kana, typed in hiragana: one word, in place of its pieces.
                for (KanaConversion.KanaWord kana : conversion.kanaWords()) {
                    if (weights.size() < MAX_TERMS && weights.putIfAbsent(kana.reading(), 1f) == null) {
                        clauses.add(fieldsClause(TextQuery.Kind.WORD, family, profile, learnedWeights, kana.reading(), 1f));
                    }
                }
            }
            for (String joined : words.joinedPairs()) {
                clauses.add(fieldsClause(TextQuery.Kind.JOINED_PAIR, family, profile, learnedWeights, joined, 1f));
            }
            addPrior(clauses, family, learnedWeights.prior(), weights, termQueries);
            synonymWeights(synonyms.of(family, words.sequence()), weights).forEach((synonym, weight) ->
                    clauses.add(fieldsClause(TextQuery.Kind.SYNONYM, family, profile, learnedWeights, synonym, weight)));
            if (family == LanguageFamily.JA) {
                addReadings(clauses, conversion, profile, learnedWeights, words.counts().keySet());
            }
            if (profile.gramsWeight() > 0) {
                String gramsText = conversion.converted() ? conversion.unconverted() : text;
                for (String gram : keptTerms(analysis.grams(), IndexFields.GRAMS_TITLE, gramsText, MAX_GRAMS).keySet()) {
                    boolean common = termQueries.frequency(new Term(IndexFields.GRAMS_BODY, gram)).isCommonGram();
                    clauses.add(clause(TextQuery.Kind.KANA_GRAM, gram, profile.gramsWeight(), profile.tieBreaker(),
                            common, List.of(field(IndexFields.GRAMS_TITLE, gram, profile.questionWeight()),
                                    field(IndexFields.GRAMS_BODY, gram, 1f))));
                }
            }
        }
        return clauses.isEmpty() ? null : new TextQuery(withinClauseLimit(clauses));
    }

    /**
     * What a text adds beyond its typed words, least needed first: dropped in this order when the clauses'
     * field terms would pass Lucene's limit on a query's clauses.
     */
    private static final List<TextQuery.Kind> DROPPED_FIRST = List.of(TextQuery.Kind.KANA_GRAM,
            TextQuery.Kind.PRIOR, TextQuery.Kind.SYNONYM, TextQuery.Kind.READING, TextQuery.Kind.JOINED_PAIR);

    /**
     * {@code clauses} with at most {@link IndexSearcher#getMaxClauseCount()} field terms in all, so that the
     * Lucene query derived from them ({@code search.ranking: lucene}) is never refused: a long text over
     * every language, with its synonyms and readings, can pass it. The last clauses of the least needed
     * kinds go first; the typed words (at most {@link #MAX_TERMS} a family) always fit. The order of the
     * clauses kept is unchanged.
     */
    static List<TextQuery.Clause> withinClauseLimit(List<TextQuery.Clause> clauses) {
        int limit = IndexSearcher.getMaxClauseCount();
        int terms = clauses.stream().mapToInt(clause -> clause.word().fields().size()).sum();
        if (terms <= limit) {
            return clauses;
        }
        List<TextQuery.Clause> kept = new ArrayList<>(clauses);
        for (TextQuery.Kind kind : DROPPED_FIRST) {
            for (int i = kept.size() - 1; i >= 0 && terms > limit; i--) {
                if (kept.get(i).kind() == kind) {
                    terms -= kept.remove(i).word().fields().size();
                }
            }
        }
        return kept;
    }

    /** The READING clauses of the converted words' forms: each word of a form once, at its best share. */
    private void addReadings(List<TextQuery.Clause> clauses, KanaConversion.Conversion conversion,
            RankingProfile profile, LearnedWeights learnedWeights, Collection<String> typed) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (KanaConversion.Word word : conversion.words()) {
            for (KanaConversion.Form form : word.forms()) {
                for (String term : keptTerms(analysis.text(LanguageFamily.JA), IndexFields.body(LanguageFamily.JA),
                        form.written(), MAX_TERMS).keySet()) {
                    if (!typed.contains(term) && (shares.containsKey(term) || shares.size() < MAX_TERMS)) {
                        shares.merge(term, form.share(), Math::max);
                    }
                }
            }
        }
        shares.forEach((term, share) -> clauses.add(fieldsClause(TextQuery.Kind.READING, LanguageFamily.JA,
                profile, learnedWeights, term, READING_WEIGHT * share.floatValue())));
    }

    /**
     * {@code weights}, less what nothing was learned for: a help center that learned nothing (or only one
     * of the two) searches as without it, and pays no term lookups for it.
     */
    private static LearnedWeights inUse(LearnedWeights weights, LanguageFamily family, TermQueries termQueries)
            throws IOException {
        float questions = weights.questions() > 0 && termQueries.hasTerms(IndexFields.learned(family))
                ? weights.questions() : 0;
        float prior = weights.prior() > 0 && termQueries.hasTerms(IndexFields.prior(family)) ? weights.prior() : 0;
        return new LearnedWeights(questions, prior);
    }

    /**
     * A clause of {@code term} in the family's text fields, each weighted as the profile says, and in its
     * learned questions when they weigh anything.
     */
    private TextQuery.Clause fieldsClause(TextQuery.Kind kind, LanguageFamily family, RankingProfile profile,
            LearnedWeights learnedWeights, String term, float weight) {
        List<WordScores.FieldTerm> fields = new ArrayList<>(List.of(
                field(IndexFields.title(family), term, profile.questionWeight()),
                field(IndexFields.questions(family), term, profile.questionWeight()),
                field(IndexFields.labels(family), term, profile.labelsWeight()),
                field(IndexFields.body(family), term, 1f)));
        float learnedQuestions = learnedWeights.questions();
        if (learnedQuestions > 0) {
            fields.add(field(IndexFields.learned(family), term, learnedQuestions));
        }
        return clause(kind, term, weight, profile.tieBreaker(), false, fields);
    }

    /**
     * The {@link TextQuery.Kind#PRIOR} clauses of the text's words, each weighing the click prior's weight
     * times the word's: only for words some article learned, so a help center that learned nothing
     * searches exactly as without them.
     */
    private void addPrior(List<TextQuery.Clause> clauses, LanguageFamily family, float prior,
            Map<String, Float> words, TermQueries termQueries) throws IOException {
        if (prior <= 0) {
            return;
        }
        for (Map.Entry<String, Float> word : words.entrySet()) {
            Term term = new Term(IndexFields.prior(family), word.getKey());
            if (termQueries.frequency(term).docFreq() > 0) {
                clauses.add(clause(TextQuery.Kind.PRIOR, word.getKey(), prior * word.getValue(), 0f, false,
                        List.of(field(term.field(), word.getKey(), 1f))));
            }
        }
    }

    /**
     * The words the synonyms add, with their weights: {@link #SYNONYM_WEIGHT} times the least weight of the
     * typed words a synonym stands for (a synonym of question phrasing counts as little as the phrasing),
     * shared among the synonym's words, so a synonym of several words weighs no more than one of one word.
     * A word that is also typed is not added again; a word of several synonyms takes its greatest weight,
     * not their sum. At most {@link #MAX_TERMS}, like the words typed.
     */
    private static Map<String, Float> synonymWeights(List<Synonyms.Match> matches, Map<String, Float> typedWeights) {
        Map<String, Float> weights = new LinkedHashMap<>();
        for (Synonyms.Match match : matches) {
            float typed = match.typed().stream().map(typedWeights::get).min(Float::compare).orElse(1f);
            float weight = SYNONYM_WEIGHT * typed / match.synonym().size();
            for (String word : match.synonym()) {
                if (!typedWeights.containsKey(word) && (weights.containsKey(word) || weights.size() < MAX_TERMS)) {
                    weights.merge(word, weight, Math::max);
                }
            }
        }
        return weights;
    }

    private static WordScores.FieldTerm field(String field, String text, float fieldWeight) {
        return new WordScores.FieldTerm(new Term(field, text), fieldWeight);
    }

    /** A clause of {@code fields} (each with its field's weight), all weighted by {@code weight}. */
    private static TextQuery.Clause clause(TextQuery.Kind kind, String text, float weight, float tieBreaker,
            boolean commonGram, List<WordScores.FieldTerm> fields) {
        // As Lucene passes a boost down a query's path: the field's weight times the clause's.
        List<WordScores.FieldTerm> boosted = fields.stream()
                .map(field -> new WordScores.FieldTerm(field.term(), field.boost() * weight)).toList();
        return new TextQuery.Clause(kind, text, weight, new WordScores.Word(tieBreaker, boosted), commonGram);
    }

    /**
     * A query's distinct words with how often each occurs, the words in the order written (where synonyms
     * of several words are looked for), and (if asked for) adjacent pairs written together.
     */
    private record Words(Map<String, Integer> counts, List<String> sequence, List<String> joinedPairs) {}

    /**
     * Which words of a query are pieces of kana it read as a word (タイ and カイ of 「たいかい」, read as 退会,
     * or キ and ャンセル of 「きゃんせる」, the help center's キャンセル):
     * they are no word the customer meant, and as typed words they outweighed the word read (トク matched
     * every article about a product called トクワニ). A word that is a converted run as a whole stays.
     */
    private static FragmentTest fragmentOf(KanaConversion.Conversion conversion) {
        if (!conversion.converted() && conversion.kanaWords().isEmpty()) {
            return word -> false;
        }
        String mask = conversion.converted() ? conversion.unconverted() : "";
        Set<String> wholes = new HashSet<>();
        conversion.words().forEach(word -> wholes.add(word.reading()));
        conversion.kanaWords().forEach(word -> wholes.add(word.reading()));
        return word -> !wholes.contains(KanaNormalizer.normalize(word.text()))
                && ((word.end() <= mask.length() && mask.substring(word.start(), word.end()).isBlank())
                        || conversion.kanaWords().stream().anyMatch(kana -> kana.start() <= word.start()
                                && word.end() <= kana.end()));
    }

    /** Whether a word of the query is to be left out. */
    @FunctionalInterface
    private interface FragmentTest {
        boolean test(QueryTokens.Token word);
    }

    private Words words(Analyzer analyzer, String field, String text, int limit, boolean joinPairs,
            FragmentTest leftOut) {
        return words(tokens.of(analyzer, field, text), limit, joinPairs, leftOut);
    }

    private static Words words(List<QueryTokens.Token> tokens, int limit, boolean joinPairs, FragmentTest leftOut) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> sequence = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        String previous = null;
        for (QueryTokens.Token token : tokens) {
            String word = token.text();
            if (leftOut.test(token)) {
                previous = null;
                continue;
            }
            if (counts.containsKey(word) || counts.size() < limit) {
                counts.merge(word, 1, Integer::sum);
                if (sequence.size() < 2 * limit) {
                    sequence.add(word);
                }
            }
            if (joinPairs && previous != null && token.increment() == 1 && joined.size() < limit) {
                joined.add(previous + word);
            }
            previous = word;
        }
        return new Words(counts, sequence, joined);
    }

    /** The distinct terms of {@code text}, at most {@code limit}, with their counts (kept tokens). */
    private Map<String, Integer> keptTerms(Analyzer analyzer, String field, String text, int limit) {
        return words(analyzer, field, text, limit, false, word -> false).counts();
    }

    /** The distinct terms {@code analyzer} makes of {@code text}, at most {@code limit}, with their counts. */
    static Map<String, Integer> terms(Analyzer analyzer, String field, String text, int limit) {
        return words(QueryTokens.analyse(analyzer, field, text), limit, false, word -> false).counts();
    }
}
