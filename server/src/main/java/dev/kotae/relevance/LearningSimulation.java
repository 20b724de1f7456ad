package dev.kotae.relevance;

import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.LanguageFamily;
import dev.kotae.index.LearnedIndexing;
import dev.kotae.index.LearnedPhrasings;
import dev.kotae.index.SuggestKeys;
import dev.kotae.learning.Decision;
import dev.kotae.learning.Evidence;
import dev.kotae.learning.Learned;
import dev.kotae.learning.LearnedBuilder;
import dev.kotae.learning.LearningMode;
import dev.kotae.search.Audience;
import dev.kotae.search.LearnedWeights;
import dev.kotae.search.Locales;
import dev.kotae.search.SearchRequest;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SearchService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Learning from clicks simulated in process, for tuning what ranking does with a {@link Learned}: a
 * benchmark is indexed as {@link RelevanceEvaluation} indexes it; each past-traffic query
 * ({@link LearningSplit#traffic}) is asked by {@value #VISITORS} simulated visitors who click as the seeded
 * {@link ClickModel} says on the top {@value #SHOWN} hits; their clicks become {@link Evidence} (sessions:
 * the distinct visitors who clicked an article; clicks weighted by {@code 1 / P(examined at rank)}; skips:
 * visitors who passed it over above a click; satisfied: the visitor's last click ended the visit well),
 * which {@link LearnedBuilder} turns into a {@link Learned} published through the index's own sink. The
 * scored queries ({@link LearningSplit#scored}) are then searched with nothing learned, with what clicks
 * taught ({@link LearningMode#AUTOMATIC}), and with an agent's approval on top (each learned phrasing approved
 * when the qrels say its article is the query's answer, rejected otherwise; a query that never ended well
 * routed to its answer), each with the learned
 * questions alone, the click prior alone and both.
 *
 * <p>Not the end-to-end measurement: that replays the same traffic through the real server's HTTP API.
 */
public final class LearningSimulation {

    /** Simulated visitors per traffic query. */
    static final int VISITORS = 5;
    /** Hits a visitor is shown. */
    static final int SHOWN = 10;
    static final long SEED = 28;
    private static final Instant SEEN = Instant.parse("2026-12-01T00:00:00Z");

    /**
     * How a run is simulated, as {@link #main}'s options say.
     *
     * @param split which half of the queries is scored ({@code --swapped}: the other one, as a check)
     * @param seed the click model's seed ({@code --seed N}; another seed is another realisation of the
     *     same visitors)
     * @param diagnose whether the run prints how much of the traffic taught anything ({@code --diagnose})
     * @param reviewInUseOnly whether the simulated agent decides only on the phrasings automatic learning
     *     uses, leaving evidence below the minimum undecided ({@code --review-in-use}); otherwise it decides
     *     on every phrasing visitors clicked, as {@code kotae eval --learn}'s agent decides on every
     *     phrasing the admin API lists
     */
    public record Options(LearningSplit split, long seed, boolean diagnose, boolean reviewInUseOnly) {}

    /** One measured configuration: what was learned from, and how much it weighs. */
    public record Row(String benchmark, String learned, String use, LearnedWeights weights, RankingMetrics metrics) {}

    private LearningSimulation() {}

    /** The rows for {@code benchmark}: nothing learned, then each of {@code uses} for clicks and for approval. */
    public static List<Row> run(FaqBenchmark benchmark, Map<String, LearnedWeights> uses, Options options)
            throws IOException {
        Path work = Files.createTempDirectory("kotae-learn-");
        try {
            return run(benchmark, work, uses, options);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static List<Row> run(FaqBenchmark benchmark, Path work, Map<String, LearnedWeights> uses,
            Options options) throws IOException {
        Path content = work.resolve("content");
        RelevanceEvaluation.writeArticles(benchmark, content);
        Analysis analysis = new Analysis();
        SuggestKeys keys = new SuggestKeys();
        LearnedPhrasings phrasings = new LearnedPhrasings(analysis);
        try (ArticleIndex index = ArticleIndex.open(work.resolve("index"), analysis,
                new ArticleDocuments(keys, phrasings), "learn")) {
            new ContentSync(new ContentFolder(content),
                    new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), benchmark.lang()), index).syncAll();
            Locales locales = new Locales(Set.of("ja", "en"), audience -> Set.of("ja", "en"));
            LearnedIndexing sink = new LearnedIndexing(index, phrasings);
            List<FaqBenchmark.Query> scored = options.split().scored(benchmark.queries());
            Map<String, Map<String, Integer>> scoredQrels = benchmark.qrelsOf(scored);

            SearchService plain = new SearchService(index, analysis, locales);
            List<Evidence> evidence = traffic(benchmark, plain, options);
            Map<Evidence.Key, Decision> decisions = approvals(benchmark, evidence, options);
            if (options.diagnose()) {
                diagnose(benchmark, evidence, scored, options.split());
            }

            List<Row> rows = new ArrayList<>();
            rows.add(new Row(benchmark.name(), "none", "-", LearnedWeights.NONE,
                    RankingMetrics.score(scoredQrels, ranked(plain, scored))));
            Map<String, Learned> learnedFrom = new LinkedHashMap<>();
            learnedFrom.put("clicks", LearnedBuilder.build(1, evidence, Map.of(), LearningMode.AUTOMATIC));
            learnedFrom.put("clicks+approval", LearnedBuilder.build(2, evidence, decisions, LearningMode.AUTOMATIC));
            for (Map.Entry<String, Learned> learned : learnedFrom.entrySet()) {
                sink.publish(learned.getValue());
                for (Map.Entry<String, LearnedWeights> use : uses.entrySet()) {
                    LearnedWeights weights = use.getValue();
                    SearchService search = new SearchService(index, analysis, locales, family -> weights);
                    rows.add(new Row(benchmark.name(), learned.getKey(), use.getKey(), weights,
                            RankingMetrics.score(scoredQrels, ranked(search, scored))));
                }
            }
            return rows;
        } finally {
            keys.close();
            analysis.close();
        }
    }

    /** Each query's top hits as an anonymous visitor gets them. */
    private static Map<String, List<String>> ranked(SearchService search, List<FaqBenchmark.Query> queries)
            throws IOException {
        Map<String, List<String>> run = new LinkedHashMap<>();
        for (FaqBenchmark.Query query : queries) {
            run.put(query.id(), shown(search, query));
        }
        return run;
    }

    private static List<String> shown(SearchService search, FaqBenchmark.Query query) throws IOException {
        SearchResult result = search.search(new SearchRequest(query.sent(), null, null, null, null, 1, SHOWN,
                Audience.PUBLIC));
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    /** What one query taught about one article so far. */
    private static final class Tally {
        final Set<Integer> sessions = new HashSet<>();
        final Set<Integer> skipped = new HashSet<>();
        double clicks;
        double satisfied;
    }

    /** The evidence {@value #VISITORS} visitors per traffic query leave, from the hits {@code search} shows. */
    static List<Evidence> traffic(FaqBenchmark benchmark, SearchService search, Options options) throws IOException {
        ClickModel model = new ClickModel(options.seed());
        List<Evidence> evidence = new ArrayList<>();
        int visitor = 0;
        for (FaqBenchmark.Query query : options.split().traffic(benchmark.queries())) {
            Map<String, Integer> grades = benchmark.qrels().getOrDefault(query.id(), Map.of());
            List<String> shown = shown(search, query);
            Map<String, Tally> tallies = new LinkedHashMap<>();
            for (int v = 0; v < VISITORS; v++, visitor++) {
                ClickModel.Visit visit = model.visit(shown, grades);
                Set<String> clicked = new HashSet<>();
                int lowest = 0;
                for (ClickModel.Click click : visit.clicks()) {
                    Tally tally = tallies.computeIfAbsent(click.articleId(), id -> new Tally());
                    tally.sessions.add(visitor);
                    tally.clicks += Math.pow(click.rank(), ClickModel.BIAS); // 1 / P(examined at the rank)
                    clicked.add(click.articleId());
                    lowest = Math.max(lowest, click.rank());
                }
                if (visit.satisfied() && !visit.clicks().isEmpty()) {
                    tallies.get(visit.clicks().get(visit.clicks().size() - 1).articleId()).satisfied++;
                }
                for (int rank = 1; rank < lowest; rank++) {
                    if (!clicked.contains(shown.get(rank - 1))) {
                        tallies.computeIfAbsent(shown.get(rank - 1), id -> new Tally()).skipped.add(visitor);
                    }
                }
            }
            String group = Analysis.fold(query.text().strip());
            tallies.forEach((article, tally) -> evidence.add(new Evidence(group, query.text().strip(), article,
                    Evidence.Scope.PUBLIC, tally.sessions.size(), tally.sessions.size(), tally.clicks,
                    tally.skipped.size(), tally.satisfied, SEEN)));
        }
        return evidence;
    }

    /**
     * An agent's decisions. On what visitors clicked: approved where the qrels say the article is the query's
     * answer (its top grade), else rejected. A traffic query whose visitors never ended well (the low-click
     * table) is routed to its answer, as an agent says "this query should go to article X": to the first
     * of its top-grade articles by id, one article as an agent would pick.
     */
    static Map<Evidence.Key, Decision> approvals(FaqBenchmark benchmark, List<Evidence> evidence, Options options) {
        Map<String, String> idByGroup = new HashMap<>();
        for (FaqBenchmark.Query query : options.split().traffic(benchmark.queries())) {
            idByGroup.put(Analysis.fold(query.text().strip()), query.id());
        }
        Map<Evidence.Key, Decision> decisions = new HashMap<>();
        Set<String> endedWell = new HashSet<>();
        for (Evidence row : evidence) {
            if (row.satisfied() > 0) {
                endedWell.add(row.queryGroup());
            }
            if (row.sessions() < 1) {
                continue; // only passed over: no phrasing an agent is shown
            }
            if (options.reviewInUseOnly() && LearnedBuilder.confidence(row) <= 0) {
                continue; // below the minimum: automatic learning does not use it, the agent leaves it undecided
            }
            boolean answers = FaqBenchmark.isAnswer(benchmark.qrels().getOrDefault(idByGroup.get(row.queryGroup()), Map.of()),
                    row.articleId());
            decisions.put(row.key(), answers ? Decision.APPROVED : Decision.REJECTED);
        }
        idByGroup.forEach((group, id) -> {
            Map<String, Integer> grades = benchmark.qrels().getOrDefault(id, Map.of());
            int best = FaqBenchmark.topGrade(grades);
            if (!endedWell.contains(group) && best > 0) {
                grades.entrySet().stream().filter(grade -> grade.getValue() == best).map(Map.Entry::getKey)
                        .sorted().findFirst().ifPresent(article -> decisions.put(
                                new Evidence.Key(group, article, Evidence.Scope.PUBLIC), Decision.ROUTED));
            }
        });
        return decisions;
    }

    /**
     * Prints how far the traffic reached: evidence rows, those past the minimum (and of them on the query's
     * answer, and confident enough to be learned questions), those below it; and how many scored queries
     * have an answer that learned anything from clicks, the most learning can help.
     */
    private static void diagnose(FaqBenchmark benchmark, List<Evidence> evidence, List<FaqBenchmark.Query> scored,
            LearningSplit split) {
        Map<String, String> idByGroup = new HashMap<>();
        for (FaqBenchmark.Query query : split.traffic(benchmark.queries())) {
            idByGroup.put(Analysis.fold(query.text().strip()), query.id());
        }
        int used = 0;
        int usedOnAnswer = 0;
        int questions = 0;
        int belowMinimum = 0;
        int belowMinimumOnAnswer = 0;
        for (Evidence row : evidence) {
            boolean answer = FaqBenchmark.isAnswer(benchmark.qrels().getOrDefault(idByGroup.get(row.queryGroup()), Map.of()),
                    row.articleId());
            double confidence = LearnedBuilder.confidence(row);
            if (confidence > 0) {
                used++;
                usedOnAnswer += answer ? 1 : 0;
                questions += confidence >= LearnedBuilder.QUESTION_CONFIDENCE ? 1 : 0;
            } else if (row.sessions() >= 1) {
                belowMinimum++;
                belowMinimumOnAnswer += answer ? 1 : 0;
            }
        }
        Learned clicks = LearnedBuilder.build(1, evidence, Map.of(), LearningMode.AUTOMATIC);
        int answerLearned = 0;
        for (FaqBenchmark.Query query : scored) {
            Map<String, Integer> grades = benchmark.qrels().getOrDefault(query.id(), Map.of());
            answerLearned += grades.keySet().stream()
                    .anyMatch(article -> FaqBenchmark.isAnswer(grades, article) && !clicks.of(article).isEmpty()) ? 1 : 0;
        }
        System.out.printf("%s: %d traffic queries, %d evidence rows clicked; past the minimum %d (on the answer %d,"
                + " learned questions %d), below it %d (on the answer %d); %d of %d scored queries have an answer"
                + " that learned from clicks%n", benchmark.name(), idByGroup.size(), used + belowMinimum, used,
                usedOnAnswer, questions, belowMinimum, belowMinimumOnAnswer, answerLearned, scored.size());
    }

    /** The rows as a Markdown table. */
    public static String table(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add("| set | learned from | used as | weights (questions, prior) | SR@1 | MRR@10 | nDCG@10 |");
        lines.add("|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            lines.add(String.format("| %s | %s | %s | %.2f, %.2f | %.3f | %.3f | %.3f |", row.benchmark(),
                    row.learned(), row.use(), row.weights().questions(), row.weights().prior(), row.metrics().sr1(),
                    row.metrics().mrr10(), row.metrics().ndcg10()));
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * Prints the table for the benchmarks under {@code args[0]} (default {@code ../shared/eval}) named by the
     * other arguments (default both): the profile's weights as learned questions alone, click prior alone and
     * both ({@code --quick}: both only); with {@code --sweep} first, a grid of weights too; with
     * {@code --diagnose}, how far the traffic reached; with {@code --review-in-use}, the agent decides only on
     * what automatic learning uses; {@code --swapped} scores the other half ({@link LearningSplit#SWAPPED});
     * {@code --seed N} seeds the click model with {@code N} instead of {@value #SEED}.
     */
    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean sweep = rest.remove("--sweep");
        boolean quick = rest.remove("--quick");
        boolean diagnose = rest.remove("--diagnose");
        boolean reviewInUseOnly = rest.remove("--review-in-use");
        LearningSplit split = rest.remove("--swapped") ? LearningSplit.SWAPPED : LearningSplit.REPORTED;
        long seed = SEED;
        int seedAt = rest.indexOf("--seed");
        if (seedAt >= 0) {
            seed = Long.parseLong(rest.remove(seedAt + 1));
            rest.remove(seedAt);
        }
        Options options = new Options(split, seed, diagnose, reviewInUseOnly);
        Path sets = Path.of(rest.isEmpty() ? "../shared/eval" : rest.remove(0));
        List<String> names = rest.isEmpty() ? List.of("localgovFAQ", "StackFAQ") : rest;
        for (String name : names) {
            FaqBenchmark benchmark = FaqBenchmark.load(sets.resolve(name));
            LearnedWeights profile = LearnedWeights.of(LanguageFamily.of(benchmark.lang()));
            Map<String, LearnedWeights> uses = new LinkedHashMap<>();
            if (!quick) {
                uses.put("(a) questions", new LearnedWeights(profile.questions(), 0));
                uses.put("(b) prior", new LearnedWeights(0, profile.prior()));
            }
            uses.put("(a)+(b)", profile);
            if (sweep) {
                for (float questions : new float[] {0.5f, 1, 1.5f}) {
                    for (float prior : new float[] {0, 0.5f, 1, 2, 3}) {
                        uses.put(String.format("sweep %.1f/%.1f", questions, prior), new LearnedWeights(questions, prior));
                    }
                }
            }
            System.out.print(table(run(benchmark, uses, options)));
        }
    }
}
