package dev.kotae;

import dev.kotae.config.ConfigLoader;
import dev.kotae.config.KotaeConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code kotae} command line. */
@Command(name = "kotae", mixinStandardHelpOptions = true, versionProvider = Kotae.Version.class,
        description = "Kotae (答え): a self-hosted help center and FAQ search server.",
        subcommands = {Kotae.Serve.class, Kotae.Eval.class})
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

    /** {@code kotae eval}: relevance on FAQ benchmarks, next to a plain BM25 baseline. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Score search and suggestions on FAQ retrieval benchmarks (see docs/relevance.md).")
    static final class Eval implements Callable<Integer> {

        @Option(names = "--sets", paramLabel = "DIR", description = "Folder holding the benchmarks (default: ../shared/eval)")
        Path sets = Path.of("../shared/eval");

        @Option(names = "--runs", paramLabel = "DIR", description = "Where TREC run files go (default: ./eval-runs)")
        Path runs = Path.of("eval-runs");

        @picocli.CommandLine.Parameters(paramLabel = "SET", arity = "0..*",
                description = "Benchmark names (default: StackFAQ localgovFAQ)")
        java.util.List<String> names = java.util.List.of("StackFAQ", "localgovFAQ");

        @Override
        public Integer call() throws Exception {
            java.util.List<dev.kotae.relevance.RelevanceEvaluation.Result> results = new java.util.ArrayList<>();
            for (String name : names) {
                dev.kotae.relevance.FaqBenchmark benchmark = dev.kotae.relevance.FaqBenchmark.load(sets.resolve(name));
                Path work = java.nio.file.Files.createTempDirectory("kotae-eval-");
                try {
                    long start = System.nanoTime();
                    dev.kotae.relevance.RelevanceEvaluation.Result result =
                            dev.kotae.relevance.RelevanceEvaluation.run(benchmark, work, runs);
                    System.out.printf("%s: %d FAQs (%d refused), %d queries, %.1f s%n", name, result.faqs(),
                            result.skipped(), result.queries(), (System.nanoTime() - start) / 1e9);
                    results.add(result);
                } finally {
                    deleteTree(work);
                }
            }
            System.out.println();
            System.out.print(dev.kotae.relevance.RelevanceEvaluation.table(results));
            System.out.println("\nRun files (TREC format) in " + runs.toAbsolutePath()
                    + "; score them with ../shared/eval/evaluate.py QRELS RUN");
            return 0;
        }

        private static void deleteTree(Path root) throws java.io.IOException {
            try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(path);
                }
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
