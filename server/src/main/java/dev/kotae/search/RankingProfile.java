package dev.kotae.search;

import dev.kotae.index.LanguageFamily;

/**
 * How a language's query words are weighted across an article's fields. The two languages differ
 * because their analysers do: Kuromoji cuts a Japanese question into many short words, so a question
 * that shares a customer's phrasing matches many of them, and the answer text must count as much as
 * the question; English titles are short headlines, and matching one says more. The values were
 * measured on one FAQ benchmark per language (docs/relevance.md).
 *
 * @param questionWeight title and {@code questions:} against the body's 1
 * @param labelsWeight tags and category
 * @param tieBreaker how much a word's matches in its other fields add to its best one
 * @param phrasingWeight a question-phrasing word («教えてください», "how do I") against a content word's 1
 * @param gramsWeight the kana-bigram recall query against the word query (0: none)
 * @param joinsSplitWords whether two adjacent words also match as one ("back up" finds "backup")
 * @param learned what was learned from customers: the learned questions' weight and the click prior's bound
 *     (measured by a simulation of clicks on the same benchmarks, docs/relevance.md)
 */
record RankingProfile(float questionWeight, float labelsWeight, float tieBreaker, float phrasingWeight,
        float gramsWeight, boolean joinsSplitWords, LearnedWeights learned) {

    private static final RankingProfile JAPANESE = new RankingProfile(1.0f, 2f, 0.5f, 0.3f, 0.05f, false,
            new LearnedWeights(0.5f, 2.0f));
    private static final RankingProfile SPACED = new RankingProfile(1.5f, 2f, 0.5f, 0.4f, 0f, true,
            new LearnedWeights(1.0f, 0.5f));

    static RankingProfile of(LanguageFamily family) {
        return family == LanguageFamily.JA ? JAPANESE : SPACED;
    }
}
