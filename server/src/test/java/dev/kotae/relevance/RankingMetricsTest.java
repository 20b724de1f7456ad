package dev.kotae.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics as {@code ../shared/eval/evaluate.py} defines them, on cases worked out by hand. */
class RankingMetricsTest {

    @Test
    void perfectAndEmptyRunsScoreOneAndZero() {
        Map<String, Map<String, Integer>> qrels = Map.of("q1", Map.of("a", 1));
        RankingMetrics perfect = RankingMetrics.score(qrels, Map.of("q1", List.of("a", "b")));
        assertEquals(1.0, perfect.mrr10(), 1e-9);
        assertEquals(1.0, perfect.ndcg10(), 1e-9);
        assertEquals(1.0, perfect.sr1(), 1e-9);
        assertEquals(0.2, perfect.p5(), 1e-9);
        assertEquals(1.0, perfect.r10(), 1e-9);
        RankingMetrics none = RankingMetrics.score(qrels, Map.of());
        assertEquals(0.0, none.mrr10() + none.ndcg10() + none.sr1() + none.p5() + none.r10(), 1e-9);
    }

    @Test
    void gradedAnswersFollowTheBenchmarkDefinitions() {
        // Top grade 2 answer at rank 2, a grade-1 answer at rank 1.
        Map<String, Map<String, Integer>> qrels = Map.of("q", Map.of("best", 2, "related", 1));
        RankingMetrics m = RankingMetrics.score(qrels, Map.of("q", List.of("related", "best", "x")));
        assertEquals(1.0, m.mrr10(), 1e-9, "the first relevant hit is at rank 1");
        assertEquals(0.0, m.sr1(), 1e-9, "SR@1 needs the top grade first");
        double dcg = 1 / log2(2) + 3 / log2(3);
        double idcg = 3 / log2(2) + 1 / log2(3);
        assertEquals(dcg / idcg, m.ndcg10(), 1e-9);
        assertEquals(0.4, m.p5(), 1e-9);
        assertEquals(1.0, m.r10(), 1e-9);
    }

    @Test
    void onlyTheFirstTenCount() {
        Map<String, Map<String, Integer>> qrels = Map.of("q", Map.of("late", 1));
        List<String> ranked = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "late");
        assertEquals(0.0, RankingMetrics.score(qrels, Map.of("q", ranked)).mrr10(), 1e-9);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
