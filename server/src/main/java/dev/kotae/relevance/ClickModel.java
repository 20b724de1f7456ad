package dev.kotae.relevance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulated visitors clicking a result list, for measuring learning from clicks on a benchmark: a
 * position-biased cascade, seeded so a run repeats exactly. A visitor reads down the list and examines
 * rank {@code r} with probability {@code 1 / r^bias} (people rarely look far down); an examined result is
 * clicked with a probability that depends on its relevance grade (a wrong one now and then, as people
 * do); after a click on a result of the top grade the visitor is satisfied and stops, after any other
 * click reads on.
 */
public final class ClickModel {

    /** How one simulated visitor chose: clicked articles with their ranks (1-based), and whether the last ended well. */
    public record Visit(List<Click> clicks, boolean satisfied) {}

    /** One click: the article and the rank it was shown at. */
    public record Click(String articleId, int rank) {}

    /** How strongly examination falls with rank: {@code 1 / rank^bias}. */
    public static final double BIAS = 1.0;
    /** Probability of clicking an examined result of the top grade. */
    public static final double CLICK_BEST = 0.9;
    /** Probability of clicking an examined result of a lower, non-zero grade. */
    public static final double CLICK_RELATED = 0.5;
    /** Probability of clicking an examined result that does not answer the query (noise). */
    public static final double CLICK_WRONG = 0.1;

    private final SplittableRandom random;

    public ClickModel(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * One visitor's clicks on {@code shown} (article ids, best first) for a query whose relevance grades
     * are {@code grades} (article id to grade; missing means not relevant).
     */
    public Visit visit(List<String> shown, Map<String, Integer> grades) {
        int best = FaqBenchmark.topGrade(grades);
        List<Click> clicks = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            int rank = i + 1;
            if (random.nextDouble() >= Math.pow(rank, -BIAS)) {
                continue;
            }
            int grade = grades.getOrDefault(shown.get(i), 0);
            double click = grade == 0 ? CLICK_WRONG : grade >= best ? CLICK_BEST : CLICK_RELATED;
            if (random.nextDouble() < click) {
                clicks.add(new Click(shown.get(i), rank));
                if (grade > 0 && grade >= best) {
                    return new Visit(clicks, true);
                }
            }
        }
        return new Visit(clicks, false);
    }
}
