package dev.kotae.relevance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.KanaNormalizer;
import dev.kotae.index.SuggestKeys;
import dev.kotae.search.Audience;
import dev.kotae.search.Locales;
import dev.kotae.search.SearchRequest;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SearchService;
import dev.kotae.search.SuggestService;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs one benchmark the way the server would serve it. Each FAQ is written as a Markdown file with
 * front matter into a scratch content folder and indexed by the same {@link ContentSync} that indexes a
 * help center; each query goes through the same {@link SearchService} that {@code /api/v1/search}
 * calls, as an anonymous caller. The plain BM25 baseline runs in the same process on the same data.
 */
public final class RelevanceEvaluation {

    /** How much of a question is "typed" for the suggestion check. */
    static final double TYPED_SHARE = 0.4;
    static final int SUGGESTIONS = 5;
    private static final int RUN_DEPTH = 10;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /**
     * The outcome for one benchmark.
     *
     * @param suggestHitRate the share of FAQs whose question is among the top {@value #SUGGESTIONS}
     *     suggestions when the first 40% of it is typed (a question several FAQs share is offered once)
     * @param suggestArticleRate the share of FAQs whose own article is linked from those suggestions
     * @param skipped FAQ files the content pipeline refused (they count as missing in every query)
     */
    public record Result(String benchmark, int faqs, int queries, RankingMetrics baseline, RankingMetrics kotae,
            double suggestHitRate, double suggestArticleRate, int skipped) {}

    private RelevanceEvaluation() {}

    /**
     * Evaluates a benchmark in a scratch folder (deleted afterwards), writing TREC run files for both
     * systems to {@code runs}.
     */
    public static Result run(FaqBenchmark benchmark, Path runs) throws IOException {
        Path work = Files.createTempDirectory("kotae-eval-");
        try {
            return run(benchmark, work, runs);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static Result run(FaqBenchmark benchmark, Path work, Path runs) throws IOException {
        Path content = work.resolve("content");
        writeArticles(benchmark, content);
        Files.createDirectories(runs);
        Map<String, List<String>> baselineRun = new LinkedHashMap<>();
        try (PlainBm25 bm25 = new PlainBm25(benchmark)) {
            for (FaqBenchmark.Query query : benchmark.queries()) {
                baselineRun.put(query.id(), bm25.search(query.text(), RUN_DEPTH));
            }
        }
        writeRun(runs.resolve(benchmark.name() + "-bm25.run"), baselineRun, "bm25");

        Analysis analysis = new Analysis();
        SuggestKeys keys = new SuggestKeys();
        try (ArticleIndex index = ArticleIndex.open(work.resolve("index"), analysis, new ArticleDocuments(keys), "eval")) {
            ContentSync sync = new ContentSync(new ContentFolder(content),
                    new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), benchmark.lang()), index);
            ContentSync.Report report = sync.syncAll();
            Locales locales = new Locales(Set.of("ja", "en"), audience -> {
                try {
                    return index.locales();
                } catch (IOException e) {
                    return Set.of();
                }
            });
            SearchService search = new SearchService(index, analysis, locales);
            Map<String, List<String>> kotaeRun = new LinkedHashMap<>();
            for (FaqBenchmark.Query query : benchmark.queries()) {
                SearchResult result = search.search(new SearchRequest(query.sent(), null, null, null, null, 1, RUN_DEPTH,
                        Audience.PUBLIC));
                kotaeRun.put(query.id(), result.hits().stream().map(SearchResult.Hit::id).toList());
            }
            writeRun(runs.resolve(benchmark.name() + "-kotae.run"), kotaeRun, "kotae");
            SuggestRates suggestRates = suggestRates(benchmark, new SuggestService(index, keys, search, locales));
            return new Result(benchmark.name(), benchmark.faqs().size(), benchmark.qrels().size(),
                    RankingMetrics.score(benchmark.qrels(), baselineRun), RankingMetrics.score(benchmark.qrels(), kotaeRun),
                    suggestRates.question(), suggestRates.article(), report.problems());
        } finally {
            keys.close();
            analysis.close();
        }
    }

    /** Each FAQ as an article file, the way a help center would write it. */
    public static void writeArticles(FaqBenchmark benchmark, Path content) throws IOException {
        Path folder = content.resolve(benchmark.lang());
        Files.createDirectories(folder);
        for (FaqBenchmark.Faq faq : benchmark.faqs()) {
            Map<String, Object> front = new LinkedHashMap<>();
            front.put("id", faq.id());
            front.put("title", faq.question().strip());
            front.put("type", "faq");
            front.put("locale", faq.lang());
            front.put("updated", "2026-01-01");
            String text = "---\n" + YAML.writeValueAsString(front) + "---\n" + faq.answer() + "\n";
            Files.writeString(folder.resolve(faq.id() + ".md"), text, StandardCharsets.UTF_8);
        }
    }

    /** Suggestion checks: the share of FAQs whose question is offered, and whose own article is linked. */
    record SuggestRates(double question, double article) {}

    private static SuggestRates suggestRates(FaqBenchmark benchmark, SuggestService suggest) throws IOException {
        int offered = 0;
        int linked = 0;
        for (FaqBenchmark.Faq faq : benchmark.faqs()) {
            String question = faq.question().strip();
            int typed = (int) Math.ceil(question.codePointCount(0, question.length()) * TYPED_SHARE);
            String prefix = question.substring(0, question.offsetByCodePoints(0, Math.max(1, typed)));
            if (prefix.length() > SuggestService.MAX_INPUT_LENGTH) {
                prefix = prefix.substring(0, SuggestService.MAX_INPUT_LENGTH);
            }
            List<SuggestService.Suggestion> suggestions = suggest.suggest(prefix, null, SUGGESTIONS, Audience.PUBLIC)
                    .suggestions();
            String wanted = KanaNormalizer.normalize(question);
            if (suggestions.stream().anyMatch(s -> s.id().equals(faq.id()) || KanaNormalizer.normalize(s.text()).equals(wanted))) {
                offered++;
            }
            if (suggestions.stream().anyMatch(s -> s.id().equals(faq.id()))) {
                linked++;
            }
        }
        int faqs = Math.max(1, benchmark.faqs().size());
        return new SuggestRates((double) offered / faqs, (double) linked / faqs);
    }

    /** {@code run} (article ids per query id, best first) as a TREC run file tagged {@code tag}. */
    static void writeRun(Path file, Map<String, List<String>> run, String tag) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, List<String>> query : run.entrySet()) {
                List<String> ids = query.getValue();
                for (int i = 0; i < ids.size(); i++) {
                    out.write(query.getKey() + " Q0 " + ids.get(i) + " " + (i + 1) + " " + (ids.size() - i) + " " + tag + "\n");
                }
            }
        }
    }

    /** The results as a Markdown table (what {@code kotae eval} prints and docs/relevance.md records). */
    public static String table(List<Result> results) {
        List<String> lines = new ArrayList<>();
        lines.add("| set | system | MRR@10 | nDCG@10 | SR@1 | P@5 | R@10 | suggest: question offered | suggest: own article |");
        lines.add("|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            lines.add(row(r.benchmark(), "plain Lucene BM25", r.baseline(), "– | –"));
            lines.add(row(r.benchmark(), "Kotae", r.kotae(),
                    String.format("%.3f | %.3f", r.suggestHitRate(), r.suggestArticleRate())));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String row(String set, String system, RankingMetrics m, String suggest) {
        return String.format("| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %s |", set, system, m.mrr10(), m.ndcg10(),
                m.sr1(), m.p5(), m.r10(), suggest);
    }
}
