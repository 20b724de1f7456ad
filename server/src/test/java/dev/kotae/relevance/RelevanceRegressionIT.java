package dev.kotae.relevance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Relevance may not get worse: both dev sets of {@code ../shared/eval} run through the real content,
 * index and search code ({@link RelevanceEvaluation}), and each metric must stay at or above its floor.
 * The floors are the figures last recorded in {@code docs/relevance.md}; raise them with every measured
 * improvement. The benchmarks live beside the repository (never copied into it): missing, the test is
 * skipped locally and fails on CI.
 */
class RelevanceRegressionIT {

    private static final double SLACK = 0.002;

    @Test
    void japaneseLocalGovernmentFaq() throws Exception {
        RelevanceEvaluation.Result result = evaluate("localgovFAQ");
        assertAll(
                () -> atLeast("localgovFAQ nDCG@10", result.kotae().ndcg10(), 0.522),
                () -> atLeast("localgovFAQ SR@1", result.kotae().sr1(), 0.359),
                () -> atLeast("localgovFAQ MRR@10", result.kotae().mrr10(), 0.567),
                () -> atLeast("localgovFAQ suggest@5", result.suggestHitRate(), 0.964));
        atLeast("the baseline reproduces the published nDCG@10 (pipeline check)", result.baseline().ndcg10(), 0.515);
    }

    @Test
    void englishStackFaq() throws Exception {
        RelevanceEvaluation.Result result = evaluate("StackFAQ");
        assertAll(
                () -> atLeast("StackFAQ MRR@10", result.kotae().mrr10(), 0.827),
                () -> atLeast("StackFAQ nDCG@10", result.kotae().ndcg10(), 0.768),
                () -> atLeast("StackFAQ SR@1", result.kotae().sr1(), 0.773),
                () -> atLeast("StackFAQ suggest@5", result.suggestHitRate(), 0.744));
        atLeast("the baseline reproduces the published MRR@10 (pipeline check)", result.baseline().mrr10(), 0.792);
    }

    private static RelevanceEvaluation.Result evaluate(String name) throws Exception {
        Path sets = Path.of(System.getProperty("kotae.eval", "../../shared/eval")).toAbsolutePath().normalize();
        Path folder = sets.resolve(name);
        boolean present = Files.isRegularFile(folder.resolve("corpus.jsonl"));
        if (!present && System.getenv("CI") != null) {
            fail("benchmark " + folder + " is missing; CI has ../shared/eval beside the repository");
        }
        Assumptions.assumeTrue(present, "benchmark " + folder + " not here");
        RelevanceEvaluation.Result result = RelevanceEvaluation.run(FaqBenchmark.load(folder),
                Path.of("target/eval-runs").toAbsolutePath());
        System.out.print(RelevanceEvaluation.table(List.of(result)));
        assertTrue(result.skipped() == 0, result.skipped() + " FAQ files were refused by the content pipeline");
        return result;
    }

    private static void atLeast(String what, double actual, double floor) {
        assertTrue(actual >= floor - SLACK, String.format("%s fell to %.4f (floor %.3f)", what, actual, floor));
    }
}
