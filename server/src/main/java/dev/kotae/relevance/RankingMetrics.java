package dev.kotae.relevance;

import java.util.List;
import java.util.Map;

/**
 * The metrics the benchmarks report, defined exactly as {@code ../shared/eval/evaluate.py}: MRR@10,
 * nDCG@10 (gain 2^grade − 1), SR@1 (the top hit carries the top grade), P@5 and R@10, averaged over
 * every query that has answers (a query with no results scores 0).
 */
public record RankingMetrics(double mrr10, double ndcg10, double sr1, double p5, double r10, int queries) {

    /**
     * @param qrels graded answers per query id
     * @param run ranked article ids per query id (only the first 10 count)
     */
    public static RankingMetrics score(Map<String, Map<String, Integer>> qrels, Map<String, List<String>> run) {
        int top = qrels.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).max().orElse(1);
        double mrr = 0;
        double ndcg = 0;
        double sr = 0;
        double p5 = 0;
        double r10 = 0;
        for (Map.Entry<String, Map<String, Integer>> entry : qrels.entrySet()) {
            Map<String, Integer> relevant = entry.getValue();
            List<String> ranked = run.getOrDefault(entry.getKey(), List.of());
            ranked = ranked.subList(0, Math.min(10, ranked.size()));
            double dcg = 0;
            double reciprocal = 0;
            int found = 0;
            int foundInFive = 0;
            for (int i = 0; i < ranked.size(); i++) {
                int grade = relevant.getOrDefault(ranked.get(i), 0);
                dcg += (Math.pow(2, grade) - 1) / log2(i + 2);
                if (grade > 0) {
                    if (reciprocal == 0) {
                        reciprocal = 1.0 / (i + 1);
                    }
                    found++;
                    if (i < 5) {
                        foundInFive++;
                    }
                }
            }
            List<Integer> ideal = relevant.values().stream().sorted((a, b) -> b - a).limit(10).toList();
            double idcg = 0;
            for (int i = 0; i < ideal.size(); i++) {
                idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
            }
            long relevantCount = relevant.values().stream().filter(g -> g > 0).count();
            mrr += reciprocal;
            ndcg += idcg == 0 ? 0 : dcg / idcg;
            sr += !ranked.isEmpty() && relevant.getOrDefault(ranked.get(0), 0) == top ? 1 : 0;
            p5 += foundInFive / 5.0;
            r10 += relevantCount == 0 ? 0 : (double) found / relevantCount;
        }
        int n = qrels.size();
        return new RankingMetrics(mrr / n, ndcg / n, sr / n, p5 / n, r10 / n, n);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
