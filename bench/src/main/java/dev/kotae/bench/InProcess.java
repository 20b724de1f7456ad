package dev.kotae.bench;

import dev.kotae.search.Audience;
import dev.kotae.search.SearchRequest;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SearchService;
import dev.kotae.search.SuggestService;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * JMH benchmarks of search and suggest called in the same JVM (no HTTP, no JSON), next to plain Lucene
 * on the same articles and queries. They run without forking so they share the index the run built;
 * {@link #measure} hands them the services through {@link #fixture}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InProcess {

    /** What the benchmarks call, set by the run before JMH starts. */
    record Fixture(SearchService search, SuggestService suggest, PlainLucene plain,
            List<SyntheticHelpCenter.Query> queries, List<SyntheticHelpCenter.Query> suggestInputs) {

        /** The query searched as {@code /api/v1/search} does for an anonymous visitor: top 10 in its locale. */
        SearchResult search(SyntheticHelpCenter.Query query) throws IOException {
            return search.search(new SearchRequest(query.text(), query.locale(), null, null, null, 1, 10,
                    Audience.PUBLIC));
        }
    }


    private static volatile Fixture fixture;
    private static final AtomicInteger THREAD_OFFSETS = new AtomicInteger();

    /** Each thread walks the query list from its own starting point, so threads do not run in lockstep. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
        Fixture use;

        @Setup
        public void setUp() {
            use = fixture;
            next = THREAD_OFFSETS.getAndIncrement() * 97;
        }

        SyntheticHelpCenter.Query query() {
            List<SyntheticHelpCenter.Query> queries = use.queries();
            return queries.get(next++ % queries.size());
        }

        SyntheticHelpCenter.Query input() {
            List<SyntheticHelpCenter.Query> inputs = use.suggestInputs();
            return inputs.get(next++ % inputs.size());
        }
    }

    @Benchmark
    public Object kotaeSearch(Cursor cursor) throws IOException {
        return cursor.use.search(cursor.query());
    }

    @Benchmark
    public Object kotaeSuggest(Cursor cursor) throws IOException {
        SyntheticHelpCenter.Query input = cursor.input();
        return cursor.use.suggest().suggest(input.text(), input.locale(), 8, Audience.PUBLIC);
    }

    @Benchmark
    public Object plainLuceneSearch(Cursor cursor) throws IOException {
        SyntheticHelpCenter.Query query = cursor.query();
        return cursor.use.plain().search(query.text(), query.locale());
    }

    /** Runs one benchmark method of this class with {@code threads} threads and returns its figures. */
    static Latency measure(Fixture use, String method, int threads, Durations durations) throws RunnerException {
        fixture = use;
        Options options = new OptionsBuilder()
                .include(InProcess.class.getName() + "\\." + method + "$")
                .forks(0)
                .threads(threads)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(durations.warmupMillis()))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(durations.measureMillis()))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        RunResult result = new Runner(options).runSingle();
        Statistics statistics = result.getPrimaryResult().getStatistics();
        // Sample mode times a sample of calls, so the rate comes from the mean: threads calling back to back.
        return new Latency(statistics.getPercentile(50) / 1000.0, statistics.getPercentile(99) / 1000.0,
                threads * 1_000_000.0 / statistics.getMean());
    }

    /** How long to warm up and to measure each benchmark. */
    record Durations(long warmupMillis, long measureMillis) {}
}
