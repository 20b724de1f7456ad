package dev.kotae.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The figures of one run, by size, and their Markdown table with the machine and the command. */
final class BenchReport {

    static final String START = "<!-- bench:start -->";
    static final String END = "<!-- bench:end -->";

    /** One line of the table: what is measured, and the target for it ("" if none). */
    record Row(String label, String target) {
        static final Row CORPUS_MB = new Row("Markdown on disk (MB)", "");
        static final Row BUILD_SECONDS = new Row("Full index build (s)", "100k: ≤ 60");
        static final Row BUILD_RATE = new Row("Build throughput (articles/s)", "");
        static final Row INDEX_MB = new Row("Index on disk (MB)", "");
        static final Row STARTUP_SECONDS = new Row("Start-up to ready, existing index (s)", "100k: ≤ 3");
        static final Row CHANGE_MEDIAN_MS = new Row("Changed file searchable, median (ms)", "");
        static final Row CHANGE_MAX_MS = new Row("Changed file searchable, max (ms)", "100k: ≤ 1000");
        static final Row HEAP_MB = new Row("Heap in use after GC, default settings, after the query log (MB)", "100k: ≤ 512");
        static final Row WARM_MEDIAN_MS = new Row("Search in-process, " + AfterEdit.SEARCHES
                + " searches one by one, warm: median (ms)", "");
        static final Row WARM_MAX_MS = new Row("Search in-process, the same, warm: max (ms)", "");
        static final Row IDLE_MEDIAN_MS = new Row("Search in-process, the same, after 2 s idle, no edit: median (ms)", "");
        static final Row IDLE_MAX_MS = new Row("Search in-process, the same, after 2 s idle, no edit: max (ms)", "");
        static final Row AFTER_EDIT_MEDIAN_MS = new Row("Search in-process, the same, first after an edit: median (ms)",
                "100k: ≤ 1.5 × warm");
        static final Row AFTER_EDIT_MAX_MS = new Row("Search in-process, the same, first after an edit: max (ms)",
                "100k: ≤ 1.5 × warm");
        static final Row QUERIES_WITH_HITS = new Row("Benchmark searches that find something (%)", "");
        static final Row OVERHEAD_MS = new Row("HTTP c=1 median − plain Lucene c=1 median (ms)", "10k: ≤ 1");
        /** The same, against plain Lucene over HTTP: Kotae's own share, without the round trip's. */
        static final Row OVERHEAD_OVER_HTTP_MS = new Row("HTTP c=1 median − plain Lucene on bare Jetty c=1 median (ms)", "");

        /** The server as shipped (result cache on), on a stream of searches in which popular ones repeat. */
        static final Row LOG_SEARCH = new Row("Search HTTP c=8, a day's query log, result cache on (default) "
                + "p50 / p99 (ms), per s", "");
        static final Row LOG_CACHE_HITS = new Row("Searches of that log answered from the result cache (%)", "");

        static Row search(int concurrency, boolean inProcess) {
            return new Row((inProcess ? "Search in-process" : "Search HTTP") + " c=" + concurrency
                    + " p50 / p99 (ms), per s", inProcess ? "" : concurrency == 8
                    ? "10k: ≤ 2 / ≤ 10, ≥ 2000; 100k: p99 ≤ 20" : "");
        }

        static Row suggest(int concurrency, boolean inProcess) {
            return new Row((inProcess ? "Suggest in-process" : "Suggest HTTP") + " c=" + concurrency
                    + " p50 / p99 (ms), per s", !inProcess && concurrency == 4 ? "10k: p99 ≤ 3" : "");
        }

        static Row plain(int concurrency) {
            return new Row("Plain Lucene search c=" + concurrency + " p50 / p99 (ms), per s", "");
        }

        /** The same plain Lucene search behind a bare Jetty handler: the floor for the HTTP rows. */
        static Row plainHttp(int concurrency) {
            return new Row("Plain Lucene on bare Jetty HTTP c=" + concurrency + " p50 / p99 (ms), per s", "");
        }
    }

    private static final List<Row> ORDER = List.of(Row.CORPUS_MB, Row.BUILD_SECONDS, Row.BUILD_RATE, Row.INDEX_MB,
            Row.STARTUP_SECONDS, Row.CHANGE_MEDIAN_MS, Row.CHANGE_MAX_MS, Row.WARM_MEDIAN_MS, Row.WARM_MAX_MS,
            Row.IDLE_MEDIAN_MS, Row.IDLE_MAX_MS, Row.AFTER_EDIT_MEDIAN_MS, Row.AFTER_EDIT_MAX_MS, Row.HEAP_MB,
            Row.QUERIES_WITH_HITS,
            Row.plain(1), Row.plain(8), Row.search(1, true), Row.search(8, true), Row.plainHttp(1), Row.plainHttp(8),
            Row.search(1, false), Row.search(8, false), Row.OVERHEAD_MS, Row.OVERHEAD_OVER_HTTP_MS,
            Row.LOG_SEARCH, Row.LOG_CACHE_HITS, Row.suggest(1, true), Row.suggest(8, true), Row.suggest(1, false),
            Row.suggest(4, false), Row.suggest(8, false));

    /** Every row of the table, in order. */
    static List<Row> rows() {
        return ORDER;
    }

    private final String command;
    private final List<Integer> sizes;
    private final Map<Integer, Map<Row, Object>> figures = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> caveats = new ArrayList<>();

    BenchReport(String command, List<Integer> sizes) {
        this.command = command;
        this.sizes = List.copyOf(sizes);
    }

    void put(int size, Row row, Object value) {
        figures.computeIfAbsent(size, s -> new LinkedHashMap<>()).put(row, value);
    }

    /** A measured figure, or an overhead row derived from two of them; {@code null} if not measured. */
    Object get(int size, Row row) {
        Map<Row, Object> measured = figures.getOrDefault(size, Map.of());
        if (row.equals(Row.OVERHEAD_MS)) {
            return medianAbove(measured, Row.plain(1));
        }
        if (row.equals(Row.OVERHEAD_OVER_HTTP_MS)) {
            return medianAbove(measured, Row.plainHttp(1));
        }
        return measured.get(row);
    }

    /**
     * Kotae's HTTP c=1 median minus {@code baseline}'s, or {@code null} if either is missing. Below the
     * baseline it is negative, a figure like any other (a negative measurement is "not measured" elsewhere).
     */
    private static Difference medianAbove(Map<Row, Object> measured, Row baseline) {
        return measured.get(Row.search(1, false)) instanceof Latency http
                && measured.get(baseline) instanceof Latency plain ? new Difference(http.p50Millis() - plain.p50Millis()) : null;
    }

    /** One figure less another, in milliseconds. */
    record Difference(double millis) {}

    /** Records something that went wrong in the run (shown under the table; the smoke test fails on it). */
    void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Records a condition on the figures that depends on the machine's speed (shown under the table, but
     * not a problem: the smoke test must pass on a slow or a fast machine alike).
     */
    void caveat(boolean ok, String caveat) {
        if (!ok) {
            caveats.add(caveat);
        }
    }

    List<String> caveats() {
        return List.copyOf(caveats);
    }

    /** The table in Markdown, with the machine it ran on and the command that made it. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("Run on ").append(LocalDate.now()).append(", ").append(machine()).append(".\n\n");
        out.append("Command: `").append(command).append("`\n\n");
        out.append("| measure |");
        sizes.forEach(size -> out.append(' ').append(String.format(Locale.ROOT, "%,d", size)).append(" articles |"));
        out.append(" target |\n|---|");
        sizes.forEach(size -> out.append("---:|"));
        out.append("---|\n");
        for (Row row : ORDER) {
            out.append("| ").append(row.label()).append(" |");
            for (int size : sizes) {
                out.append(' ').append(format(get(size, row))).append(" |");
            }
            out.append(' ').append(row.target()).append(" |\n");
        }
        if (!problems.isEmpty()) {
            out.append("\nProblems in this run:\n");
            problems.forEach(problem -> out.append("- ").append(problem).append('\n'));
        }
        if (!caveats.isEmpty()) {
            out.append("\nCaveats of this run:\n");
            caveats.forEach(caveat -> out.append("- ").append(caveat).append('\n'));
        }
        return out.toString();
    }

    /** Puts the table between the bench markers of {@code file}, keeping the prose around it. */
    void writeInto(Path file) throws IOException {
        String block = START + "\n" + table() + END;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Matcher markers = Pattern.compile(Pattern.quote(START) + ".*?" + Pattern.quote(END), Pattern.DOTALL).matcher(text);
        String updated = markers.find() ? markers.replaceFirst(Matcher.quoteReplacement(block))
                : text + (text.isEmpty() ? "" : "\n") + block + "\n";
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    private static String format(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Latency latency) {
            return String.format(Locale.ROOT, "%s / %s, %,.0f", decimals(latency.p50Millis()),
                    decimals(latency.p99Millis()), latency.perSecond());
        }
        if (value instanceof Difference difference) {
            return (difference.millis() < 0 ? "−" : "") + decimals(Math.abs(difference.millis()));
        }
        if (value instanceof Double number) {
            return number < 0 ? "n/a" : decimals(number);
        }
        return String.valueOf(value);
    }

    private static String decimals(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s, %d cores, %s, %s %s (%s), max heap of the bench JVM %d MB",
                cpuModel(), runtime.availableProcessors(), memory(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                runtime.maxMemory() / 1048576);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "unknown CPU";
    }

    private static String memory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.round(os.getTotalMemorySize() / 1073741824.0) + " GiB RAM";
        }
        return "unknown RAM";
    }
}
