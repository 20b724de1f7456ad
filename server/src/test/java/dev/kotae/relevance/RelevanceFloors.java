package dev.kotae.relevance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The relevance floors ({@code floors.tsv} beside this class) and the benchmarks they are checked on,
 * shared by {@link RelevanceRegressionIT} (search as it ranks) and {@link LearningRegressionIT} (what
 * learning from clicks adds, metrics named {@code learn.*}).
 */
final class RelevanceFloors {

    /** How far a metric may fall below the figure last recorded. */
    static final double SLACK = 0.002;
    static final String FILE = "floors.tsv";
    /** The prefix of the metrics {@link LearningRegressionIT} checks. */
    static final String LEARNING = "learn.";

    /** One line of the floors file. */
    record Floor(String set, String metric, double target, double recorded) {
        /** The issue's target, or the recorded figure less {@link #SLACK} when that is higher. */
        double value() {
            return Math.max(target, recorded - SLACK);
        }

        boolean isLearning() {
            return metric.startsWith(LEARNING);
        }
    }

    private RelevanceFloors() {}

    static List<Floor> read() throws IOException {
        try (InputStream in = RelevanceFloors.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IOException(FILE + " is not on the test classpath beside " + RelevanceFloors.class);
            }
            List<Floor> floors = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] columns = text.split("\\s+");
                if (columns.length != 4) {
                    throw new IOException(FILE + ": not 'set metric target recorded': " + line);
                }
                floors.add(new Floor(columns[0], columns[1], Double.parseDouble(columns[2]),
                        Double.parseDouble(columns[3])));
            }
            return floors;
        }
    }

    /**
     * The benchmark {@code name} from {@code -Dkotae.eval} (default {@code ../../shared/eval}): missing, the
     * calling test is skipped with a message locally and fails on CI.
     */
    static FaqBenchmark benchmark(String name) throws IOException {
        Path sets = Path.of(System.getProperty("kotae.eval", "../../shared/eval")).toAbsolutePath().normalize();
        Path folder = sets.resolve(name);
        boolean present = Files.isRegularFile(folder.resolve("corpus.jsonl"));
        if (!present && System.getenv("CI") != null) {
            fail("benchmark " + folder + " is missing; CI has ../shared/eval beside the repository");
        }
        Assumptions.assumeTrue(present, "relevance not checked: benchmark " + folder + " is not here (the dev sets "
                + "live in ../shared/eval beside the repository, or -Dkotae.eval=DIR; on CI a missing set fails)");
        return FaqBenchmark.load(folder);
    }
}
