package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.ClickEvent;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.SearchEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query tables count the spellings of one query as one row, on H2 and PostgreSQL: width, case and kana
 * folded; kana joining the most searched written form read the same; homophones kept apart; the limit
 * applied to the folded rows; the filter, click-through and zero results folded alike.
 */
class QueryFoldingTest {

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    private static final DateRange ALL = new DateRange(START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)), null);

    @TempDir
    Path data;

    private final List<KotaeEvent> events = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void spellingsOfOneQueryAreOneRowShownAsItsMostSearchedForm(String storage) throws Exception {
        searches("返金", 5, 3);
        searches("ヘンキン", 2, 3);
        searches("ﾍﾝｷﾝ", 2, 3); // stored as ヘンキン (NFKC): the same written form
        searches("へんきん", 3, 3);
        searches("refund", 2, 3);
        searches("Refund", 1, 3);
        searches("ＲＥＦＵＮＤ", 1, 3);
        searches("交換", 3, 3);
        searches("好感", 2, 3);
        searches("こうかん", 1, 3);
        searches("きゃんせる", 1, 3);
        searches("order status", 7, 3); // the most searched text as typed; 返金's spellings add up to more
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).write(events);
            AnalyticsReports reports = new AnalyticsReports(database);

            List<AnalyticsReports.QueryRow> top = reports.topQueries(ALL, 50);
            AnalyticsReports.QueryRow refund = row(top, "返金");
            assertEquals(12, refund.count(), top.toString());
            assertEquals(List.of(new AnalyticsReports.Variant("ヘンキン", 4), new AnalyticsReports.Variant("へんきん", 3)),
                    refund.variants());
            assertEquals(4, row(top, "refund").count(), top.toString());
            assertEquals(Set.of("Refund", "REFUND"), forms(row(top, "refund").variants()));
            // Homophones stay apart; the kana spelling joins the one searched more.
            assertEquals(4, row(top, "交換").count(), top.toString());
            assertEquals(List.of(new AnalyticsReports.Variant("こうかん", 1)), row(top, "交換").variants());
            assertEquals(2, row(top, "好感").count());
            assertTrue(row(top, "好感").variants().isEmpty());
            // Kana without a written form read the same is a row of its own.
            assertEquals(1, row(top, "きゃんせる").count());
            assertEquals(List.of("返金", "order status", "refund", "交換", "好感", "きゃんせる"),
                    top.stream().map(AnalyticsReports.QueryRow::query).toList());

            // The limit applies to the folded rows, not to the texts as typed.
            assertEquals(List.of("返金"), reports.topQueries(ALL, 1).stream().map(AnalyticsReports.QueryRow::query).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void filterClicksAndZeroResultsAreFoldedAlike(String storage) throws Exception {
        searches("返金", 3, 4);
        searches("へんきん", 2, 0); // found nothing: a content gap until kana search reads it
        searches("ヘンキン", 1, 0);
        searches("交換", 2, 1);
        searches("好感", 1, 1);
        searches("refund", 1, 0);
        events.add(new ClickEvent(at(), "s1", "へんきん", "refund-timing", 1));
        events.add(new ClickEvent(at(), "s1", "返金", "refund-how", 3));
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).write(events);
            AnalyticsReports reports = new AnalyticsReports(database);

            for (String term : List.of("へんきん", "ﾍﾝｷﾝ", "返金", "金")) {
                List<AnalyticsReports.QueryRow> narrowed = reports.topQueries(ALL, term, 50);
                assertEquals(List.of("返金"), narrowed.stream().map(AnalyticsReports.QueryRow::query).toList(), term);
                assertEquals(6, narrowed.get(0).count(), term);
            }
            // A reading finds every written form read so: both homophones.
            assertEquals(Set.of("交換", "好感"), reports.topQueries(ALL, "こうかん", 50).stream()
                    .map(AnalyticsReports.QueryRow::query).collect(Collectors.toSet()));

            List<AnalyticsReports.ClickRow> clicks = reports.clickThrough(ALL, 50);
            AnalyticsReports.ClickRow refundClicks = clicks.stream().filter(r -> r.query().equals("返金")).findFirst()
                    .orElseThrow(() -> new AssertionError(clicks.toString()));
            assertEquals(6, refundClicks.searches());
            assertEquals(2, refundClicks.clicks());
            assertEquals(2.0, refundClicks.meanClickedRank(), 0.0001);
            assertEquals(2, refundClicks.variants().size());

            // Among the searches that found nothing, the kana spellings are the row: 返金 found articles.
            List<AnalyticsReports.QueryRow> zero = reports.zeroResultQueries(ALL, 50);
            assertEquals(List.of("へんきん", "refund"), zero.stream().map(AnalyticsReports.QueryRow::query).toList());
            assertEquals(3, zero.get(0).count());
            assertEquals(List.of(new AnalyticsReports.Variant("ヘンキン", 1)), zero.get(0).variants());
            assertNull(row(zero, "返金"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void manyOneOffQueriesAreNotAllReadAndKanaStillJoinsItsWrittenForm(String storage) throws Exception {
        searches("返金", 5, 3);
        searches("order status", 3, 3);
        for (int i = 0; i < 400; i++) {
            searches(String.format("one-off %03d", i), 1, 3);
        }
        // Searched once, like every one-off, and after them in text order: not among the most searched.
        searches("へんきん", 1, 3);
        events.add(new ClickEvent(at(), "s1", "へんきん", "refund-timing", 2));
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).write(events);
            List<Integer> read = new ArrayList<>();
            AnalyticsReports reports = new AnalyticsReports(database, read::add);
            int bound = AnalyticsReports.candidates(2) + 1; // the candidates and 返金's kana spelling

            List<AnalyticsReports.QueryRow> top = reports.topQueries(ALL, 2);
            assertEquals(List.of("返金", "order status"), top.stream().map(AnalyticsReports.QueryRow::query).toList());
            assertEquals(6, top.get(0).count());
            assertEquals(List.of(new AnalyticsReports.Variant("へんきん", 1)), top.get(0).variants());

            List<AnalyticsReports.QueryRow> narrowed = reports.topQueries(ALL, "へんきん", 2);
            assertEquals(List.of("返金"), narrowed.stream().map(AnalyticsReports.QueryRow::query).toList());
            assertEquals(6, narrowed.get(0).count());

            AnalyticsReports.QueryTable searched = reports.searched(ALL, null, 2);
            AnalyticsReports.ClickRow clicks = reports.clickThrough(ALL, searched).get(0);
            assertEquals("返金", clicks.query());
            assertEquals(1, clicks.clicks());
            assertEquals(2.0, clicks.meanClickedRank(), 0.0001);

            assertEquals(3, read.size(), read.toString()); // clickThrough(range, table) sums no searches again
            assertTrue(read.stream().allMatch(n -> n <= bound), read + " spellings read, at most " + bound);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theFilterMatchesWildcardsOfLikeLiterally(String storage) throws Exception {
        searches("50% off", 1, 3);
        searches("5000 off", 2, 3);
        searches("a_b", 1, 3);
        searches("axb", 2, 3);
        searches("c:\\temp", 1, 3);
        searches("c:temp", 2, 3);
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).write(events);
            AnalyticsReports reports = new AnalyticsReports(database);
            for (String term : List.of("50% off", "a_b", "c:\\temp")) {
                assertEquals(List.of(term), reports.topQueries(ALL, term, 10).stream()
                        .map(AnalyticsReports.QueryRow::query).toList(), term);
            }
        }
    }

    private void searches(String query, int times, long results) {
        for (int i = 0; i < times; i++) {
            events.add(new SearchEvent(at(), "s1", query, "ja", results, List.of(), "api"));
        }
    }

    /** Events one second apart, in the order they are added. */
    private Instant at() {
        return START.plusSeconds(events.size());
    }

    private static AnalyticsReports.QueryRow row(List<AnalyticsReports.QueryRow> rows, String query) {
        return rows.stream().filter(r -> r.query().equals(query)).findFirst().orElse(null);
    }

    private static Set<String> forms(List<AnalyticsReports.Variant> variants) {
        return variants.stream().map(AnalyticsReports.Variant::query).collect(Collectors.toSet());
    }
}
