package dev.kotae.relevance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.LearnEvalRun;
import dev.kotae.relevance.RelevanceFloors.Floor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Learning from customers keeps paying: {@code kotae eval --learn} on the dev sets of
 * {@code ../shared/eval} (a real server per set, traffic and scoring over HTTP, {@link LearnEvalRun}), and
 * each gain over no learning must stay at or above its floor: the {@code learn.*} lines of
 * {@code floors.tsv} (issue 28's targets: localgovFAQ SR@1 +0.04 from clicks, +0.05 with approval;
 * StackFAQ MRR@10 +0.06 and +0.09). Missing benchmarks: skipped locally, a failure on CI.
 *
 * <p>The floors hold only on a server that learns: one without the learning admin API (issue 28) fails
 * here at the first learning call, with the 404 in the message.
 */
class LearningRegressionIT {

    /** What each {@code learn.*} metric name reads from a result: gains over no learning. */
    static final Map<String, ToDoubleFunction<LearningEvaluation.Result>> METRICS = Map.of(
            "learn.clicks.sr1.gain", r -> r.clicksOnly().sr1() - r.none().sr1(),
            "learn.clicks.mrr10.gain", r -> r.clicksOnly().mrr10() - r.none().mrr10(),
            "learn.clicks.ndcg10.gain", r -> r.clicksOnly().ndcg10() - r.none().ndcg10(),
            "learn.approval.sr1.gain", r -> r.withApproval().sr1() - r.none().sr1(),
            "learn.approval.mrr10.gain", r -> r.withApproval().mrr10() - r.none().mrr10(),
            "learn.approval.ndcg10.gain", r -> r.withApproval().ndcg10() - r.none().ndcg10());

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void noGainFallsBelowItsFloor(String set) throws Exception {
        LearningEvaluation.Result result = LearnEvalRun.run(RelevanceFloors.benchmark(set),
                LearningEvaluation.Options.DEFAULTS, Path.of("target/eval-runs").toAbsolutePath());
        System.out.print(LearningEvaluation.table(List.of(result)));
        List<Executable> checks = new ArrayList<>();
        // Every simulated click was on a result the server showed that visitor: none may be refused.
        checks.add(() -> assertTrue(result.traffic().uncounted() == 0 && result.traffic().clicks() > 0,
                set + ": clicks counted " + result.traffic().clicks() + ", refused " + result.traffic().uncounted()));
        for (Floor floor : RelevanceFloors.read()) {
            if (floor.set().equals(set) && floor.isLearning()) {
                double actual = METRICS.get(floor.metric()).applyAsDouble(result);
                checks.add(() -> assertTrue(actual >= floor.value(), String.format("%s %s fell to %+.4f (floor %+.3f)",
                        set, floor.metric(), actual, floor.value())));
            }
        }
        assertAll(checks);
    }

    static List<String> sets() throws IOException {
        return List.copyOf(new LinkedHashSet<>(RelevanceFloors.read().stream().filter(Floor::isLearning)
                .map(Floor::set).toList()));
    }
}
