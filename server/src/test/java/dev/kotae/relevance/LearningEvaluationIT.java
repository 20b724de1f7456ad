package dev.kotae.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.KotaeApp;
import dev.kotae.LearnEvalRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traffic and scoring halves of {@code kotae eval --learn} against a real server, on a benchmark of
 * its own (no {@code ../shared/eval} needed): searches, clicks and votes go over HTTP as the simulated
 * visitors send them, and the server counts every click (each on a result it showed that visitor's
 * session), which is what learning reads.
 */
class LearningEvaluationIT {

    private static final String TOKEN = "learn-eval-test-token-0123";

    /** Six FAQs whose words do not overlap, and twelve queries, each answered by one of them. */
    private static final FaqBenchmark TINY = new FaqBenchmark("tiny",
            List.of(faq("f1", "How do I reset my password?", "Open the settings page and choose reset password."),
                    faq("f2", "How can I change my email address?", "Type the new email address in your profile."),
                    faq("f3", "Where can I download an invoice?", "Invoices are listed under billing, ready to download."),
                    faq("f4", "How do I delete my account?", "Write to us and we delete the account within a week."),
                    faq("f5", "Do you ship parcels abroad?", "Parcels travel to most countries within ten days."),
                    faq("f6", "Can I pay with a credit card?", "Visa and Mastercard credit cards are accepted.")),
            List.of(query("q01", "reset password"), query("q02", "forgot password reset"),
                    query("q03", "change email address"), query("q04", "new email"),
                    query("q05", "download invoice"), query("q06", "invoice billing"),
                    query("q07", "delete account"), query("q08", "delete my account"),
                    query("q09", "ship parcels abroad"), query("q10", "parcels countries"),
                    query("q11", "credit card"), query("q12", "pay credit card")),
            Map.ofEntries(Map.entry("q01", Map.of("f1", 1)), Map.entry("q02", Map.of("f1", 1)),
                    Map.entry("q03", Map.of("f2", 1)), Map.entry("q04", Map.of("f2", 1)),
                    Map.entry("q05", Map.of("f3", 1)), Map.entry("q06", Map.of("f3", 1)),
                    Map.entry("q07", Map.of("f4", 1)), Map.entry("q08", Map.of("f4", 1)),
                    Map.entry("q09", Map.of("f5", 1)), Map.entry("q10", Map.of("f5", 1)),
                    Map.entry("q11", Map.of("f6", 1)), Map.entry("q12", Map.of("f6", 1))));

    @TempDir
    Path work;

    @Test
    void visitorsClicksAreCountedAndTheScoredHalfIsScoredOverHttp() throws Exception {
        List<FaqBenchmark.Query> traffic = LearningSplit.REPORTED.traffic(TINY.queries());
        List<FaqBenchmark.Query> scored = LearningSplit.REPORTED.scored(TINY.queries());
        assertFalse(traffic.isEmpty() || scored.isEmpty(), "the split leaves queries on both sides");
        Map<String, Map<String, Integer>> scoredQrels = new LinkedHashMap<>();
        scored.forEach(q -> scoredQrels.put(q.id(), TINY.qrels().get(q.id())));
        Path content = work.resolve("content");
        Path runs = work.resolve("runs");
        Files.createDirectories(runs);
        RelevanceEvaluation.writeArticles(TINY, content);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (KotaeApp app = LearnEvalRun.start(work, content, TOKEN)) {
            HelpCenterApi api = new HelpCenterApi(app.uri(), TOKEN);

            RankingMetrics none = LearningEvaluation.score(api, pool, TINY, scored, scoredQrels, runs, "none");
            assertEquals(scored.size(), none.queries());
            assertEquals(1.0, none.sr1(), 1e-9, "each scored query's own FAQ is first");
            List<String> lines = Files.readAllLines(runs.resolve("tiny-learn-none.run"));
            assertTrue(lines.size() >= scored.size() && lines.get(0).matches("q\\d\\d Q0 f\\d 1 \\d+ kotae-none"),
                    "a TREC run: " + lines);

            LearningEvaluation.Traffic replayed = LearningEvaluation.replay(api, pool, TINY, traffic,
                    new LearningEvaluation.Options(3, 7, 2, LearningSplit.REPORTED));
            assertEquals(traffic.size() * 3, replayed.visits());
            assertEquals(0, replayed.uncounted(), "every click was on a result shown to that visitor: " + replayed);
            assertTrue(replayed.clicks() >= replayed.votes() && replayed.votes() > 0, "clicks and votes: " + replayed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSwappedCheckScoresTheOtherHalfInRunFilesOfItsOwn() throws Exception {
        Path runs = work.resolve("swapped-runs");
        LearningEvaluation.Result result = LearnEvalRun.run(TINY,
                new LearningEvaluation.Options(2, 7, 2, LearningSplit.SWAPPED), runs);
        List<String> swappedScored = LearningSplit.SWAPPED.scored(TINY.queries()).stream()
                .map(FaqBenchmark.Query::id).sorted().toList();
        assertEquals(swappedScored.size(), result.scored());
        for (String stage : List.of("none", "clicks", "approval")) {
            Path run = runs.resolve("tiny-learn-" + stage + "-swapped.run");
            List<String> ids = Files.readAllLines(run).stream().map(line -> line.split(" ")[0]).distinct().sorted()
                    .toList();
            assertEquals(swappedScored, ids, stage + ": the queries the reported split replays as traffic");
            assertFalse(Files.exists(runs.resolve("tiny-learn-" + stage + ".run")), "the reported run is left alone");
        }
    }

    private static FaqBenchmark.Faq faq(String id, String question, String answer) {
        return new FaqBenchmark.Faq(id, question, answer, "en");
    }

    private static FaqBenchmark.Query query(String id, String text) {
        return new FaqBenchmark.Query(id, text);
    }
}
