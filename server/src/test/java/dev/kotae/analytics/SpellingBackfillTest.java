package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database written by a Kotae from before the spelling columns, on H2 and PostgreSQL: opening it
 * migrates it, its stored queries get their spelling, and the reports fold them like new ones.
 */
class SpellingBackfillTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void rowsStoredBeforeTheSpellingColumnsAreFilledInAndFolded(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage)) {
            String url = db.config().jdbcUrl() != null ? db.config().jdbcUrl() : AnalyticsDatabase.embeddedUrl(data);
            // The schema as the previous release left it, with rows as it wrote them.
            Flyway.configure(AnalyticsDatabase.class.getClassLoader())
                    .dataSource(url, db.config().user(), db.config().password())
                    .locations(AnalyticsDatabase.MIGRATIONS).table("kotae_schema_history").target("3")
                    .load().migrate();
            // More than a page, so the walk by id goes on past its first page.
            int older = SpellingBackfill.PAGE + 3;
            try (Connection connection = DriverManager.getConnection(url, db.config().user(), db.config().password())) {
                insertOld(connection, "返金", 2);
                insertOld(connection, "へんきん", 1);
                insertOld(connection, "ヘンキン", older);
                try (Statement sql = connection.createStatement()) {
                    sql.execute("INSERT INTO analytics_event (occurred_at, hour_bucket, type, article_id, helpful)"
                            + " VALUES (TIMESTAMP WITH TIME ZONE '2026-11-02 10:00:00+00', 0, 'feedback', 'a', TRUE)");
                }
            }

            try (AnalyticsDatabase database = TestDatabases.open(db, data)) {
                Map<String, String> spellings = new TreeMap<>();
                try (Connection connection = database.connection(); Statement sql = connection.createStatement();
                        ResultSet rows = sql.executeQuery("SELECT DISTINCT query, query_group, query_sound"
                                + " FROM analytics_event WHERE type = 'search'")) {
                    while (rows.next()) {
                        spellings.put(rows.getString(1), rows.getString(2) + " / " + rows.getString(3));
                    }
                }
                assertEquals(Map.of("返金", "返金 / ヘンキン", "へんきん", "ヘンキン / ヘンキン",
                        "ヘンキン", "ヘンキン / ヘンキン"), spellings);
                assertEquals(0, EventRecorderTest.count(database,
                        "SELECT COUNT(*) FROM analytics_event WHERE query IS NOT NULL AND query_group IS NULL"));

                DateRange range = new DateRange(AT.minus(Duration.ofDays(1)), AT.plus(Duration.ofDays(1)), null);
                List<AnalyticsReports.QueryRow> top = new AnalyticsReports(database).topQueries(range, 10);
                assertEquals(1, top.size(), top.toString());
                assertEquals("ヘンキン", top.get(0).query()); // the most searched written form of the row
                assertEquals(older + 3, top.get(0).count());
                assertEquals(List.of(new AnalyticsReports.Variant("返金", 2), new AnalyticsReports.Variant("へんきん", 1)),
                        top.get(0).variants());
            }
        }
    }

    /** A search row as the previous release's EventRecorder wrote it: query and query_key only. */
    private static void insertOld(Connection connection, String query, int times) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO analytics_event"
                + " (occurred_at, hour_bucket, type, session_id, query, query_key, locale, result_count, origin)"
                + " VALUES (?, ?, 'search', 's1', ?, ?, 'ja', 3, 'api')")) {
            for (int i = 0; i < times; i++) {
                insert.setObject(1, AT.atOffset(ZoneOffset.UTC));
                insert.setLong(2, AT.getEpochSecond() / 3600);
                insert.setString(3, query);
                insert.setString(4, QueryText.normalized(query));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
