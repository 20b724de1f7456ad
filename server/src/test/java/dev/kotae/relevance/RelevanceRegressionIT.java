package dev.kotae.relevance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Relevance may not get worse: the dev sets of {@code ../shared/eval} run through the real content,
 * index and search code ({@link RelevanceEvaluation}), and each metric must stay at or above its floor.
 * The floors are data, in {@code floors.tsv} beside this class: issue 5's target, or the figure last
 * recorded in {@code docs/relevance.md} (less {@link #SLACK}) when that is higher. Raise the recorded
 * figures there with every measured improvement. The benchmarks live beside the repository (never copied
 * into it): missing, the evaluation is skipped with a message locally and fails on CI.
 */
class RelevanceRegressionIT {

    private static final double SLACK = 0.002;
    private static final String FLOORS = "floors.tsv";

    /** What each metric name in the floors file reads from a result. */
    private static final Map<String, ToDoubleFunction<RelevanceEvaluation.Result>> METRICS = Map.of(
            "kotae.mrr10", r -> r.kotae().mrr10(),
            "kotae.ndcg10", r -> r.kotae().ndcg10(),
            "kotae.sr1", r -> r.kotae().sr1(),
            "baseline.mrr10", r -> r.baseline().mrr10(),
            "baseline.ndcg10", r -> r.baseline().ndcg10(),
            "suggest5", RelevanceEvaluation.Result::suggestHitRate);

    /** One line of the floors file. */
    record Floor(String set, String metric, double target, double recorded) {
        /** The issue's target, or the recorded figure less {@link #SLACK} when that is higher. */
        double value() {
            return Math.max(target, recorded - SLACK);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void noMetricFallsBelowItsFloor(String set) throws Exception {
        RelevanceEvaluation.Result result = evaluate(set);
        List<Executable> checks = new ArrayList<>();
        for (Floor floor : floors()) {
            if (floor.set().equals(set)) {
                double actual = METRICS.get(floor.metric()).applyAsDouble(result);
                checks.add(() -> assertTrue(actual >= floor.value(), String.format("%s %s fell to %.4f (floor %.3f)",
                        set, floor.metric(), actual, floor.value())));
            }
        }
        assertAll(checks);
    }

    /** Runs without the benchmarks too, so a mistyped floors file fails everywhere, not only on CI. */
    @Test
    void theFloorsFileNamesKnownMetricsWithPlausibleFigures() throws IOException {
        List<Floor> floors = floors();
        assertFalse(floors.isEmpty(), FLOORS + " lists no floors");
        for (Floor floor : floors) {
            assertTrue(METRICS.containsKey(floor.metric()), "unknown metric in " + FLOORS + ": " + floor
                    + "; known: " + METRICS.keySet());
            assertTrue(floor.target() >= 0 && floor.target() <= 1 && floor.recorded() > 0 && floor.recorded() <= 1,
                    "not a share between 0 and 1: " + floor);
        }
        assertEquals(floors.size(), floors.stream().map(f -> f.set() + " " + f.metric()).distinct().count(),
                "a metric is listed twice: " + floors);
    }

    static List<String> sets() throws IOException {
        return List.copyOf(new LinkedHashSet<>(floors().stream().map(Floor::set).toList()));
    }

    static List<Floor> floors() throws IOException {
        try (InputStream in = RelevanceRegressionIT.class.getResourceAsStream(FLOORS)) {
            if (in == null) {
                throw new IOException(FLOORS + " is not on the test classpath beside " + RelevanceRegressionIT.class);
            }
            List<Floor> floors = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] columns = text.split("\\s+");
                if (columns.length != 4) {
                    throw new IOException(FLOORS + ": not 'set metric target recorded': " + line);
                }
                floors.add(new Floor(columns[0], columns[1], Double.parseDouble(columns[2]),
                        Double.parseDouble(columns[3])));
            }
            return floors;
        }
    }

    private static RelevanceEvaluation.Result evaluate(String name) throws Exception {
        Path sets = Path.of(System.getProperty("kotae.eval", "../../shared/eval")).toAbsolutePath().normalize();
        Path folder = sets.resolve(name);
        boolean present = Files.isRegularFile(folder.resolve("corpus.jsonl"));
        if (!present && System.getenv("CI") != null) {
            fail("benchmark " + folder + " is missing; CI has ../shared/eval beside the repository");
        }
        Assumptions.assumeTrue(present, "relevance not checked: benchmark " + folder + " is not here (the dev sets "
                + "live in ../shared/eval beside the repository, or -Dkotae.eval=DIR; on CI a missing set fails)");
        RelevanceEvaluation.Result result = RelevanceEvaluation.run(FaqBenchmark.load(folder),
                Path.of("target/eval-runs").toAbsolutePath());
        System.out.print(RelevanceEvaluation.table(List.of(result)));
        assertTrue(result.skipped() == 0, result.skipped() + " FAQ files were refused by the content pipeline");
        return result;
    }
}
