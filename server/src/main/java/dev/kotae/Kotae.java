package dev.kotae;

import dev.kotae.config.ConfigLoader;
import dev.kotae.config.KotaeConfig;
import dev.kotae.index.Analysis;
import dev.kotae.relevance.FaqBenchmark;
import dev.kotae.relevance.LearningEvaluation;
import dev.kotae.relevance.LearningSplit;
import dev.kotae.relevance.RelevanceEvaluation;
import dev.kotae.relevance.TypingEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code kotae} command line. */
@Command(name = "kotae", mixinStandardHelpOptions = true, versionProvider = Kotae.Version.class,
        description = "Kotae (答え): a self-hosted help center and FAQ search server.",
        subcommands = {Kotae.Serve.class, Kotae.Eval.class, UsersCommand.class})
public final class Kotae implements Runnable {

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new Kotae()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code kotae serve}: index the content folder and serve it over HTTP until stopped. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Index the content folder and serve the help center and its API.")
    static final class Serve implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(Serve.class);

        @Option(names = "--content", paramLabel = "DIR", description = "Markdown articles (default: ./content)")
        Path content;

        @Option(names = "--data", paramLabel = "DIR", description = "Index and stored feedback (default: ./data)")
        Path data;

        @Option(names = "--port", paramLabel = "N", description = "HTTP port, 0 for any free one (default: 8080)")
        Integer port;

        @Option(names = "--host", paramLabel = "ADDR", description = "Address to bind (default: 0.0.0.0)")
        String host;

        @Option(names = "--plugins", paramLabel = "DIR", description = "Plugin folder of jars/zips (default: none)")
        Path plugins;

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: ./kotae.yml if present)")
        Path configFile;

        @Override
        public Integer call() throws Exception {
            JvmMemory.applyDefaults();
            Analysis.preloadDictionaries();
            KotaeConfig config;
            try {
                config = ConfigLoader.load(configFile, System.getenv());
            } catch (Exception e) {
                LOG.error("Configuration error: {}", e.getMessage());
                return 2;
            }
            if (content != null) config = config.withContent(content);
            if (data != null) config = config.withData(data);
            if (port != null) config = config.withPort(port);
            if (host != null) config = config.withHost(host);
            if (plugins != null) config = config.withPlugins(plugins);

            KotaeApp app;
            try {
                app = KotaeApp.start(config);
            } catch (Exception e) {
                LOG.error("Kotae could not start: {}", e.getMessage());
                LOG.debug("Start-up failure", e);
                return 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOG.info("Stopping Kotae");
                try {
                    app.close();
                } catch (Exception e) {
                    LOG.warn("Error while stopping: {}", e.getMessage());
                }
                stopped.countDown();
            }, "kotae-shutdown"));
            stopped.await();
            return 0;
        }
    }

    /**
     * {@code kotae eval}: relevance on FAQ benchmarks, next to a plain BM25 baseline, and Japanese as
     * people type it (kana, half-width, romaji) on the help center in {@code --content}. With
     * {@code --learn}, instead: how much a server learns from simulated customers' clicks on each
     * benchmark, over HTTP ({@link LearningEvaluation}).
     */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Score search and suggestions on FAQ retrieval benchmarks and on Japanese queries as "
                    + "people type them (see docs/relevance.md).")
    static final class Eval implements Callable<Integer> {

        @Option(names = "--sets", paramLabel = "DIR", description = "Folder holding the benchmarks (default: ../shared/eval)")
        Path sets = Path.of("../shared/eval");

        @Option(names = "--runs", paramLabel = "DIR", description = "Where TREC run files go (default: ./eval-runs)")
        Path runs = Path.of("eval-runs");

        @Option(names = "--content", paramLabel = "DIR",
                description = "The sample help center the Japanese typing set is written for (default: ./content)")
        Path content = Path.of("content");

        @Parameters(paramLabel = "SET", arity = "0..*", description = "Benchmark names (default: StackFAQ localgovFAQ)")
        List<String> names = List.of("StackFAQ", "localgovFAQ");

        @Option(names = "--learn", description = "Measure learning from clicks instead: start a server on each "
                + "benchmark, replay half of its dev queries as visitors clicking, let it learn (then approve as an "
                + "agent), and score the other half over HTTP")
        boolean learn;

        @Option(names = "--visitors", paramLabel = "N", description = "With --learn: visitors asking each traffic query "
                + "(default: 5)")
        int visitors = LearningEvaluation.Options.DEFAULTS.visitors();

        @Option(names = "--seed", paramLabel = "N", description = "With --learn: the click model's seed (default: 28)")
        long seed = LearningEvaluation.Options.DEFAULTS.seed();

        @Option(names = "--swapped", description = "With --learn: score the traffic half and replay the scored half, "
                + "to see how much the figures owe to which half is scored (a check; the reported figures use the "
                + "usual split)")
        boolean swapped;

        @Override
        public Integer call() throws Exception {
            if (learn) {
                return learn();
            }
            List<RelevanceEvaluation.Result> results = new ArrayList<>();
            for (String name : names) {
                Path folder = benchmark(name);
                if (folder == null) {
                    continue;
                }
                long start = System.nanoTime();
                RelevanceEvaluation.Result result = RelevanceEvaluation.run(FaqBenchmark.load(folder), runs);
                System.out.printf("%s: %d FAQs (%d refused), %d queries, %.1f s%n", name, result.faqs(),
                        result.skipped(), result.queries(), (System.nanoTime() - start) / 1e9);
                results.add(result);
            }
            if (!results.isEmpty()) {
                System.out.println();
                System.out.print(RelevanceEvaluation.table(results));
                System.out.println("\nRun files (TREC format) in " + runs.toAbsolutePath()
                        + "; score them with ../shared/eval/evaluate.py QRELS RUN");
            }
            typing();
            return 0;
        }

        /** The folder of benchmark {@code name}, or {@code null} (with a message) when it is not there. */
        private Path benchmark(String name) {
            Path folder = sets.resolve(name);
            if (!Files.isRegularFile(folder.resolve("corpus.jsonl"))) {
                System.out.printf("%s: skipped, no benchmark at %s (the dev sets live in ../shared/eval beside "
                        + "the repository; --sets DIR)%n", name, folder.toAbsolutePath().normalize());
                return null;
            }
            return folder;
        }

        /** {@code --learn}: each benchmark on a server of its own; 1 when a set could not be evaluated (the others are). */
        private int learn() throws Exception {
            LearningSplit split = swapped ? LearningSplit.SWAPPED : LearningSplit.REPORTED;
            LearningEvaluation.Options options = new LearningEvaluation.Options(visitors, seed,
                    LearningEvaluation.Options.DEFAULTS.threads(), split);
            List<LearningEvaluation.Result> results = new ArrayList<>();
            int failed = 0;
            for (String name : names) {
                Path folder = benchmark(name);
                if (folder == null) {
                    continue;
                }
                long start = System.nanoTime();
                LearningEvaluation.Result result;
                try {
                    result = LearnEvalRun.run(FaqBenchmark.load(folder), options, runs);
                } catch (IOException e) {
                    System.out.printf("%s: learning not measured: %s%n", name, e.getMessage());
                    failed++;
                    continue; // the other sets are still worth measuring and printing
                }
                System.out.printf("%s: %d scored queries, %d visits, %.1f s%n", name, result.scored(),
                        result.traffic().visits(), (System.nanoTime() - start) / 1e9);
                results.add(result);
            }
            if (!results.isEmpty()) {
                System.out.println();
                System.out.print(LearningEvaluation.table(results));
                if (swapped) {
                    System.out.println("\nSwapped halves (--swapped): a check of how much the figures owe to the half "
                            + "scored, not the reported figures");
                }
                System.out.println("\nRun files (TREC format, scored queries only) in " + runs.toAbsolutePath());
            }
            return failed == 0 ? 0 : 1;
        }

        /** The Japanese typing set on the sample help center: needs only the content folder. */
        private void typing() throws Exception {
            System.out.println();
            if (!Files.isDirectory(content.resolve("ja"))) {
                System.out.printf("Japanese as people type it: skipped, no sample help center at %s (the bundled "
                        + "content/ folder; --content DIR)%n", content.toAbsolutePath().normalize());
                return;
            }
            long start = System.nanoTime();
            TypingEvaluation.Result typing = TypingEvalRun.run(content);
            TypingEvaluation.Tally all = typing.typedOverall();
            System.out.printf("Japanese as people type it: %d counted queries on %s, %.1f s%n%n", all.queries(),
                    content.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1e9);
            System.out.print(typing.table());
            System.out.printf("%nTarget (issue 27): top 3 >= %.2f, first >= %.2f: %s%n", TypingEvaluation.TOP3_TARGET,
                    TypingEvaluation.FIRST_TARGET, typing.meetsTargets() ? "met" : "not met");
            if (!typing.misses().isEmpty()) {
                System.out.println("Not first (kind, query, wanted, got):");
                System.out.print(typing.missList());
            }
            if (!typing.writtenMisses().isEmpty()) {
                System.out.println("Written form not first (the control; kind, written form, wanted, got):");
                System.out.print(typing.writtenMissList());
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kotae " + KotaeApp.version()};
        }
    }
}
