package dev.kotae.learning.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.ManualClock;
import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.analytics.EventRecorder;
import dev.kotae.analytics.RecordedEvent;
import dev.kotae.analytics.Requester;
import dev.kotae.analytics.TestDatabases;
import dev.kotae.config.LearningConfig;
import dev.kotae.learning.Evidence;
import dev.kotae.learning.Learned;
import dev.kotae.plugin.ClickEvent;
import dev.kotae.plugin.DeflectionEvent;
import dev.kotae.plugin.FeedbackEvent;
import dev.kotae.plugin.SearchEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Learning from recorded events, on H2 and PostgreSQL: what counts as evidence, and above all what cannot
 * move anything — a flood of clicks from one session and address, many sessions from one address,
 * automated requests, widget pre-fetches, agents' searches on public articles and anonymous ones on
 * internal articles. Evidence, watermark and decisions survive a restart.
 */
class LearningServiceTest {

    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    /** An hour after the traffic: every choice has settled (no quick return is still possible). */
    private static final Clock LATER = Clock.fixed(START.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    private static final List<String> SHOWN = List.of("wrong-one", "refund-timing", "shipping", "returns");

    @TempDir
    Path data;

    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<Learned> published = new CopyOnWriteArrayList<>();
    private int second;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void distinctVisitorsClickingTheRightArticleMakeEvidenceThatIsPublished(String storage) throws Exception {
        for (int visitor = 1; visitor <= 3; visitor++) {
            visit("visitor-000" + visitor, "10.0.0." + visitor, "Refund", SHOWN, "refund-timing", 2);
        }
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data);
                LearningService learning = service(database, LearningConfig.defaults())) {
            new EventRecorder(database).writeRecorded(events);
            LearningService.Cycle cycle = learning.run();

            assertEquals(1, published.size(), "one new Learned published");
            assertEquals(cycle.version(), published.get(0).version());
            assertTrue(cycle.version() >= 1);
            List<Learned.Phrasing> phrasings = published.get(0).of("refund-timing");
            assertEquals(1, phrasings.size(), published.toString());
            assertEquals("Refund", phrasings.get(0).text(), "the query as customers wrote it");

            Evidence refund = evidence(learning, "refund-timing");
            assertEquals("refund", refund.queryGroup());
            assertEquals(3, refund.sessions(), 0.01);
            assertEquals(3, refund.addresses(), 0.01);
            assertEquals(6, refund.clicks(), 0.01, "a click at rank 2 weighs 2 (1/p(rank), p = 1/rank)");
            assertEquals(3, refund.satisfied(), 0.01, "nobody searched again");
            assertEquals(3, skipsOf(database, "wrong-one"), "rank 1 was passed over by all three");

            // Nothing new: the next cycle reads nothing twice and publishes nothing.
            LearningService.Cycle again = learning.run();
            assertEquals(cycle.version(), again.version());
            assertEquals(1, published.size());
            assertEquals(3, evidence(learning, "refund-timing").sessions(), 0.01, "no event counted twice");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFloodOfFakeClicksFromOneSessionAndAddressMovesNothing(String storage) throws Exception {
        search("flooder-0001", "10.6.6.6", "Refund", SHOWN, Requester.PUBLIC);
        for (int i = 0; i < 10_000; i++) {
            events.add(new RecordedEvent(new ClickEvent(at(), "flooder-0001", "Refund", "wrong-one", 1),
                    new Requester(Requester.PUBLIC, hash("10.6.6.6"), false)));
        }
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data);
                LearningService learning = service(database, LearningConfig.defaults())) {
            new EventRecorder(database).writeRecorded(events);
            LearningService.Cycle cycle = learning.run();

            assertTrue(published.isEmpty(), "nothing published: " + published);
            assertEquals(0, cycle.phrasings());
            Evidence flood = evidence(learning, "wrong-one");
            assertEquals(1, flood.sessions(), 0.01, "10,000 clicks, one session");
            assertEquals(1, flood.addresses(), 0.01);
            assertEquals(1, flood.clicks(), 0.01, "a session counts once per pair");
            assertTrue(learning.current().byArticle().isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void manySessionsFromOneAddressMoveNothing(String storage) throws Exception {
        for (int visitor = 0; visitor < 200; visitor++) {
            visit("one-address-" + visitor, "10.7.7.7", "Refund", SHOWN, "shipping", 3);
        }
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data);
                LearningService learning = service(database, LearningConfig.defaults())) {
            new EventRecorder(database).writeRecorded(events);
            learning.run();

            assertTrue(published.isEmpty(), "nothing published: " + published);
            Evidence shipping = evidence(learning, "shipping");
            assertEquals(EvidenceIngestion.PAIRS_PER_ADDRESS_PER_DAY, shipping.sessions(), 0.01,
                    "an address's allowance of choices a day, undecayed on the day they were made");
            assertEquals(1, shipping.addresses(), 0.01, "one address however many sessions");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void agentsTeachOnlyInternalArticlesAndVisitorsOnlyPublicOnes(String storage) throws Exception {
        List<String> mixed = List.of("internal-refunds", "refund-timing");
        for (int visitor = 1; visitor <= 4; visitor++) {
            // Agents click the public article, visitors the internal one (as if it had reached them): neither counts.
            search("agent-000" + visitor, "10.1.0." + visitor, "Refund", mixed, Requester.AGENTS);
            click("agent-000" + visitor, "10.1.0." + visitor, "Refund", "refund-timing", 2);
            search("anon-000" + visitor, "10.2.0." + visitor, "Refund", mixed, Requester.PUBLIC);
            click("anon-000" + visitor, "10.2.0." + visitor, "Refund", "internal-refunds", 1);
            // Agents on the internal article and visitors on the public one do.
            search("agent-100" + visitor, "10.3.0." + visitor, "Chargeback", mixed, Requester.AGENTS);
            click("agent-100" + visitor, "10.3.0." + visitor, "Chargeback", "internal-refunds", 1);
            search("anon-100" + visitor, "10.4.0." + visitor, "Money back", mixed, Requester.PUBLIC);
            click("anon-100" + visitor, "10.4.0." + visitor, "Money back", "refund-timing", 2);
        }
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data);
                LearningService learning = service(database, LearningConfig.defaults())) {
            new EventRecorder(database).writeRecorded(events);
            learning.run();

            Learned learned = learning.current();
            assertEquals(List.of("Money back"), texts(learned, "refund-timing"), "the public article, from visitors only");
            assertEquals(List.of("Chargeback"), texts(learned, "internal-refunds"), "the internal one, from agents only");
            List<LearningService.PhrasingRow> rows = learning.phrasings(null, "all", 100);
            assertEquals(2, rows.size(), rows.toString());
            for (LearningService.PhrasingRow row : rows) {
                assertEquals(row.articleId().startsWith("internal-") ? "agents" : "public", row.scope(), row.toString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void botsPrefetchesAndWidgetShowsAreIgnored(String storage) throws Exception {
        for (int visitor = 1; visitor <= 5; visitor++) {
            // A crawler's searches and clicks.
            search("crawler-000" + visitor, "10.8.0." + visitor, "Refund", SHOWN, Requester.PUBLIC, true);
            click("crawler-000" + visitor, "10.8.0." + visitor, "Refund", "wrong-one", 1, true);
            // A real search whose click came from a pre-fetch.
            search("prefetch-000" + visitor, "10.9.0." + visitor, "Refund", SHOWN, Requester.PUBLIC);
            click("prefetch-000" + visitor, "10.9.0." + visitor, "Refund", "wrong-one", 1, true);
            // A widget showing an article while the visitor types.
            events.add(new RecordedEvent(new DeflectionEvent(at(), "widget-000" + visitor, "widget-contact-deflect",
                    DeflectionEvent.SHOWN, "Refund", "wrong-one"), new Requester(Requester.PUBLIC, hash("10.10.0." + visitor), false)));
            // ... and one that solved it: that counts.
            events.add(new RecordedEvent(new DeflectionEvent(at(), "solver-000" + visitor, "widget-contact-deflect",
                    DeflectionEvent.SOLVED, "Refund", "refund-timing"), new Requester(Requester.PUBLIC, hash("10.11.0." + visitor), false)));
        }
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data);
                LearningService learning = service(database, LearningConfig.defaults())) {
            new EventRecorder(database).writeRecorded(events);
            learning.run();

            List<LearningService.PhrasingRow> rows = learning.phrasings(null, "all", 100);
            assertEquals(1, rows.size(), rows.toString());
            assertEquals("refund-timing", rows.get(0).articleId());
            assertEquals(5, rows.get(0).satisfied(), 0.01, "solved");
            assertEquals(List.of("Refund"), texts(learning.current(), "refund-timing"));
        }
    }

    /**
     * A script minting a session for each click, asking for many results and clicking the last, writes a
     * bounded number of rows: the first page's skips only, and an address's allowance of pairs a day.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void oneAddressClickingFarDownWithFreshSessionsWritesBoundedRows(String storage) throws Exception {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            shown.add(String.format("a%02d", i));
        }
        int clicks = EvidenceIngestion.PAIRS_PER_ADDRESS_PER_DAY + 50;
        for (int n = 0; n < clicks; n++) {
            visit(String.format("script-%05d", n), "10.66.0.1", "refund " + n, shown, "a59", 60);
        }
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data);
                LearningService learning = service(database, LearningConfig.defaults())) {
            new EventRecorder(database).writeRecorded(events);
            learning.run();

            assertEquals(EvidenceIngestion.PAIRS_PER_ADDRESS_PER_DAY, rows(database, true), "one address's allowance");
            assertEquals((long) EvidenceIngestion.PAIRS_PER_ADDRESS_PER_DAY * EvidenceIngestion.SKIPS_SEEN,
                    rows(database, false), "ten skips a click, not fifty-nine");
            assertTrue(published.isEmpty(), "one address teaches nothing: " + published);
        }
    }

    /** Evidence nothing was added to reads the same for the rest of the day: no new version each cycle. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void cyclesWithNothingNewPublishNothingAsTheDayGoesOn(String storage) throws Exception {
        for (int visitor = 1; visitor <= 3; visitor++) {
            visit("visitor-000" + visitor, "10.0.0." + visitor, "Refund", SHOWN, "refund-timing", 2);
        }
        ManualClock clock = new ManualClock("2026-11-02T10:00:00Z");
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data);
                LearningService learning = service(database, LearningConfig.defaults(), clock)) {
            new EventRecorder(database).writeRecorded(events);
            long version = learning.run().version();
            for (int hour = 0; hour < 12; hour++) {
                clock.advance(Duration.ofMinutes(61));
                assertEquals(version, learning.run().version(), "republished at " + clock.instant());
            }
            assertEquals(1, published.size(), "one version the whole day");
            clock.advance(Duration.ofDays(1));
            assertTrue(learning.run().version() > version, "the next day the evidence has faded a day's worth");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSessionMovesAtMostTenPairsADayAndAQuickReturnIsNotSatisfied(String storage) throws Exception {
        for (int i = 0; i < 15; i++) {
            search("greedy-0001", "10.12.0.1", "question " + i, List.of("article-" + i), Requester.PUBLIC);
            click("greedy-0001", "10.12.0.1", "question " + i, "article-" + i, 1);
        }
        search("returner-01", "10.13.0.1", "Refund", SHOWN, Requester.PUBLIC);
        click("returner-01", "10.13.0.1", "Refund", "refund-timing", 2);
        search("returner-01", "10.13.0.1", "Refund please", SHOWN, Requester.PUBLIC); // 1 s later: not answered
        search("voter-00001", "10.13.0.2", "Refund", SHOWN, Requester.PUBLIC);
        click("voter-00001", "10.13.0.2", "Refund", "refund-timing", 2);
        search("voter-00001", "10.13.0.2", "Something else", SHOWN, Requester.PUBLIC);
        events.add(new RecordedEvent(new FeedbackEvent(at(), "voter-00001", "refund-timing", true, null),
                new Requester(Requester.PUBLIC, hash("10.13.0.2"), false))); // ... but voted it helpful
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data);
                LearningService learning = service(database, LearningConfig.defaults())) {
            new EventRecorder(database).writeRecorded(events);
            learning.run();

            long greedy = learning.phrasings(null, "all", 100).stream()
                    .filter(row -> row.articleId().startsWith("article-")).count();
            assertEquals(EvidenceIngestion.PAIRS_PER_SESSION_PER_DAY, greedy);
            Evidence refund = evidence(learning, "refund-timing");
            assertEquals(2, refund.sessions(), 0.01);
            assertEquals(1, refund.satisfied(), 0.01, "the quick return is not satisfied, the helpful vote is");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aHelpfulVoteSaysTheOtherResultsOpenedForTheSameQuestionDidNotAnswerIt(String storage) throws Exception {
        search("looker-0001", "10.14.0.1", "Shipping", List.of("shipping"), Requester.PUBLIC);
        click("looker-0001", "10.14.0.1", "Shipping", "shipping", 1);
        second += EvidenceIngestion.QUICK_RETURN.toSeconds() + 60; // no quick return: the shipping answer settles
        search("looker-0001", "10.14.0.1", "Refund", SHOWN, Requester.PUBLIC);
        click("looker-0001", "10.14.0.1", "Refund", "wrong-one", 1);
        click("looker-0001", "10.14.0.1", "Refund", "refund-timing", 2);
        events.add(new RecordedEvent(new FeedbackEvent(at(), "looker-0001", "refund-timing", true, null),
                new Requester(Requester.PUBLIC, hash("10.14.0.1"), false)));
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data);
                LearningService learning = service(database, LearningConfig.defaults())) {
            new EventRecorder(database).writeRecorded(events);
            learning.run();

            assertEquals(1, evidence(learning, "refund-timing").satisfied(), 0.01, "voted helpful");
            assertEquals(0, evidence(learning, "wrong-one").satisfied(), 0.01, "opened, then answered by another");
            assertEquals(1, evidence(learning, "shipping").satisfied(), 0.01,
                    "another question's choice: settled, with no new search after it");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void agentsDecidingOnTheSameNewPairAtOnceAllSucceed(String storage) throws Exception {
        int agents = 4;
        int pairs = 30;
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data);
                LearningService learning = service(database, LearningConfig.defaults())) {
            for (int pair = 0; pair < pairs; pair++) {
                Evidence.Key key = new Evidence.Key("question " + pair, "refund-timing", Evidence.Scope.PUBLIC);
                CyclicBarrier together = new CyclicBarrier(agents);
                List<Future<?>> decided = new ArrayList<>();
                for (int agent = 0; agent < agents; agent++) {
                    String name = "agent-" + agent;
                    decided.add(pool.submit(() -> {
                        together.await(); // all four find no decision yet, and insert one
                        return learning.decide(key, "Question", dev.kotae.learning.Decision.APPROVED, name);
                    }));
                }
                for (Future<?> future : decided) {
                    future.get(30, TimeUnit.SECONDS); // a duplicate-key failure would be thrown here
                }
            }
            assertEquals(pairs, learning.phrasings("refund-timing", "approved", 100).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void evidenceWatermarkAndDecisionsSurviveARestart(String storage) throws Exception {
        for (int visitor = 1; visitor <= 3; visitor++) {
            visit("visitor-000" + visitor, "10.0.0." + visitor, "Refund", SHOWN, "refund-timing", 2);
        }
        try (TestDatabases.Storage db = TestDatabases.named(storage)) {
            long version;
            try (AnalyticsDatabase database = TestDatabases.open(db, data);
                    LearningService learning = service(database, LearningConfig.defaults())) {
                new EventRecorder(database).writeRecorded(events);
                version = learning.run().version();
                learning.decide(new Evidence.Key("money back", "refund-timing", Evidence.Scope.PUBLIC), "Money back",
                        dev.kotae.learning.Decision.ROUTED, "admin");
            }
            published.clear();
            try (AnalyticsDatabase database = TestDatabases.open(db, data);
                    LearningService learning = service(database, LearningConfig.defaults())) {
                LearningService.Cycle cycle = learning.run();
                assertEquals(1, published.size(), "what the stored evidence says is published again at start");
                assertTrue(cycle.version() > version, "versions keep increasing across restarts");
                assertEquals(List.of("Money back", "Refund"), texts(learning.current(), "refund-timing").stream().sorted().toList(),
                        "the routed query as the agent saw it written, not its folded group");
                assertEquals(3, evidence(learning, "refund-timing").sessions(), 0.01, "nothing read twice");
                assertEquals("routed", learning.phrasings("refund-timing", "routed", 10).get(0).decision());
            }
        }
    }

    // --- helpers ---

    private LearningService service(AnalyticsDatabase database, LearningConfig config) {
        return service(database, config, LATER);
    }

    private LearningService service(AnalyticsDatabase database, LearningConfig config, Clock clock) {
        return new LearningService(database, config, published::add,
                id -> Optional.of(id.startsWith("internal-") ? Evidence.Scope.AGENTS : Evidence.Scope.PUBLIC),
                timeout -> true, clock);
    }

    /** Rows of learning_choice that are choices ({@code chose}) or only skips. */
    private static long rows(AnalyticsDatabase database, boolean chose) throws Exception {
        return countChoices(database, "chose = ?", chose);
    }

    private static Evidence evidence(LearningService learning, String articleId) throws Exception {
        List<LearningService.PhrasingRow> rows = learning.phrasings(articleId, "all", 10);
        assertFalse(rows.isEmpty(), "no evidence for " + articleId);
        LearningService.PhrasingRow row = rows.get(0);
        return new Evidence(row.queryGroup(), row.written(), row.articleId(),
                "agents".equals(row.scope()) ? Evidence.Scope.AGENTS : Evidence.Scope.PUBLIC, row.sessions(),
                row.addresses(), row.clicks(), row.skips(), row.satisfied(), row.lastSeen());
    }

    private static long skipsOf(AnalyticsDatabase database, String articleId) throws Exception {
        return countChoices(database, "article_id = ? AND skipped = TRUE AND chose = FALSE", articleId);
    }

    /** How many rows of learning_choice meet {@code where}, its {@code ?} bound to {@code value}. */
    private static long countChoices(AnalyticsDatabase database, String where, Object value) throws Exception {
        try (var connection = database.dataSource().getConnection(); var select = connection.prepareStatement(
                "SELECT COUNT(*) FROM learning_choice WHERE " + where)) {
            select.setObject(1, value);
            try (var row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<String> texts(Learned learned, String articleId) {
        return learned.of(articleId).stream().map(Learned.Phrasing::text).toList();
    }

    private void visit(String session, String address, String query, List<String> shown, String clicked, int rank) {
        search(session, address, query, shown, Requester.PUBLIC);
        click(session, address, query, clicked, rank);
    }

    private void search(String session, String address, String query, List<String> shown, String audience) {
        search(session, address, query, shown, audience, false);
    }

    private void search(String session, String address, String query, List<String> shown, String audience,
            boolean automated) {
        events.add(new RecordedEvent(new SearchEvent(at(), session, query, "en", shown.size(), shown, "api"),
                new Requester(audience, hash(address), automated)));
    }

    private void click(String session, String address, String query, String articleId, int rank) {
        click(session, address, query, articleId, rank, false);
    }

    private void click(String session, String address, String query, String articleId, int rank, boolean automated) {
        events.add(new RecordedEvent(new ClickEvent(at(), session, query, articleId, rank),
                new Requester(Requester.PUBLIC, hash(address), automated)));
    }

    /** Events a second apart, in order. */
    private Instant at() {
        return START.plusSeconds(second++);
    }

    private static String hash(String address) {
        return "h-" + address; // stands in for the keyed hash: distinct addresses, distinct values
    }
}
