package dev.kotae.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Sends the same requests to two server jars and reports every answer that differs: the check that a
 * change meant to keep behaviour (a refactoring, a speed-up) keeps every answer.
 *
 * <p>Both jars serve one content folder (a copy of {@code --content} plus a synthetic help center of
 * {@code --synthetic} articles, fixed seed), each from its own copy of one data folder whose index the
 * old jar built, at the same time, on ephemeral loopback ports, with the same settings: one agent token,
 * one session secret, and the result cache at {@code --cache-mb}. With {@code --fresh-index} each builds
 * its own index instead, which also compares indexing, but then hits of equal score may come in another
 * order (the document order of a build is not fixed). Each of {@code --requests} requests
 * ({@link CompareRequests}, fixed seed) goes to the old server, then the new one, and the two answers are
 * compared ({@link AnswerDiff}). Exit status 1 if any differ (0 with {@code --allow-diff}), 2 for a usage
 * error. The report: the counts, and each difference with its request and first differing place.
 *
 * <pre>java -cp bench/target/kotae-bench.jar dev.kotae.bench.Compare --old OLD.jar --new NEW.jar
 *     [--content content] [--synthetic 3000] [--requests 2000] [--cache-mb 0] [--fresh-index] [--work DIR]
 *     [--out REPORT] [--allow-diff]</pre>
 */
public final class Compare {

    static final String USAGE = "usage: java -cp bench/target/kotae-bench.jar dev.kotae.bench.Compare --old JAR --new JAR "
            + "[--content DIR] [--synthetic N] [--requests N] [--cache-mb N] [--fresh-index] [--work DIR] [--out FILE] "
            + "[--allow-diff]";

    /** The agent token both servers are given; agent requests send it. */
    private static final String AGENT_TOKEN = "compare-agent-token";
    /** One session secret for both, so neither generates its own. */
    private static final String SESSION_SECRET = "compare-session-secret-of-at-least-32-chars";
    /** Differences listed in full; beyond this many only counted. */
    private static final int LISTED = 200;

    /** What to compare, from the command line. */
    record Settings(Path oldJar, Path newJar, Path content, int synthetic, int requests, int cacheMegabytes,
            boolean freshIndex, Path work, Path out, boolean allowDiff, String command) {

        static Settings parse(String... args) {
            Path oldJar = null;
            Path newJar = null;
            Path content = Path.of("content");
            int synthetic = 3_000;
            int requests = 2_000;
            int cacheMegabytes = 0;
            Path work = Path.of(System.getProperty("java.io.tmpdir"), "kotae-compare");
            Path out = null;
            boolean freshIndex = false;
            boolean allowDiff = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--old" -> oldJar = Path.of(value(args, ++i));
                    case "--new" -> newJar = Path.of(value(args, ++i));
                    case "--content" -> content = Path.of(value(args, ++i));
                    case "--synthetic" -> synthetic = Integer.parseInt(value(args, ++i));
                    case "--requests" -> requests = Integer.parseInt(value(args, ++i));
                    case "--cache-mb" -> cacheMegabytes = Integer.parseInt(value(args, ++i));
                    case "--fresh-index" -> freshIndex = true;
                    case "--work" -> work = Path.of(value(args, ++i));
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--allow-diff" -> allowDiff = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
            }
            if (oldJar == null || newJar == null) {
                throw new IllegalArgumentException("--old and --new are required\n" + USAGE);
            }
            String command = "java -cp bench/target/kotae-bench.jar dev.kotae.bench.Compare " + String.join(" ", args);
            return new Settings(oldJar, newJar, content, synthetic, requests, cacheMegabytes, freshIndex, work, out,
                    allowDiff, command);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
            }
            return args[i];
        }
    }

    /** A request whose two answers differ, and where. */
    record Difference(CompareRequests.Request request, String where) {}

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Outcome outcome = run(settings);
        outcome.report().forEach(System.out::println);
        if (settings.out() != null) {
            Files.write(settings.out(), outcome.report(), StandardCharsets.UTF_8);
            System.out.println("Written to " + settings.out().toAbsolutePath());
        }
        System.exit(outcome.differences() == 0 || settings.allowDiff() ? 0 : 1);
    }

    /** The report's lines, and how many requests were answered differently. */
    record Outcome(List<String> report, int differences) {}

    static Outcome run(Settings settings) throws Exception {
        for (Path jar : List.of(settings.oldJar(), settings.newJar())) {
            if (!Files.isRegularFile(jar)) {
                throw new IOException("server jar not found: " + jar.toAbsolutePath());
            }
        }
        // Only what a previous comparison left here, in case --work names a folder with other things in it.
        for (String left : List.of("content", "index-build", "old", "new")) {
            Bench.deleteTree(settings.work().resolve(left));
        }
        Path content = settings.work().resolve("content");
        copyTree(settings.content(), content);
        SyntheticHelpCenter helpCenter = null;
        if (settings.synthetic() > 0) {
            log("generating " + settings.synthetic() + " synthetic articles");
            helpCenter = new SyntheticHelpCenter(settings.synthetic());
            helpCenter.writeTo(content, article -> { });
        }
        ContentFacts facts = ContentFacts.read(content);
        List<CompareRequests.Request> requests = new CompareRequests(facts, helpCenter).draw(settings.requests());

        Map<String, String> environment = Map.of(
                "KOTAE_SEARCH_CACHE_MB", Integer.toString(settings.cacheMegabytes()),
                "KOTAE_AUTH_TOKENS", "compare:agent:" + AGENT_TOKEN,
                "KOTAE_SESSION_SECRET", SESSION_SECRET);
        if (!settings.freshIndex()) {
            // Two builds of one content folder order the documents differently (files are indexed in
            // parallel), and hits of equal score come in index order: so both servers get one index.
            log("building the index with the old server");
            Path built = settings.work().resolve("index-build");
            start(settings.oldJar(), content, built, environment).close();
            copyTree(built.resolve("data"), settings.work().resolve("old").resolve("data"));
            copyTree(built.resolve("data"), settings.work().resolve("new").resolve("data"));
        }
        log("starting the old server " + settings.oldJar());
        try (ServerProcess old = start(settings.oldJar(), content, settings.work().resolve("old"), environment)) {
            log("starting the new server " + settings.newJar());
            try (ServerProcess updated = start(settings.newJar(), content, settings.work().resolve("new"), environment)) {
                return compare(settings, facts, requests, old, updated);
            }
        }
    }

    /** Starts {@code jar} on {@code dir/data} (created if missing), logging to {@code dir/server.log}. */
    private static ServerProcess start(Path jar, Path content, Path dir, Map<String, String> environment)
            throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        return ServerProcess.start(jar, content, data, dir.resolve("server.log"), List.of("-Xmx1g"), environment);
    }

    private static Outcome compare(Settings settings, ContentFacts facts, List<CompareRequests.Request> requests,
            ServerProcess old, ServerProcess updated) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ObjectMapper json = new ObjectMapper();
        List<Difference> differences = new ArrayList<>();
        Map<String, int[]> byKind = new TreeMap<>(); // kind → {sent, identical}
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int searchesWithHits = 0;
        int corrections = 0;
        for (int i = 0; i < requests.size(); i++) {
            CompareRequests.Request request = requests.get(i);
            AnswerDiff.Answer oldAnswer = send(client, old.base(), request);
            AnswerDiff.Answer newAnswer = send(client, updated.base(), request);
            Optional<String> difference = AnswerDiff.firstDifference(oldAnswer, newAnswer);
            int[] counts = byKind.computeIfAbsent(request.kind(), k -> new int[2]);
            counts[0]++;
            if (difference.isEmpty()) {
                counts[1]++;
            } else {
                differences.add(new Difference(request, difference.get()));
            }
            byStatus.merge(oldAnswer.status(), 1, Integer::sum);
            if (request.path().startsWith("/api/v1/search?") && oldAnswer.status() == 200) {
                JsonNode answer = json.readTree(oldAnswer.body());
                searchesWithHits += answer.path("hits").isEmpty() ? 0 : 1;
                corrections += answer.path("didYouMean").isTextual() ? 1 : 0;
            }
            if ((i + 1) % 500 == 0) {
                log((i + 1) + " requests sent, " + differences.size() + " different");
            }
        }

        List<String> report = new ArrayList<>();
        report.add(settings.command());
        report.add("old: " + settings.oldJar() + ", new: " + settings.newJar() + "; " + facts.articles().size()
                + " articles; " + (settings.freshIndex() ? "each built its own index" : "one index, built by the old jar")
                + "; result cache " + (settings.cacheMegabytes() == 0 ? "off" : settings.cacheMegabytes() + " MB"));
        report.add("requests: " + requests.size());
        report.add("identical: " + (requests.size() - differences.size()));
        report.add("different: " + differences.size());
        StringBuilder kinds = new StringBuilder("by kind (identical/sent):");
        byKind.forEach((kind, counts) -> kinds.append(' ').append(kind).append(' ').append(counts[1]).append('/')
                .append(counts[0]));
        report.add(kinds.toString());
        report.add("old server's statuses: " + byStatus + "; searches with hits: " + searchesWithHits
                + ", with didYouMean: " + corrections);
        // With the cache on: that answers from the cache were compared too, not only fresh searches.
        report.add("searches answered from the result cache: old " + (long) old.metric("kotae_search_cache_hits_total")
                + ", new " + (long) updated.metric("kotae_search_cache_hits_total"));
        for (Difference difference : differences.subList(0, Math.min(LISTED, differences.size()))) {
            report.add("DIFF " + difference.request() + "\n     " + difference.where());
        }
        if (differences.size() > LISTED) {
            report.add("… and " + (differences.size() - LISTED) + " more differences");
        }
        return new Outcome(report, differences.size());
    }

    private static AnswerDiff.Answer send(HttpClient client, URI base, CompareRequests.Request request)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path()))
                .timeout(Duration.ofSeconds(60));
        if (request.agent()) {
            builder.header("Authorization", "Bearer " + AGENT_TOKEN);
        }
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new AnswerDiff.Answer(response.statusCode(), response.body());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void log(String message) {
        System.out.println("[compare] " + message);
    }

    private Compare() {}
}
