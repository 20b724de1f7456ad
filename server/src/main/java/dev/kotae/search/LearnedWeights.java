package dev.kotae.search;

import dev.kotae.index.LanguageFamily;

/**
 * How much what was learned from customers weighs in a language's ranking, against the body's 1.
 *
 * @param questions the learned questions ({@code IndexFields.learned}), one more field of each word's clause
 *     ({@code 0}: not searched)
 * @param prior the click prior ({@code IndexFields.prior}): per word of the text, a clause of its own whose
 *     score is at most this times the word's weight, however much evidence there is ({@code 0}: none)
 */
public record LearnedWeights(float questions, float prior) {

    /** Nothing learned is searched. */
    public static final LearnedWeights NONE = new LearnedWeights(0, 0);

    public LearnedWeights {
        if (!(questions >= 0 && prior >= 0) || Float.isInfinite(questions) || Float.isInfinite(prior)) {
            throw new IllegalArgumentException("learned weights are finite and 0 or more");
        }
    }

    /** The weights measured for the family's language (docs/relevance.md). */
    public static LearnedWeights of(LanguageFamily family) {
        return RankingProfile.of(family).learned();
    }
}
