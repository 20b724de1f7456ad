package dev.kotae.widget.answerbot;

import dev.kotae.plugin.HelpCenter.Hit;
import java.util.List;

/**
 * When the bot dares to answer with a single article instead of offering a list.
 *
 * <p>The rule: answer with the best hit when its score is at least {@code minScore} <em>and</em> it is
 * the only hit or it beats the second one by a factor of at least {@code minRatio}
 * ({@code best / second >= minRatio}). The first half rejects questions the help center knows nothing
 * about (only stop-word-like matches, low scores); the second rejects questions two articles answer
 * about equally well, where picking one would be a coin toss and a list serves the customer better.
 *
 * <p>Scores are the help center's relevance scores, comparable within one search only, and they grow
 * with the number of matching words: a one-word question scores lower than a sentence about the same
 * article. The defaults were tuned on the bundled sample help center (see {@link BotSettings}).
 *
 * @param minScore the lowest best-hit score that can be an answer
 * @param minRatio how many times better than the runner-up the best hit must score
 */
public record ConfidenceRule(double minScore, double minRatio) {

    /**
     * Whether {@code hits} (best first, as the help center returns them) have a clear winner.
     */
    public boolean confident(List<Hit> hits) {
        if (hits.isEmpty() || hits.get(0).score() < minScore) {
            return false;
        }
        if (hits.size() == 1) {
            return true;
        }
        double second = hits.get(1).score();
        // A zero runner-up matched nothing that counts: the best hit wins outright.
        return second <= 0 || hits.get(0).score() / second >= minRatio;
    }
}
