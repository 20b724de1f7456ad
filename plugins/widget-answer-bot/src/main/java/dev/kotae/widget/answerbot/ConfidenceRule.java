package dev.kotae.widget.answerbot;

import java.util.List;

/**
 * When the bot dares to answer with a single article instead of offering a list.
 *
 * <p>The rule: answer with the best candidate when its score is at least {@code minScore} <em>and</em>
 * it is the only candidate or it beats the second one by a factor of at least {@code minRatio}
 * ({@code best / second >= minRatio}). A candidate is one answer: hits that are
 * {@linkplain NearDuplicates near-duplicates} from several sources count once, with their best score, so
 * a Markdown article and its Zendesk import are not mistaken for two rival answers. The first half rejects questions the help center knows nothing
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
     * Whether the candidates' scores (best first: one score per {@linkplain Candidates candidate}, copies
     * of one answer already folded) have a clear winner.
     */
    public boolean confident(List<Double> scores) {
        if (scores.isEmpty() || scores.get(0) < minScore) {
            return false;
        }
        if (scores.size() == 1) {
            return true;
        }
        double second = scores.get(1);
        // A zero runner-up matched nothing that counts: the best candidate wins outright.
        return second <= 0 || scores.get(0) / second >= minRatio;
    }
}
