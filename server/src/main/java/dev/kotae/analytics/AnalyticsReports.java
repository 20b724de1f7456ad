package dev.kotae.analytics;

import dev.kotae.plugin.DeflectionEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions support teams ask of the stored events: what customers search, what finds nothing,
 * what they click, which articles help, what the widgets deflect and when people search. Read-only;
 * each report is one or two grouped SQL queries that run the same on H2 and PostgreSQL.
 */
public final class AnalyticsReports {

    /** Rows in a report at most, unless the caller asks for fewer. */
    public static final int MAX_ROWS = 1000;
    /** Comments shown per article at most (newest first). */
    static final int COMMENTS_PER_ARTICLE = 5;

    /** A query and how often it was searched. */
    public record QueryRow(String query, long count, Instant lastSeen) {}

    /** Click-through of a query: searches, clicks on its results, their ratio and the mean clicked rank. */
    public record ClickRow(String query, long searches, long clicks, double clickThroughRate, Double meanClickedRank) {}

    /** Votes on an article and its latest comments. */
    public record FeedbackRow(String articleId, long helpful, long unhelpful, List<Comment> comments) {}

    /** One comment left with a vote. */
    public record Comment(boolean helpful, String text, Instant at) {}

    /**
     * What a widget did: shown, opened, solved, submitted anyway, answered (a bot's confident answer),
     * and solved ÷ shown.
     */
    public record DeflectionRow(String widget, long shown, long opened, long solved, long submitted, long answered,
            Double deflectionRate) {}

    /** Searches in one hour (UTC). */
    public record HourRow(Instant hour, long searches) {}

    private final AnalyticsDatabase database;

    public AnalyticsReports(AnalyticsDatabase database) {
        this.database = database;
    }

    /** The most searched queries, most first. */
    public List<QueryRow> topQueries(DateRange range, int limit) throws SQLException {
        return topQueries(range, null, limit);
    }

    /**
     * The most searched queries that contain {@code containing} (grouped as queries are, e.g. the term an
     * alert named), most first; {@code null} for all.
     */
    public List<QueryRow> topQueries(DateRange range, String containing, int limit) throws SQLException {
        return queries(range, containing, limit, false);
    }

    /** The queries that found nothing: content gaps, most frequent first. */
    public List<QueryRow> zeroResultQueries(DateRange range, int limit) throws SQLException {
        return zeroResultQueries(range, null, limit);
    }

    /** The queries containing {@code containing} ({@code null}: all) that found nothing. */
    public List<QueryRow> zeroResultQueries(DateRange range, String containing, int limit) throws SQLException {
        return queries(range, containing, limit, true);
    }

    private List<QueryRow> queries(DateRange range, String containing, int limit, boolean zeroOnly) throws SQLException {
        String pattern = likePattern(containing);
        String sql = "SELECT query_key, COUNT(*) AS n, MAX(occurred_at) AS last_seen FROM analytics_event"
                + " WHERE type = 'search' AND occurred_at >= ? AND occurred_at < ?"
                + (range.locale() != null ? " AND locale = ?" : "")
                + (pattern != null ? " AND query_key LIKE ? ESCAPE '!'" : "")
                + (zeroOnly ? " AND result_count = 0" : "")
                + " GROUP BY query_key ORDER BY n DESC, query_key LIMIT ?";
        List<QueryRow> rows = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = bindRange(statement, range, true);
            if (pattern != null) {
                statement.setString(next++, pattern);
            }
            statement.setInt(next, limit);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new QueryRow(result.getString(1), result.getLong(2), instant(result, 3)));
                }
            }
        }
        return rows;
    }

    /**
     * Click-through per query, for the most searched queries: clicks ÷ searches and the mean rank of
     * what was clicked (a high mean rank says the best answer is not ranked first).
     */
    public List<ClickRow> clickThrough(DateRange range, int limit) throws SQLException {
        return clickThrough(range, null, limit);
    }

    /** Click-through for the most searched queries containing {@code containing} ({@code null}: all). */
    public List<ClickRow> clickThrough(DateRange range, String containing, int limit) throws SQLException {
        Map<String, long[]> searches = new LinkedHashMap<>();
        for (QueryRow row : topQueries(range, containing, limit)) {
            searches.put(row.query(), new long[] {row.count()});
        }
        Map<String, double[]> clicks = new LinkedHashMap<>();
        String sql = "SELECT query_key, COUNT(*), AVG(CAST(result_rank AS DOUBLE PRECISION)) FROM analytics_event"
                + " WHERE type = 'click' AND occurred_at >= ? AND occurred_at < ? AND query_key IS NOT NULL"
                + " GROUP BY query_key";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bindRange(statement, range, false);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    clicks.put(result.getString(1), new double[] {result.getLong(2), result.getDouble(3)});
                }
            }
        }
        List<ClickRow> rows = new ArrayList<>();
        searches.forEach((query, count) -> {
            double[] clicked = clicks.get(query);
            long clickCount = clicked == null ? 0 : (long) clicked[0];
            rows.add(new ClickRow(query, count[0], clickCount, round((double) clickCount / count[0]),
                    clicked == null ? null : round(clicked[1])));
        });
        return rows;
    }

    /** Helpful and unhelpful votes per article, most voted first, with the latest comments. */
    public List<FeedbackRow> feedback(DateRange range, int limit) throws SQLException {
        String totals = "SELECT article_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS yes,"
                + " SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS no FROM analytics_event"
                + " WHERE type = 'feedback' AND occurred_at >= ? AND occurred_at < ?"
                + " GROUP BY article_id ORDER BY COUNT(*) DESC, article_id LIMIT ?";
        String comments = "SELECT article_id, helpful, comment, occurred_at FROM analytics_event"
                + " WHERE type = 'feedback' AND occurred_at >= ? AND occurred_at < ? AND comment IS NOT NULL"
                + " ORDER BY occurred_at DESC, id DESC LIMIT ?";
        Map<String, FeedbackRow> rows = new LinkedHashMap<>();
        try (Connection connection = database.connection()) {
            try (PreparedStatement statement = connection.prepareStatement(totals)) {
                statement.setInt(bindRange(statement, range, false), limit);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.put(result.getString(1), new FeedbackRow(result.getString(1), result.getLong(2),
                                result.getLong(3), new ArrayList<>()));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(comments)) {
                statement.setInt(bindRange(statement, range, false), MAX_ROWS * COMMENTS_PER_ARTICLE);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        FeedbackRow row = rows.get(result.getString(1));
                        if (row != null && row.comments().size() < COMMENTS_PER_ARTICLE) {
                            row.comments().add(new Comment(result.getBoolean(2), result.getString(3), instant(result, 4)));
                        }
                    }
                }
            }
        }
        return rows.values().stream()
                .map(r -> new FeedbackRow(r.articleId(), r.helpful(), r.unhelpful(), List.copyOf(r.comments())))
                .toList();
    }

    /** Per widget: how often it suggested articles, and how often that ended without a ticket. */
    public List<DeflectionRow> deflection(DateRange range) throws SQLException {
        String sql = "SELECT widget, action, COUNT(*) FROM analytics_event"
                + " WHERE type = 'deflection' AND occurred_at >= ? AND occurred_at < ? GROUP BY widget, action";
        Map<String, Map<String, Long>> counts = new java.util.TreeMap<>();
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bindRange(statement, range, false);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    counts.computeIfAbsent(result.getString(1), w -> new LinkedHashMap<>())
                            .put(result.getString(2), result.getLong(3));
                }
            }
        }
        List<DeflectionRow> rows = new ArrayList<>();
        counts.forEach((widget, actions) -> {
            long shown = actions.getOrDefault(DeflectionEvent.SHOWN, 0L);
            long solved = actions.getOrDefault(DeflectionEvent.SOLVED, 0L);
            rows.add(new DeflectionRow(widget, shown, actions.getOrDefault(DeflectionEvent.OPENED, 0L), solved,
                    actions.getOrDefault(DeflectionEvent.SUBMITTED, 0L), actions.getOrDefault(DeflectionEvent.ANSWERED, 0L),
                    shown == 0 ? null : round((double) solved / shown)));
        });
        return rows;
    }

    /** Searches per hour (UTC), oldest first; hours without searches are left out. */
    public List<HourRow> searchesPerHour(DateRange range) throws SQLException {
        String sql = "SELECT hour_bucket, COUNT(*) FROM analytics_event"
                + " WHERE type = 'search' AND occurred_at >= ? AND occurred_at < ?"
                + (range.locale() != null ? " AND locale = ?" : "")
                + " GROUP BY hour_bucket ORDER BY hour_bucket LIMIT ?";
        List<HourRow> rows = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(bindRange(statement, range, true), 24 * 366);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new HourRow(Instant.ofEpochSecond(result.getLong(1) * 3600), result.getLong(2)));
                }
            }
        }
        return rows;
    }

    /** Binds from, to (and the locale when asked and set); returns the next parameter index. */
    /** A LIKE pattern matching grouping keys that contain the normalised text, or {@code null} for none. */
    static String likePattern(String containing) {
        String key = containing == null ? null : QueryText.normalized(QueryText.masked(containing.strip()));
        if (key == null || key.isEmpty()) {
            return null;
        }
        return "%" + key.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static int bindRange(PreparedStatement statement, DateRange range, boolean withLocale) throws SQLException {
        statement.setObject(1, range.from().atOffset(ZoneOffset.UTC));
        statement.setObject(2, range.to().atOffset(ZoneOffset.UTC));
        if (withLocale && range.locale() != null) {
            statement.setString(3, range.locale());
            return 4;
        }
        return 3;
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        OffsetDateTime value = result.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
