package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kotae.plugin.ClickEvent;
import dev.kotae.plugin.DeflectionEvent;
import dev.kotae.plugin.FeedbackEvent;
import dev.kotae.plugin.SearchEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reports a support lead acts on, from a seeded event history, on H2 and PostgreSQL: days counted in
 * the configured time zone, week-over-week changes per query and per article (with the week boundary in
 * that zone), article views by customers with their helpful rate, the contact funnel per category, and the
 * weekly KPIs.
 */
class LeadReportsTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC);
    private static final Requester CUSTOMER = new Requester(Requester.PUBLIC, "client-a", false);
    private static final Requester AGENT = new Requester(Requester.AGENTS, "client-b", false);
    private static final Requester CRAWLER = new Requester(Requester.PUBLIC, "client-c", true);

    @TempDir
    Path data;

    private final List<RecordedEvent> events = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void daysAreCountedInTheConfiguredZone(String storage) throws Exception {
        search("2026-11-01T14:30:00Z", "返金", 1); // 23:30 on 1 November in Tokyo
        search("2026-11-01T15:30:00Z", "返金", 1); // 00:30 on 2 November in Tokyo, still the 1st in UTC
        search("2026-11-02T15:30:00Z", "返金", 1); // 00:30 on 3 November in Tokyo
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).writeRecorded(events);
            AnalyticsReports reports = new AnalyticsReports(database);
            DateRange tokyo = DateRange.parse("2026-11-02", "2026-11-02", null, NOW, TOKYO);
            DateRange utc = DateRange.parse("2026-11-02", "2026-11-02", null, NOW, ZoneOffset.UTC);
            assertEquals(1, reports.topQueries(tokyo, 10).get(0).count());
            assertEquals(Instant.parse("2026-11-01T15:30:00Z"), reports.topQueries(tokyo, 10).get(0).lastSeen());
            assertEquals(1, reports.topQueries(utc, 10).get(0).count());
            assertEquals(Instant.parse("2026-11-02T15:30:00Z"), reports.topQueries(utc, 10).get(0).lastSeen());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void queriesAndArticlesChangeWeekOverWeekInTheConfiguredZone(String storage) throws Exception {
        // The range ends at midnight on 15 November in Tokyo: this week is 8-14 November, the one before 1-7.
        for (int i = 0; i < 3; i++) {
            search("2026-11-03T03:00:00Z", "返金", 2);
        }
        for (int i = 0; i < 5; i++) {
            search("2026-11-10T03:00:00Z", "返金", 2);
        }
        // 01:00 on 8 November in Tokyo (this week), but 7 November in UTC (the week before).
        search("2026-11-07T16:00:00Z", "返金", 2);
        search("2026-11-12T03:00:00Z", "配送", 0);
        search("2026-11-12T04:00:00Z", "配送", 0);
        search("2026-11-05T04:00:00Z", "解約", 0);
        search("2026-11-05T05:00:00Z", "解約", 0);

        view("2026-11-03T03:00:00Z", "refund-timing", CUSTOMER);
        view("2026-11-04T03:00:00Z", "refund-timing", CUSTOMER);
        view("2026-11-10T03:00:00Z", "refund-timing", CUSTOMER);
        view("2026-11-10T03:00:00Z", "refund-timing", AGENT); // agents' and crawlers' views are not customers'
        view("2026-11-10T03:00:00Z", "refund-timing", CRAWLER);
        view("2026-11-11T03:00:00Z", "delivery-times", CUSTOMER);
        vote("2026-11-10T04:00:00Z", "refund-timing", true);
        vote("2026-11-10T05:00:00Z", "refund-timing", true);
        vote("2026-11-10T06:00:00Z", "refund-timing", false);
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).writeRecorded(events);
            AnalyticsReports reports = new AnalyticsReports(database);
            DateRange range = DateRange.parse("2026-11-01", "2026-11-14", null, NOW, TOKYO);

            AnalyticsReports.QueryTable top = reports.searched(range, null, 10);
            Map<String, AnalyticsReports.Trend> trends = reports.trends(range, TOKYO, top);
            assertEquals(new AnalyticsReports.Trend(6, 3, 1.0), trends.get("返金"), trends.toString());
            assertEquals(new AnalyticsReports.Trend(2, 0, null), trends.get("配送"));
            assertEquals(new AnalyticsReports.Trend(0, 2, -1.0), trends.get("解約"));
            // In UTC the search at 01:00 on the 8th in Tokyo falls in the week before.
            DateRange utcRange = DateRange.parse("2026-11-01", "2026-11-14", null, NOW, ZoneOffset.UTC);
            assertEquals(new AnalyticsReports.Trend(5, 4, 0.25),
                    reports.trends(utcRange, ZoneOffset.UTC, reports.searched(utcRange, null, 10)).get("返金"));
            // Zero-result rows count only the searches that found nothing.
            AnalyticsReports.QueryTable zero = reports.zeroResults(range, null, 10);
            assertEquals(List.of("解約", "配送"), zero.rows().stream().map(AnalyticsReports.QueryRow::query).sorted().toList());
            assertEquals(new AnalyticsReports.Trend(2, 0, null), reports.trends(range, TOKYO, zero).get("配送"));

            List<AnalyticsReports.ArticleRow> articles = reports.articleViews(range, TOKYO, 10);
            assertEquals(List.of(new AnalyticsReports.ArticleRow("refund-timing", 3, 2, 1, 0.667,
                            new AnalyticsReports.Trend(1, 2, -0.5)),
                    new AnalyticsReports.ArticleRow("delivery-times", 1, 0, 0, null,
                            new AnalyticsReports.Trend(1, 0, null))), articles);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theContactFunnelIsCountedPerCategoryWithDistinctSessions(String storage) throws Exception {
        String at = "2026-11-10T03:00:00Z";
        contact(at, "contact", "viewed", "s-one-0001");
        contact(at, "contact", "viewed", "s-two-0002");
        contact(at, "contact", "viewed", "s-three-003");
        contact(at, "contact/billing", "shown", "s-one-0001");
        contact(at, "contact/billing", "shown", "s-one-0001"); // typing on: shown again to the same session
        contact(at, "contact/billing", "shown", "s-two-0002");
        contact(at, "contact/billing", "opened", "s-one-0001");
        contact(at, "contact/billing", "solved", "s-one-0001");
        contact(at, "contact/billing", "submitted", "s-two-0002");
        contact(at, "contact/account", "shown", "s-three-003");
        contact(at, "contact/account", "submitted", "s-three-003");
        contact(at, "widget-contact-deflect", "submitted", "s-four-0004"); // another widget: not the contact page
        contact("2026-10-01T03:00:00Z", "contact/billing", "submitted", "s-old-00001"); // outside the range
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).writeRecorded(events);
            List<AnalyticsReports.FunnelRow> funnel = new AnalyticsReports(database)
                    .contactFunnel(DateRange.parse("2026-11-01", "2026-11-14", null, NOW, TOKYO));
            AnalyticsReports.Step none = new AnalyticsReports.Step(0, 0);
            assertEquals(List.of(
                    new AnalyticsReports.FunnelRow(null, new AnalyticsReports.Step(3, 3), none, none, none, none),
                    new AnalyticsReports.FunnelRow("account", none, new AnalyticsReports.Step(1, 1), none, none,
                            new AnalyticsReports.Step(1, 1)),
                    new AnalyticsReports.FunnelRow("billing", none, new AnalyticsReports.Step(3, 2),
                            new AnalyticsReports.Step(1, 1), new AnalyticsReports.Step(1, 1),
                            new AnalyticsReports.Step(1, 1))), funnel);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void weeklyKpisCountCustomersOnly(String storage) throws Exception {
        String at = "2026-11-10T03:00:00Z";
        for (int i = 0; i < 8; i++) {
            search(at, "返金", 3);
        }
        search(at, "xyzzy", 0);
        search(at, "plugh", 0);
        events.add(new RecordedEvent(new SearchEvent(Instant.parse(at), "agent-0001", "社内手順", "ja", 0, List.of(),
                "web"), AGENT));
        vote(at, "refund-timing", true);
        vote(at, "refund-timing", true);
        vote(at, "refund-timing", true);
        vote(at, "refund-timing", false);
        // One visitor who changed their vote counts once, as its last vote (unhelpful, then helpful).
        events.add(new RecordedEvent(new FeedbackEvent(Instant.parse(at), "changer-0001", "delivery-times", false, null),
                CUSTOMER));
        events.add(new RecordedEvent(new FeedbackEvent(Instant.parse("2026-11-10T03:01:00Z"), "changer-0001",
                "delivery-times", true, null), CUSTOMER));
        contact(at, "contact/billing", "solved", "s-one-0001");
        contact(at, "widget-contact-deflect", "solved", "s-two-0002");
        contact(at, "widget-contact-deflect", "solved", "s-two-0002");
        contact(at, "contact/billing", "submitted", "s-three-003");
        contact(at, "contact/billing", "shown", "s-three-003");
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).writeRecorded(events);
            DateRange week = DateRange.parse("2026-11-08", "2026-11-14", null, NOW, TOKYO);
            AnalyticsReports.Kpis kpis = new AnalyticsReports(database).kpis(week);
            assertEquals(new AnalyticsReports.Kpis(week, 10, 2, 5, 4, 3, 1), kpis);
            assertEquals(0.2, kpis.zeroResultRate());
            assertEquals(0.8, kpis.helpfulRate());
            assertEquals(0.75, kpis.deflectionRate());
            assertEquals(1, kpis.contactVolume());
            AnalyticsReports.Kpis empty = new AnalyticsReports(database)
                    .kpis(DateRange.parse("2026-01-01", "2026-01-07", null, NOW, TOKYO));
            assertNull(empty.zeroResultRate());
            assertNull(empty.helpfulRate());
            assertNull(empty.deflectionRate());
        }
    }

    /**
     * The article ratings sit beside customers' views: an agent's vote (trying the page out, or testing
     * what a customer sees) and an automated client's are not a customer's verdict, in the ratings table,
     * its comments, the articles' helpful rate and the KPIs alike.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void votesAndCommentsCountCustomersOnly(String storage) throws Exception {
        String at = "2026-11-10T03:00:00Z";
        view(at, "refund-timing", CUSTOMER);
        events.add(new RecordedEvent(new FeedbackEvent(Instant.parse(at), "customer-0001", "refund-timing", true,
                "助かりました"), CUSTOMER));
        events.add(new RecordedEvent(new FeedbackEvent(Instant.parse(at), "agent-0001", "refund-timing", false,
                "社内メモ"), AGENT));
        events.add(new RecordedEvent(new FeedbackEvent(Instant.parse(at), "agent-0002", "refund-timing", false,
                null), AGENT));
        events.add(new RecordedEvent(new FeedbackEvent(Instant.parse(at), "crawler-0001", "refund-timing", false,
                "spam"), CRAWLER));
        events.add(new RecordedEvent(new FeedbackEvent(Instant.parse(at), "agent-0003", "delivery-times", false,
                null), AGENT)); // only agents voted on it: no row
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).writeRecorded(events);
            DateRange week = DateRange.parse("2026-11-08", "2026-11-14", null, NOW, TOKYO);
            AnalyticsReports reports = new AnalyticsReports(database);
            assertEquals(List.of(new AnalyticsReports.FeedbackRow("refund-timing", 1, 0, List.of(
                            new AnalyticsReports.Comment(true, "助かりました", Instant.parse(at))))),
                    reports.feedback(week, 10));
            assertEquals(List.of(new AnalyticsReports.ArticleRow("refund-timing", 1, 1, 0, 1.0,
                    new AnalyticsReports.Trend(1, 0, null))), reports.articleViews(week, TOKYO, 10));
            AnalyticsReports.Kpis kpis = reports.kpis(week);
            assertEquals(1, kpis.votes());
            assertEquals(1, kpis.helpfulVotes());
        }
    }

    /**
     * A crawler following search links is not a person looking for an answer: its searches and clicks stay
     * out of the query tables and searches per hour. Agents' searches stay in: what they could not find is
     * a gap in the playbooks.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void queryTablesLeaveOutAutomatedClientsButNotAgents(String storage) throws Exception {
        String at = "2026-11-10T03:00:00Z";
        search(at, "返金", 3);
        for (int i = 0; i < 5; i++) {
            events.add(new RecordedEvent(new SearchEvent(Instant.parse(at), "crawler-0001", "返金", "ja", 3, List.of(),
                    "web"), CRAWLER));
            events.add(new RecordedEvent(new SearchEvent(Instant.parse(at), "crawler-0001", "wp-login.php", "ja", 0,
                    List.of(), "web"), CRAWLER));
            events.add(new RecordedEvent(new ClickEvent(Instant.parse(at), "crawler-0001", "返金", "refund-timing", 1),
                    CRAWLER));
        }
        events.add(new RecordedEvent(new SearchEvent(Instant.parse(at), "agent-0001", "社内手順", "ja", 0, List.of(),
                "web"), AGENT));
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).writeRecorded(events);
            DateRange week = DateRange.parse("2026-11-08", "2026-11-14", null, NOW, TOKYO);
            AnalyticsReports reports = new AnalyticsReports(database);
            assertEquals(List.of("社内手順:1", "返金:1"), reports.topQueries(week, 10).stream()
                    .map(row -> row.query() + ":" + row.count()).sorted().toList());
            assertEquals(List.of("社内手順"), reports.zeroResultQueries(week, 10).stream()
                    .map(AnalyticsReports.QueryRow::query).toList());
            AnalyticsReports.ClickRow clicks = reports.clickThrough(week, 10).stream()
                    .filter(row -> row.query().equals("返金")).findFirst().orElseThrow();
            assertEquals(0, clicks.clicks(), "the crawler's clicks are not the customer's");
            assertEquals(2, reports.searchesPerHour(week).stream().mapToLong(AnalyticsReports.HourRow::searches).sum());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aWidgetsDeflectionRateIsNeverAboveOne(String storage) throws Exception {
        String at = "2026-11-10T03:00:00Z";
        contact(at, "widget-contact-deflect", "shown", "s-one-0001");
        for (int i = 0; i < 3; i++) {
            contact(at, "widget-contact-deflect", "solved", "s-spam-000" + i); // anyone may post events
        }
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).writeRecorded(events);
            AnalyticsReports.DeflectionRow row = new AnalyticsReports(database)
                    .deflection(DateRange.parse("2026-11-08", "2026-11-14", null, NOW, TOKYO)).get(0);
            assertEquals(3, row.solved(), "every solved event is counted");
            assertEquals(1.0, row.deflectionRate(), "the rate is a share of the showings");
        }
    }

    private void search(String at, String query, long results) {
        events.add(new RecordedEvent(new SearchEvent(Instant.parse(at), "visitor-0001", query, "ja", results,
                List.of(), "web"), CUSTOMER));
    }

    private void view(String at, String articleId, Requester requester) {
        events.add(new RecordedEvent(new ArticleViewEvent(Instant.parse(at), "visitor-0001", articleId), requester));
    }

    /** A vote by a visitor of its own: one visitor's later votes on an article replace the earlier. */
    private void vote(String at, String articleId, boolean helpful) {
        events.add(new RecordedEvent(new FeedbackEvent(Instant.parse(at), "voter-" + events.size(), articleId, helpful,
                null), CUSTOMER));
    }

    private void contact(String at, String widget, String action, String session) {
        events.add(new RecordedEvent(new DeflectionEvent(Instant.parse(at), session, widget, action, null, null),
                CUSTOMER));
    }
}
