package dev.kotae.relevance;

import dev.kotae.analytics.QuerySpelling;
import dev.kotae.analytics.QueryText;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How much a help center learns from its customers, measured end to end over real HTTP against a running
 * server ({@code kotae eval --learn}). The benchmark's dev queries are split once and for all
 * ({@link LearningSplit}): the scored half is searched anonymously through {@code /api/v1/search} and
 * scored ({@link RankingMetrics}) three times:
 * <ol>
 *   <li><b>none</b>: before any traffic, the server as it ranks without learning;
 *   <li><b>clicks only</b>: after the traffic half was asked by simulated visitors, each with its own
 *       session and address, clicking the results the server showed them as a seeded position-biased
 *       {@link ClickModel} says (clicks to {@code /api/v1/events}; a helpful vote when the visit ended
 *       well, a new search when it did not, so that no choice is left for the server to settle by the
 *       clock), and one learning cycle ({@code POST /api/v1/admin/learning/run}) in the server's automatic mode;
 *   <li><b>with approval</b>: after an agent decided on every learned phrasing as the qrels say (see
 *       {@link #approve}) and a second learning cycle.
 * </ol>
 * The scored queries are never part of the traffic, so a gain is what learning from other customers'
 * questions does for new ones.
 */
public final class LearningEvaluation {

    /** Results per search, as the benchmarks score them. */
    static final int DEPTH = 10;
    /** Phrasings asked for per page while approving: each page is decided before the next is asked for. */
    private static final int APPROVAL_PAGE = 200;

    /**
     * How the traffic is simulated.
     *
     * @param visitors how many visitors ask each traffic query, each with its own session and address
     * @param seed the click model's seed: the same seed gives the same clicks on the same results
     * @param threads how many requests are in flight at once
     * @param split which half of the dev queries is scored ({@link LearningSplit#REPORTED} unless checking)
     */
    public record Options(int visitors, long seed, int threads, LearningSplit split) {
        public static final Options DEFAULTS = new Options(5, 28, 2, LearningSplit.REPORTED);

        public Options {
            if (visitors < 1 || threads < 1) {
                throw new IllegalArgumentException("visitors and threads must be at least 1");
            }
            Objects.requireNonNull(split, "split");
        }
    }

    /** What the simulated visitors did. */
    public record Traffic(int queries, int visits, int clicks, int uncounted, int votes, Set<String> endedWell) {}

    /**
     * What the simulated agent decided. {@code unmatched} phrasings (no traffic query groups to them) are
     * rejected too; {@code routed} traffic queries, which no visitor ended well, were sent to their answer.
     */
    public record Approval(int approved, int rejected, int unmatched, int routed) {

        Approval routing(int queries) {
            return new Approval(approved, rejected, unmatched, queries);
        }
    }

    /**
     * The outcome for one benchmark.
     *
     * @param none the scored queries before any learning
     * @param clicksOnly after learning from the traffic's clicks and votes
     * @param withApproval after an agent approved or rejected what was learned
     */
    public record Result(String benchmark, Traffic traffic, Approval approval, RankingMetrics none,
            RankingMetrics clicksOnly, RankingMetrics withApproval) {

        /** The number of scored queries (those with answers in the qrels). */
        public int scored() {
            return none.queries();
        }
    }

    private LearningEvaluation() {}

    /**
     * Runs the evaluation against the server at {@code server}, which serves {@code benchmark}'s FAQs
     * as articles (see {@link RelevanceEvaluation#writeArticles}), trusts {@code X-Forwarded-For} from
     * this process, accepts many events per client and learns automatically. Writes the three TREC
     * runs of the scored queries to {@code runs}.
     *
     * @param adminToken a bearer token with the admin role
     * @throws IOException when a call fails, the learning API among them (a server without it answers 404)
     */
    public static Result run(FaqBenchmark benchmark, URI server, String adminToken, Options options, Path runs)
            throws IOException {
        HelpCenterApi api = new HelpCenterApi(server, adminToken);
        List<FaqBenchmark.Query> scored = options.split().scored(benchmark.queries());
        List<FaqBenchmark.Query> traffic = options.split().traffic(benchmark.queries());
        String suffix = options.split().runSuffix();
        Map<String, Map<String, Integer>> scoredQrels = benchmark.qrelsOf(scored);
        Files.createDirectories(runs);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            RankingMetrics none = score(api, pool, benchmark, scored, scoredQrels, runs, "none" + suffix);
            Traffic visits = replay(api, pool, benchmark, traffic, options);
            try {
                api.learn();
            } catch (IOException e) {
                // What was measured before is still worth seeing: the no-learning figures and the traffic.
                throw new IOException(String.format("learning failed after scoring %d queries without it (SR@1 %.3f,"
                        + " MRR@10 %.3f, nDCG@10 %.3f) and replaying %d visits (%d clicks counted, %d refused, %d votes): %s",
                        none.queries(), none.sr1(), none.mrr10(), none.ndcg10(), visits.visits(),
                        visits.clicks(), visits.uncounted(), visits.votes(), e.getMessage()), e);
            }
            RankingMetrics clicksOnly = score(api, pool, benchmark, scored, scoredQrels, runs, "clicks" + suffix);
            Approval approval = approve(api, benchmark, traffic).routing(route(api, benchmark, traffic, visits));
            api.learn();
            RankingMetrics withApproval = score(api, pool, benchmark, scored, scoredQrels, runs, "approval" + suffix);
            return new Result(benchmark.name(), visits, approval, none, clicksOnly, withApproval);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The scored queries searched anonymously, scored, and written as {@code <set>-learn-<stage>.run}. */
    static RankingMetrics score(HelpCenterApi api, ExecutorService pool, FaqBenchmark benchmark,
            List<FaqBenchmark.Query> scored, Map<String, Map<String, Integer>> qrels, Path runs, String stage)
            throws IOException {
        Map<String, List<String>> found = new ConcurrentHashMap<>();
        List<Task> tasks = new ArrayList<>();
        for (FaqBenchmark.Query query : scored) {
            tasks.add(() -> found.put(query.id(), api.search(query.sent(), DEPTH, HelpCenterApi.Visitor.ANONYMOUS)));
        }
        runAll(pool, tasks);
        Map<String, List<String>> run = new LinkedHashMap<>();
        for (FaqBenchmark.Query query : scored) {
            run.put(query.id(), found.get(query.id()));
        }
        RelevanceEvaluation.writeRun(runs.resolve(benchmark.name() + "-learn-" + stage + ".run"), run, "kotae-" + stage);
        return RankingMetrics.score(qrels, run);
    }

    /**
     * Each traffic query asked by {@link Options#visitors} visitors. Visitor {@code v} of query {@code q}
     * has a session derived from both (a name-based UUID) and an address of its own in 10.0.0.0/8, and
     * clicks as a click model seeded from the options' seed, {@code q} and {@code v} says: the same
     * clicks on the same results whatever order the threads run in.
     */
    static Traffic replay(HelpCenterApi api, ExecutorService pool, FaqBenchmark benchmark,
            List<FaqBenchmark.Query> traffic, Options options) throws IOException {
        AtomicInteger clicks = new AtomicInteger();
        AtomicInteger uncounted = new AtomicInteger();
        AtomicInteger votes = new AtomicInteger();
        Set<String> endedWell = ConcurrentHashMap.newKeySet();
        List<Task> tasks = new ArrayList<>();
        int visit = 0;
        for (FaqBenchmark.Query query : traffic) {
            Map<String, Integer> grades = benchmark.qrels().getOrDefault(query.id(), Map.of());
            for (int v = 0; v < options.visitors(); v++) {
                visit++;
                HelpCenterApi.Visitor visitor = new HelpCenterApi.Visitor(
                        UUID.nameUUIDFromBytes((benchmark.name() + "/" + query.id() + "/" + v)
                                .getBytes(StandardCharsets.UTF_8)).toString(),
                        "10." + (visit >> 16 & 0xff) + "." + (visit >> 8 & 0xff) + "." + (visit & 0xff));
                long seed = options.seed() * 1_000_003L + query.id().hashCode() * 31L + v;
                tasks.add(() -> {
                    String text = query.sent();
                    List<String> shown = api.search(text, DEPTH, visitor);
                    ClickModel.Visit chose = new ClickModel(seed).visit(shown, grades);
                    for (ClickModel.Click click : chose.clicks()) {
                        (api.click(text, click.articleId(), click.rank(), visitor) ? clicks : uncounted).incrementAndGet();
                    }
                    if (chose.satisfied()) {
                        endedWell.add(query.id());
                        api.helpful(chose.clicks().get(chose.clicks().size() - 1).articleId(), visitor);
                        votes.incrementAndGet();
                    } else if (!chose.clicks().isEmpty()) {
                        api.search(text, DEPTH, visitor); // back to search: what was opened did not answer
                    }
                });
            }
        }
        runAll(pool, tasks);
        return new Traffic(traffic.size(), visit, clicks.get(), uncounted.get(), votes.get(), Set.copyOf(endedWell));
    }

    /**
     * Decides on every learned phrasing no agent decided on yet, as an agent who knows the answers
     * would: a phrasing is approved when its article carries the top grade in the qrels of a traffic
     * query that groups to it, and rejected otherwise. A traffic query groups to a phrasing when the
     * query as sent, masked and folded the way analytics group spellings ({@link QueryText#masked},
     * {@link QuerySpelling#of}), equals the phrasing's {@code queryGroup} or its {@code written} form
     * folded the same way. Pages of undecided phrasings are asked for until none is left.
     */
    static Approval approve(HelpCenterApi api, FaqBenchmark benchmark, List<FaqBenchmark.Query> traffic)
            throws IOException {
        Map<String, Set<String>> queriesByGroup = new HashMap<>();
        for (FaqBenchmark.Query query : traffic) {
            queriesByGroup.computeIfAbsent(group(query.sent()), g -> new HashSet<>()).add(query.id());
        }
        Set<List<String>> decided = new HashSet<>();
        int approved = 0;
        int rejected = 0;
        int unmatched = 0;
        while (true) {
            boolean progress = false;
            for (HelpCenterApi.Phrasing phrasing : api.undecided(APPROVAL_PAGE)) {
                if (!decided.add(List.of(phrasing.queryGroup(), phrasing.articleId(), phrasing.scope()))) {
                    continue;
                }
                progress = true;
                Set<String> asked = new HashSet<>(queriesByGroup.getOrDefault(phrasing.queryGroup(), Set.of()));
                asked.addAll(queriesByGroup.getOrDefault(group(phrasing.written()), Set.of()));
                boolean answers = asked.stream().anyMatch(id -> FaqBenchmark.isAnswer(benchmark.qrels().get(id), phrasing.articleId()));
                api.decide(phrasing, answers ? "approved" : "rejected");
                if (answers) {
                    approved++;
                } else {
                    rejected++;
                    if (asked.isEmpty()) {
                        unmatched++;
                    }
                }
            }
            if (!progress) {
                return new Approval(approved, rejected, unmatched, 0);
            }
        }
    }

    /**
     * Routes each traffic query that no visitor ended well (it never found a good answer, as the
     * zero-result and low click-through tables show an agent) to its answer: the first article, by id, of
     * the top grade in its qrels. Returns how many were routed.
     */
    static int route(HelpCenterApi api, FaqBenchmark benchmark, List<FaqBenchmark.Query> traffic, Traffic visits)
            throws IOException {
        int routed = 0;
        for (FaqBenchmark.Query query : traffic) {
            Map<String, Integer> grades = benchmark.qrels().get(query.id());
            if (visits.endedWell().contains(query.id()) || grades == null || grades.isEmpty()) {
                continue;
            }
            Optional<String> answer = grades.keySet().stream().filter(id -> FaqBenchmark.isAnswer(grades, id)).sorted().findFirst();
            if (answer.isPresent()) {
                api.decide(query.sent(), answer.get(), "public", "routed");
                routed++;
            }
        }
        return routed;
    }

    private static String group(String text) {
        QuerySpelling.Spelling spelling = QuerySpelling.of(QueryText.masked(text));
        return spelling == null ? "" : spelling.group();
    }

    /** A call to the server that may fail. */
    private interface Task {
        void run() throws IOException;
    }

    /** Runs {@code tasks} on {@code pool}; the first that fails stops the others and is thrown. */
    private static void runAll(ExecutorService pool, List<Task> tasks) throws IOException {
        List<Future<?>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(pool.submit(() -> {
                task.run();
                return null;
            }));
        }
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The results as a Markdown table: per set, the three stages with the gains over none. */
    public static String table(List<Result> results) {
        List<String> lines = new ArrayList<>();
        lines.add("| set | queries scored | learning | SR@1 | MRR@10 | nDCG@10 |");
        lines.add("|---|---|---|---|---|---|");
        for (Result r : results) {
            lines.add(String.format("| %s | %d | none | %.3f | %.3f | %.3f |", r.benchmark(), r.scored(), r.none().sr1(),
                    r.none().mrr10(), r.none().ndcg10()));
            lines.add(row(r, "clicks only", r.clicksOnly()));
            lines.add(row(r, "with approval", r.withApproval()));
        }
        for (Result r : results) {
            lines.add("");
            lines.add(String.format("%s: %d traffic queries, %d visits, %d clicks counted (%d refused), %d helpful votes;"
                    + " approved %d, rejected %d (%d matched no traffic query); %d queries that never ended well routed",
                    r.benchmark(), r.traffic().queries(), r.traffic().visits(), r.traffic().clicks(),
                    r.traffic().uncounted(), r.traffic().votes(), r.approval().approved(), r.approval().rejected(),
                    r.approval().unmatched(), r.approval().routed()));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String row(Result r, String stage, RankingMetrics m) {
        return String.format("| %s | %d | %s | %.3f (%+.3f) | %.3f (%+.3f) | %.3f (%+.3f) |", r.benchmark(), r.scored(),
                stage, m.sr1(), m.sr1() - r.none().sr1(), m.mrr10(), m.mrr10() - r.none().mrr10(), m.ndcg10(),
                m.ndcg10() - r.none().ndcg10());
    }
}
