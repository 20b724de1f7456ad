package dev.kotae.bench;

import dev.kotae.KotaeApp;
import dev.kotae.config.KotaeConfig;
import dev.kotae.config.SearchConfig;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One benchmark run: for each size, generate a help center, build Kotae's index in this JVM, run the
 * in-process JMH benchmarks beside plain Lucene, then start the real server jar on that index through the
 * launcher ({@code bin/kotae}, the README's way) and drive it over HTTP. Prints the table and writes it
 * into the results file (between the bench markers).
 *
 * <pre>java -jar bench/target/kotae-bench.jar [--sizes 1000,10000,100000] [--out docs/benchmarks.md]
 *     [--work DIR] [--server-jar server/target/kotae.jar] [--launcher bin/kotae] [--smoke]
 *     [--after-edit-only] [--warm-millis MS]</pre>
 *
 * <p>{@code --after-edit-only} builds the index and measures only the searches after an edit ({@link AfterEdit}).
 * {@code --warm-millis} sets the in-process server's {@code search.warmMillis} (default the server's), so
 * the searches after an edit can be measured with and without warming.
 */
public final class Bench {

    static final String USAGE = "usage: kotae-bench [--sizes N,N,...] [--out FILE] [--work DIR] "
            + "[--server-jar JAR] [--launcher FILE] [--smoke] [--after-edit-only] [--warm-millis MS]";

    /** What to run, from the command line. */
    record Settings(List<Integer> sizes, Path out, Path work, Path serverJar, Path launcher, boolean smoke,
            boolean afterEditOnly, int warmMillis, String command) {

        static Settings parse(String... args) {
            List<Integer> sizes = List.of(1_000, 10_000, 100_000);
            Path out = Path.of("docs/benchmarks.md");
            Path work = Path.of(System.getProperty("java.io.tmpdir"), "kotae-bench");
            Path jar = Path.of("server/target/kotae.jar");
            Path launcher = Path.of("bin/kotae");
            boolean smoke = false;
            boolean afterEditOnly = false;
            int warmMillis = SearchConfig.DEFAULT_WARM_MILLIS;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--sizes" -> sizes = Arrays.stream(value(args, ++i).split(",")).map(String::strip)
                            .map(Integer::valueOf).toList();
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--work" -> work = Path.of(value(args, ++i));
                    case "--server-jar" -> jar = Path.of(value(args, ++i));
                    case "--launcher" -> launcher = Path.of(value(args, ++i));
                    case "--smoke" -> smoke = true;
                    case "--after-edit-only" -> afterEditOnly = true;
                    case "--warm-millis" -> warmMillis = Integer.parseInt(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
            }
            String command = "java -jar bench/target/kotae-bench.jar" + (args.length == 0 ? "" : " " + String.join(" ", args));
            return new Settings(sizes, out, work, jar, launcher, smoke, afterEditOnly, warmMillis, command);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
            }
            return args[i];
        }

        InProcess.Durations jmh() {
            return smoke ? new InProcess.Durations(200, 300) : new InProcess.Durations(2_000, 5_000);
        }

        InProcess.Durations http() {
            return smoke ? new InProcess.Durations(300, 500) : new InProcess.Durations(3_000, 10_000);
        }

        /**
         * Unmeasured load before a server's first measured phase, so its HTTP figures are of a warmed-up
         * JIT as the in-process ones are: rounds of this length at c=8 until a round's rate is within 5% of
         * the one before, twice in a row. A fixed 15 s at c=2 was not enough on a slow day: the next 8 s
         * at c=8 ran at a third of the rate the server settled at after about a minute (docs/benchmarks.md).
         */
        InProcess.Durations warmupRound() {
            return new InProcess.Durations(0, smoke ? 200 : 5_000);
        }

        /** At most this many warm-up rounds (a noisy machine may never settle within 5%). */
        int maxWarmupRounds() {
            return smoke ? 1 : 24;
        }

        int fileChanges() {
            return smoke ? 2 : 10;
        }

        /** Passes of all benchmark searches before {@link AfterEdit}'s first round, to warm up the JIT. */
        int afterEditWarmUpPasses() {
            return smoke ? 1 : 10;
        }

        /** Edits {@link AfterEdit} times the searches after, each a round of its own. */
        int afterEditRounds() {
            return smoke ? 1 : 5;
        }

        /** Searches in each day's query log (longer than a measured run sends, so the log does not wrap). */
        int queryLogLength() {
            return smoke ? 20_000 : 100_000;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchReport report = run(settings);
        System.out.println(report.table());
        report.writeInto(settings.out());
        System.out.println("Written to " + settings.out().toAbsolutePath());
    }

    static BenchReport run(Settings settings) throws Exception {
        if (!Files.isRegularFile(settings.serverJar())) {
            throw new IOException("server jar not found: " + settings.serverJar().toAbsolutePath()
                    + " (build it first: ./mvnw -B -ntp -DskipTests package)");
        }
        if (!Files.isRegularFile(settings.launcher())) {
            throw new IOException("launcher not found: " + settings.launcher().toAbsolutePath()
                    + " (run from the repository's root, or give --launcher bin/kotae)");
        }
        BenchReport report = new BenchReport(settings.command(), settings.sizes());
        for (int size : settings.sizes()) {
            log("=== " + size + " articles ===");
            measureSize(settings, size, report);
        }
        return report;
    }

    /**
     * The heap the server is started with at {@code size} articles: the launcher's default (512 MB), and 1 GB
     * from 50,000 articles, as docs/operations.md tells operators.
     */
    private static String heap(int size) {
        return size >= 50_000 ? "1g" : null;
    }

    private static void measureSize(Settings settings, int size, BenchReport report) throws Exception {
        Path dir = settings.work().resolve("size-" + size);
        deleteTree(dir);
        Path content = dir.resolve("content");
        Path data = dir.resolve("data");
        Files.createDirectories(content);
        SyntheticHelpCenter helpCenter = new SyntheticHelpCenter(size);
        List<SyntheticHelpCenter.Query> queries = helpCenter.searchQueries(500);
        List<SyntheticHelpCenter.Query> inputs = helpCenter.suggestInputs(500);

        try (PlainLucene plain = new PlainLucene(dir.resolve("plain"))) {
            log("generating");
            helpCenter.writeTo(content, plain::add);
            plain.open();
            report.put(size, BenchReport.Row.CORPUS_MB, directoryBytes(content) / 1048576.0);

            log("building the index in-process");
            // Without the result cache: the in-process rows measure searching, as plain Lucene's do.
            KotaeConfig config = KotaeConfig.defaults().withContent(content).withData(data).withHost("127.0.0.1")
                    .withPort(0).withSearch(SearchConfig.defaults().withCacheMegabytes(0).withWarmMillis(settings.warmMillis()));
            try (KotaeApp app = KotaeApp.start(config)) {
                long built = app.lastSync().added();
                double seconds = app.lastSync().tookMillis() / 1000.0;
                report.put(size, BenchReport.Row.BUILD_SECONDS, seconds);
                report.put(size, BenchReport.Row.BUILD_RATE, built / Math.max(seconds, 0.001));
                report.check(built == size, size + " articles written but " + built + " indexed");

                InProcess.Fixture fixture = new InProcess.Fixture(app.searchService(), app.suggestService(), plain,
                        queries, inputs);
                report.put(size, BenchReport.Row.QUERIES_WITH_HITS, hitShare(fixture));
                for (int threads : settings.afterEditOnly() ? new int[0] : new int[] {1, 8}) {
                    log("JMH in-process, " + threads + " threads");
                    report.put(size, BenchReport.Row.search(threads, true),
                            InProcess.measure(fixture, "kotaeSearch", threads, settings.jmh()));
                    report.put(size, BenchReport.Row.plain(threads),
                            InProcess.measure(fixture, "plainLuceneSearch", threads, settings.jmh()));
                    report.put(size, BenchReport.Row.suggest(threads, true),
                            InProcess.measure(fixture, "kotaeSuggest", threads, settings.jmh()));
                }
                log("searches after an edit, in-process");
                AfterEdit.Figures afterEdit = new AfterEdit(app.searchService(), queries, content)
                        .measure(settings.afterEditWarmUpPasses(), 3, settings.afterEditRounds());
                report.put(size, BenchReport.Row.WARM_MEDIAN_MS, afterEdit.warmMedian());
                report.put(size, BenchReport.Row.WARM_MAX_MS, afterEdit.warmMax());
                report.put(size, BenchReport.Row.IDLE_MEDIAN_MS, afterEdit.idleMedian());
                report.put(size, BenchReport.Row.IDLE_MAX_MS, afterEdit.idleMax());
                report.put(size, BenchReport.Row.AFTER_EDIT_MEDIAN_MS, afterEdit.afterMedian());
                report.put(size, BenchReport.Row.AFTER_EDIT_MAX_MS, afterEdit.afterMax());
            }
            if (settings.afterEditOnly()) {
                return;
            }
            log("plain Lucene over bare Jetty");
            try (PlainLuceneHttp floor = PlainLuceneHttp.start(plain)) {
                HttpLoad load = new HttpLoad(floor.base());
                List<String> paths = requestPaths("/search", queries);
                warmUp(round -> load.run(paths, 8, round), settings, "plain Lucene on bare Jetty");
                for (int concurrency : new int[] {1, 8}) {
                    HttpLoad.Result result = load.run(paths, concurrency, settings.http());
                    report.put(size, BenchReport.Row.plainHttp(concurrency), result.latency());
                    report.check(result.errors() == 0, result.errors() + " plain Lucene HTTP requests failed at c="
                            + concurrency);
                }
            }
        }
        System.gc();
        report.put(size, BenchReport.Row.INDEX_MB, directoryBytes(data.resolve("index")) / 1048576.0);

        log("starting the server jar on the existing index, result cache off");
        // The search rows compare computing a search with plain Lucene computing it, so the 500 repeating
        // benchmark searches must not be answered from the cache; the query log below measures the cache.
        try (ServerProcess server = ServerProcess.launched(settings.launcher(), settings.serverJar(), heap(size), content,
                data, dir.resolve("server.log"), Map.of("KOTAE_SEARCH_CACHE_MB", "0"))) {
            report.put(size, BenchReport.Row.STARTUP_SECONDS, server.readyMillis() / 1000.0);
            HttpLoad load = new HttpLoad(server.base());
            List<String> searchPaths = requestPaths("/api/v1/search", queries);
            List<String> suggestPaths = requestPaths("/api/v1/suggest", inputs);
            log("warming up the server (not measured)");
            warmUp(round -> load.run(searchPaths, 8, round), settings, "search");
            warmUp(round -> load.run(suggestPaths, 8, round), settings, "suggest");
            log("HTTP search");
            for (int concurrency : new int[] {1, 8}) {
                HttpLoad.Result result = load.run(searchPaths, concurrency, settings.http());
                report.put(size, BenchReport.Row.search(concurrency, false), result.latency());
                report.check(result.errors() == 0, result.errors() + " search requests failed at c=" + concurrency);
            }
            log("HTTP suggest");
            for (int concurrency : new int[] {1, 4, 8}) {
                HttpLoad.Result result = load.run(suggestPaths, concurrency, settings.http());
                report.put(size, BenchReport.Row.suggest(concurrency, false), result.latency());
                report.check(result.errors() == 0, result.errors() + " suggest requests failed at c=" + concurrency);
            }
            log("file changes");
            List<Long> visibleAfter = new FileChanges(content, server.base()).measure(settings.fileChanges());
            report.put(size, BenchReport.Row.CHANGE_MEDIAN_MS, visibleAfter.get(visibleAfter.size() / 2));
            report.put(size, BenchReport.Row.CHANGE_MAX_MS, visibleAfter.get(visibleAfter.size() - 1));
        }

        log("starting the server jar with default settings (result cache on)");
        try (ServerProcess server = ServerProcess.launched(settings.launcher(), settings.serverJar(), heap(size), content,
                data, dir.resolve("server-default.log"), Map.of())) {
            HttpLoad load = new HttpLoad(server.base());
            // Yesterday's log warms the JIT and leaves the cache as a server that has been answering finds it;
            // today's, from the same mix with another seed, is measured.
            HttpLoad.Replay yesterday = new HttpLoad.Replay(
                    requestPaths("/api/v1/search", helpCenter.queryLog(settings.queryLogLength(), 0)));
            HttpLoad.Replay today = new HttpLoad.Replay(
                    requestPaths("/api/v1/search", helpCenter.queryLog(settings.queryLogLength(), 1)));
            log("warming up on yesterday's query log (not measured)");
            warmUp(round -> load.run(yesterday, 8, round), settings, "search, query log");
            double hits = server.metric("kotae_search_cache_hits_total");
            double misses = server.metric("kotae_search_cache_misses_total");
            log("HTTP search, today's query log");
            HttpLoad.Result result = load.run(today, 8, settings.http());
            report.put(size, BenchReport.Row.LOG_SEARCH, result.latency());
            report.check(result.errors() == 0, result.errors() + " query log searches failed");
            // How far a run gets through the log depends on the machine's speed: a caveat on the figures, not a failure.
            report.caveat(today.sent() <= settings.queryLogLength(), "today's query log ran out and started again");
            double answered = server.metric("kotae_search_cache_hits_total") - hits;
            double computed = server.metric("kotae_search_cache_misses_total") - misses;
            report.put(size, BenchReport.Row.LOG_CACHE_HITS, 100.0 * answered / Math.max(1, answered + computed));
            log("heap");
            report.put(size, BenchReport.Row.HEAP_MB, server.heapAfterGcMib());
        }
    }

    /** One round of load at c=8 with the given durations. */
    private interface LoadRound {
        HttpLoad.Result run(InProcess.Durations durations) throws Exception;
    }

    /** Sends load unmeasured until the rate stops rising (see {@link Settings#warmupRound}). */
    private static void warmUp(LoadRound load, Settings settings, String what) throws Exception {
        double previous = 0;
        int rounds = 0;
        int steadyRounds = 0;
        long start = System.nanoTime();
        while (rounds < settings.maxWarmupRounds()) {
            double rate = load.run(settings.warmupRound()).latency().perSecond();
            rounds++;
            // Two steady rounds in a row: the rate rises in steps as the JIT compiles, and one pair of
            // rounds on a step looked settled at less than half the final rate.
            steadyRounds = rounds > 1 && Math.abs(rate - previous) <= 0.05 * previous ? steadyRounds + 1 : 0;
            previous = rate;
            if (steadyRounds >= 2) {
                break;
            }
        }
        log(String.format(java.util.Locale.ROOT, "warmed up %s for %.0f s (%d rounds, last %,.0f/s)", what,
                (System.nanoTime() - start) / 1e9, rounds, previous));
    }

    /** Share of the benchmark's searches that find something (a check that the queries are realistic). */
    private static double hitShare(InProcess.Fixture fixture) throws IOException {
        int hits = 0;
        for (SyntheticHelpCenter.Query query : fixture.queries()) {
            if (fixture.search(query).total() > 0) {
                hits++;
            }
        }
        return 100.0 * hits / fixture.queries().size();
    }

    /** {@code path?q=…&locale=…} for each query. */
    private static List<String> requestPaths(String path, List<SyntheticHelpCenter.Query> queries) {
        return queries.stream().map(q -> path + "?q=" + encode(q.text()) + "&locale=" + q.locale()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static long directoryBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }

    private Bench() {}
}
