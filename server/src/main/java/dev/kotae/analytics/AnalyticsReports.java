package dev.kotae.analytics;

import dev.kotae.plugin.DeflectionEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The questions support teams ask of the stored events: what customers search, what finds nothing,
 * what they click, which articles help, what the widgets deflect and when people search. Read-only;
 * each report is a few grouped SQL queries that run the same on H2 and PostgreSQL.
 *
 * <p>The query tables (top, zero results, click-through) count the spellings of one query as one row:
 * <ul>
 *   <li>texts with the same {@link QuerySpelling} group (width, case and kana folded: 「へんきん」,
 *       「ヘンキン」, 「ﾍﾝｷﾝ」; 「Refund」, 「ＲＥＦＵＮＤ」) are one spelling;
 *   <li>a spelling without kanji joins the spelling with kanji that is read the same and was searched
 *       most in the same report (「へんきん」 joins 「返金」; 「こうかん」 joins whichever of 「交換」 and
 *       「好感」 was searched more, and those two stay two rows); without such a spelling it stays a row;
 *   <li>a row shows its most searched written form (ties: the latest searched), its total count, and the
 *       other written forms with their counts as {@code variants}.
 * </ul>
 * The database sums the searches per spelling and returns only the most searched ({@link #candidates}:
 * ten times the limit and a hundred more) and the kana spellings read as one of them; {@link SpellingRows}
 * folds those sums into rows in memory, and the written forms of the chosen rows are read back. So a
 * report's memory and work in the server are bounded by its limit, not by the distinct queries of the
 * range; the price is that a row whose spellings are each searched less than the last candidate is left
 * out, even when together they would have made the table. Rows stored by a server older than the spelling columns and not yet filled in are grouped by
 * their {@code query_key} (width and case only).
 */
public final class AnalyticsReports {

    /** Rows in a report at most, unless the caller asks for fewer. */
    public static final int MAX_ROWS = 1000;
    /** Comments shown per article at most (newest first). */
    static final int COMMENTS_PER_ARTICLE = 5;

    /**
     * A query and how often it was searched, in all its spellings: {@code query} is the most searched
     * written form, {@code variants} the others, most searched first.
     */
    public record QueryRow(String query, long count, Instant lastSeen, List<Variant> variants) {}

    /** Another written form of a row's query and how often it was searched. */
    public record Variant(String query, long count) {

        /** The variants as text: each 「query (count)」, joined by {@code separator}. */
        public static String describe(List<Variant> variants, String separator) {
            return variants.stream().map(v -> v.query() + " (" + v.count() + ")")
                    .collect(Collectors.joining(separator));
        }
    }

    /**
     * Click-through of a query: searches, clicks on its results, their ratio and the mean clicked rank;
     * spellings are folded as in {@link QueryRow}.
     */
    public record ClickRow(String query, long searches, long clicks, double clickThroughRate, Double meanClickedRank,
            List<Variant> variants) {}

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

    /**
     * How a count changed week over week: {@code current} in the seven days up to the report's end,
     * {@code previous} in the seven days before (calendar days in the analytics time zone), and the change
     * as a ratio ({@code 0.5}: up 50 %, {@code -1}: down to nothing), {@code null} when there was nothing the
     * week before to compare with.
     */
    public record Trend(long current, long previous, Double change) {

        /** No events in either week. */
        public static final Trend NONE = new Trend(0, 0, null);

        public static Trend of(long current, long previous) {
            return new Trend(current, previous, previous == 0 ? null : round((double) (current - previous) / previous));
        }
    }

    /**
     * An article's views by customers (not agents, nor automated clients), their votes on it and its helpful
     * rate (helpful ÷ votes, {@code null} without votes) in the range, and its views week over week.
     */
    public record ArticleRow(String articleId, long views, long helpful, long unhelpful, Double helpfulRate,
            Trend weekOverWeek) {}

    /** One step of the contact funnel: how many events, and from how many distinct sessions. */
    public record Step(long events, long sessions) {

        static final Step NONE = new Step(0, 0);
    }

    /**
     * The contact page's funnel for one category (the widget {@code contact/<category>}; {@code category} is
     * {@code null} for events recorded before a category was chosen, widget {@code contact}): the page
     * viewed, matching articles shown, one opened, "this solved it", the request submitted anyway.
     */
    public record FunnelRow(String category, Step viewed, Step shown, Step opened, Step solved, Step submitted) {

        /** The same row with its category called {@code name} (its label in a reader's language, say). */
        public FunnelRow named(String name) {
            return new FunnelRow(name, viewed, shown, opened, solved, submitted);
        }
    }

    /** The widget the contact page records its funnel as, and the prefix of its per-category names. */
    public static final String CONTACT_WIDGET = "contact";
    /** What the contact page records when it is shown (the funnel's first step). */
    public static final String VIEWED = "viewed";

    /**
     * The weekly KPIs' raw counts over a range, for customers only (searches, votes and widget events of
     * agents and automated clients are left out): searches and those that found nothing, votes and the
     * helpful ones, and the deflection widgets' (contact page included) "solved" and "submitted" events.
     */
    public record Kpis(DateRange range, long searches, long zeroResultSearches, long votes, long helpfulVotes,
            long solved, long submitted) {

        /** Searches that found nothing ÷ searches, {@code null} without searches. */
        public Double zeroResultRate() {
            return searches == 0 ? null : round((double) zeroResultSearches / searches);
        }

        /** Helpful votes ÷ votes, {@code null} without votes. */
        public Double helpfulRate() {
            return votes == 0 ? null : round((double) helpfulVotes / votes);
        }

        /**
         * Solved ÷ (solved + submitted): of the customers who ended their way to a person one way or the
         * other, the share an article answered; {@code null} when neither happened.
         */
        public Double deflectionRate() {
            return solved + submitted == 0 ? null : round((double) solved / (solved + submitted));
        }

        /** Requests sent to a person anyway ("submitted" events of every widget and the contact page). */
        public long contactVolume() {
            return submitted;
        }
    }

    /**
     * Events of people only, not of clients that looked automated (a crawler following search links, a
     * script): the query tables, their trends and searches per hour count these, agents' searches
     * included (what agents could not find is a gap in the internal playbooks, and routing such a query is
     * how internal articles learn). Rows stored before the requester was recorded count as people's.
     */
    private static final String PEOPLE = " AND (automated IS NULL OR automated = FALSE)";

    /**
     * Events of customers only: not of signed-in agents, not of clients that looked automated. Rows stored
     * before the requester was recorded (both {@code NULL}) count as customers'.
     */
    private static final String CUSTOMERS = " AND (audience IS NULL OR audience <> 'agents')" + PEOPLE;

    /** A stored query's spelling: its group, or, for a row not yet filled in, its query key. */
    private static final String SPELLING = "COALESCE(query_group, query_key)";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Spellings looked up per statement when reading the written forms of the chosen rows. */
    private static final int SPELLINGS_PER_STATEMENT = 500;

    /** A row of a query table and the spellings it counts. */
    private record Grouped(QueryRow row, Set<String> spellings) {}

    private final AnalyticsDatabase database;
    private final IntConsumer spellingsRead;

    public AnalyticsReports(AnalyticsDatabase database) {
        this(database, read -> {});
    }

    /**
     * Reports that tell {@code spellingsRead} how many spelling sums each query table read from the
     * database: what a test checks to see that the tables stay bounded.
     */
    AnalyticsReports(AnalyticsDatabase database, IntConsumer spellingsRead) {
        this.database = database;
        this.spellingsRead = spellingsRead;
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
        return searched(range, containing, limit).rows();
    }

    /**
     * The most searched queries containing {@code containing} ({@code null}: all), as a table that
     * {@link #clickThrough(DateRange, QueryTable)} can reuse: a page showing both reads the searches once.
     */
    public QueryTable searched(DateRange range, String containing, int limit) throws SQLException {
        return new QueryTable(queries(range, containing, limit, false), false);
    }

    /** The queries that found nothing: content gaps, most frequent first. */
    public List<QueryRow> zeroResultQueries(DateRange range, int limit) throws SQLException {
        return zeroResultQueries(range, null, limit);
    }

    /** The queries containing {@code containing} ({@code null}: all) that found nothing. */
    public List<QueryRow> zeroResultQueries(DateRange range, String containing, int limit) throws SQLException {
        return zeroResults(range, containing, limit).rows();
    }

    /**
     * The queries containing {@code containing} ({@code null}: all) that found nothing, as a table whose
     * {@link #trends} can be read.
     */
    public QueryTable zeroResults(DateRange range, String containing, int limit) throws SQLException {
        return new QueryTable(queries(range, containing, limit, true), true);
    }

    /**
     * Rows of a query table and the spellings each counts: what {@link #topQueries} shows, kept so that
     * click-through can be read for the same rows without summing the searches again.
     */
    public static final class QueryTable {
        private final List<Grouped> groups;
        private final boolean zeroOnly;

        private QueryTable(List<Grouped> groups, boolean zeroOnly) {
            this.groups = List.copyOf(groups);
            this.zeroOnly = zeroOnly;
        }

        /** The rows, most searched first. */
        public List<QueryRow> rows() {
            return groups.stream().map(Grouped::row).toList();
        }
    }

    /**
     * How many spellings a query table may sum before folding: {@code limit × 10 + 100}. The database
     * returns only this many, most searched first, so the memory and the work in the server do not grow
     * with the distinct queries of the range; a row whose spellings are each searched less than the last
     * of them can be missed (see docs/operations.md).
     */
    static int candidates(int limit) {
        return Math.min(limit, MAX_ROWS) * 10 + 100;
    }

    /**
     * The rows of a query table, each with the spellings ({@code query_group} values) it counts: the
     * searches in range (and locale; only those that found nothing when {@code zeroOnly}; only spellings
     * or readings containing {@code containing}) are summed per spelling in SQL and only the
     * {@link #candidates most searched} kept; the kana spellings read as one of those are summed too (「へんきん」
     * when 「返金」 is a candidate, however rarely it was typed); {@link SpellingRows} folds them into rows
     * (so the limit applies to the folded rows, not to the texts as typed), and the written forms of the
     * chosen rows' spellings are read back for what each row shows.
     */
    private List<Grouped> queries(DateRange range, String containing, int limit, boolean zeroOnly) throws SQLException {
        String where = " WHERE type = 'search' AND occurred_at >= ? AND occurred_at < ?" + PEOPLE
                + (range.locale() != null ? " AND locale = ?" : "")
                + (zeroOnly ? " AND result_count = 0" : "");
        String filter = folded(containing);
        Map<String, RowBuilder> rows = new LinkedHashMap<>();
        try (Connection connection = database.snapshot()) {
            SpellingRows spellings = new SpellingRows();
            int read = 0;
            String top = "SELECT " + SPELLING + ", MAX(query_sound), COUNT(*) FROM analytics_event" + where
                    + (filter == null ? "" : " AND (" + SPELLING + " LIKE ? ESCAPE '\\' OR query_sound LIKE ? ESCAPE '\\')")
                    + " GROUP BY " + SPELLING + " ORDER BY COUNT(*) DESC, " + SPELLING + " LIMIT ?";
            Set<String> readings = new LinkedHashSet<>();
            try (PreparedStatement statement = connection.prepareStatement(top)) {
                int next = bindRange(statement, range, true);
                if (filter != null) {
                    String pattern = "%" + likeEscaped(filter) + "%";
                    statement.setString(next++, pattern);
                    statement.setString(next++, pattern);
                }
                statement.setInt(next, candidates(limit));
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        String spelling = result.getString(1);
                        String sound = result.getString(2);
                        if (spelling != null) {
                            read++;
                            spellings.add(spelling, sound, result.getLong(3));
                            if (sound != null && !sound.equals(spelling)) {
                                readings.add(sound);
                            }
                        }
                    }
                }
            }
            // The kana spelling of a reading is the reading itself (query_group = query_sound).
            List<String> partners = readings.stream().filter(sound -> !spellings.has(sound)).toList();
            for (List<String> part : parts(partners)) {
                String sql = "SELECT query_group, MAX(query_sound), COUNT(*) FROM analytics_event" + where
                        + " AND query_group = query_sound AND query_group IN (" + placeholders(part)
                        + ") GROUP BY query_group";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bindAll(statement, bindRange(statement, range, true), part);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            read++;
                            spellings.add(result.getString(1), result.getString(2), result.getLong(3));
                        }
                    }
                }
            }
            spellingsRead.accept(read);
            Map<String, String> rowOfSpelling = new HashMap<>();
            for (SpellingRows.Row row : spellings.top(filter, limit)) {
                rows.put(row.key(), new RowBuilder());
                row.spellings().forEach(spelling -> rowOfSpelling.put(spelling, row.key()));
            }
            for (List<String> part : parts(new ArrayList<>(rowOfSpelling.keySet()))) {
                String sql = "SELECT " + SPELLING + ", query, COUNT(*), MAX(occurred_at) FROM analytics_event" + where
                        + " AND " + SPELLING + " IN (" + placeholders(part) + ") GROUP BY " + SPELLING + ", query";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bindAll(statement, bindRange(statement, range, true), part);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            rows.get(rowOfSpelling.get(result.getString(1))).add(result.getString(1),
                                    result.getString(2), result.getLong(3), instant(result, 4));
                        }
                    }
                }
            }
        }
        // A row whose searches were all purged between the two reads (retention) has nothing left to show.
        return rows.values().stream().filter(RowBuilder::hasForms).map(RowBuilder::build).toList();
    }

    /**
     * Click-through per query, for the most searched queries: clicks ÷ searches and the mean rank of
     * what was clicked (a high mean rank says the best answer is not ranked first). Clicks are folded into
     * rows as searches are.
     */
    public List<ClickRow> clickThrough(DateRange range, int limit) throws SQLException {
        return clickThrough(range, null, limit);
    }

    /** Click-through for the most searched queries containing {@code containing} ({@code null}: all). */
    public List<ClickRow> clickThrough(DateRange range, String containing, int limit) throws SQLException {
        return clickThrough(range, searched(range, containing, limit));
    }

    /**
     * Click-through for the rows of {@code searched} (read for the same range): only the clicks on the
     * spellings of those rows are read.
     */
    public List<ClickRow> clickThrough(DateRange range, QueryTable searched) throws SQLException {
        Map<String, long[]> clicks = new HashMap<>();
        List<String> counted = searched.groups.stream().flatMap(g -> g.spellings().stream()).distinct().toList();
        try (Connection connection = database.snapshot()) {
            for (List<String> part : parts(counted)) {
                String sql = "SELECT " + SPELLING + ", COUNT(*), SUM(CAST(result_rank AS BIGINT)) FROM analytics_event"
                        + " WHERE type = 'click' AND occurred_at >= ? AND occurred_at < ? AND query_key IS NOT NULL" + PEOPLE
                        + " AND " + SPELLING + " IN (" + placeholders(part) + ") GROUP BY " + SPELLING;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bindAll(statement, bindRange(statement, range, false), part);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            clicks.put(result.getString(1), new long[] {result.getLong(2), result.getLong(3)});
                        }
                    }
                }
            }
        }
        List<ClickRow> rows = new ArrayList<>();
        for (Grouped group : searched.groups) {
            long clickCount = 0;
            long rankSum = 0;
            for (String spelling : group.spellings()) {
                long[] clicked = clicks.get(spelling);
                if (clicked != null) {
                    clickCount += clicked[0];
                    rankSum += clicked[1];
                }
            }
            QueryRow row = group.row();
            rows.add(new ClickRow(row.query(), row.count(), clickCount, round((double) clickCount / row.count()),
                    clickCount == 0 ? null : round((double) rankSum / clickCount), row.variants()));
        }
        return rows;
    }

    /**
     * Week over week for the rows of {@code table}: the searches of each row's spellings (only those that
     * found nothing, for a zero-result table) in the seven days up to the end of {@code range} and in the
     * seven before, days counted in {@code zone}. Keyed by the row's query; a row without searches in
     * either week has {@link Trend#NONE}.
     */
    public Map<String, Trend> trends(DateRange range, ZoneId zone, QueryTable table) throws SQLException {
        DateRange.Weeks weeks = range.weeks(zone);
        Map<String, long[]> perSpelling = new HashMap<>();
        List<String> counted = table.groups.stream().flatMap(g -> g.spellings().stream()).distinct().toList();
        try (Connection connection = database.snapshot()) {
            for (List<String> part : parts(counted)) {
                String sql = "SELECT " + SPELLING + ", SUM(CASE WHEN occurred_at >= ? THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN occurred_at < ? THEN 1 ELSE 0 END) FROM analytics_event"
                        + " WHERE type = 'search' AND occurred_at >= ? AND occurred_at < ?" + PEOPLE
                        + (range.locale() != null ? " AND locale = ?" : "")
                        + (table.zeroOnly ? " AND result_count = 0" : "")
                        + " AND " + SPELLING + " IN (" + placeholders(part) + ") GROUP BY " + SPELLING;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    int next = bindWeeks(statement, weeks);
                    if (range.locale() != null) {
                        statement.setString(next++, range.locale());
                    }
                    bindAll(statement, next, part);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            perSpelling.put(result.getString(1), new long[] {result.getLong(2), result.getLong(3)});
                        }
                    }
                }
            }
        }
        Map<String, Trend> trends = new HashMap<>();
        for (Grouped group : table.groups) {
            long current = 0;
            long previous = 0;
            for (String spelling : group.spellings()) {
                long[] counts = perSpelling.getOrDefault(spelling, new long[2]);
                current += counts[0];
                previous += counts[1];
            }
            trends.put(group.row().query(), Trend.of(current, previous));
        }
        return trends;
    }

    /**
     * The articles customers opened most in the range ({@link ArticleRow}), most first (ties by id), with
     * customers' votes on them in the range and their views week over week (the seven days up to the range's end against
     * the seven before, in {@code zone}).
     */
    public List<ArticleRow> articleViews(DateRange range, ZoneId zone, int limit) throws SQLException {
        String top = "SELECT article_id, COUNT(*) FROM analytics_event WHERE type = 'view'"
                + " AND occurred_at >= ? AND occurred_at < ?" + CUSTOMERS
                + " GROUP BY article_id ORDER BY COUNT(*) DESC, article_id LIMIT ?";
        Map<String, Long> views = new LinkedHashMap<>();
        Map<String, long[]> votes = new HashMap<>();
        Map<String, long[]> weekly = new HashMap<>();
        DateRange.Weeks weeks = range.weeks(zone);
        try (Connection connection = database.snapshot()) {
            try (PreparedStatement statement = connection.prepareStatement(top)) {
                statement.setInt(bindRange(statement, range, false), Math.min(limit, MAX_ROWS));
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        views.put(result.getString(1), result.getLong(2));
                    }
                }
            }
            for (List<String> part : parts(new ArrayList<>(views.keySet()))) {
                String voted = "SELECT article_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END), COUNT(*) FROM "
                        + lastVotes(CUSTOMERS + " AND article_id IN (" + placeholders(part) + ")") + " GROUP BY article_id";
                try (PreparedStatement statement = connection.prepareStatement(voted)) {
                    bindAll(statement, bindRange(statement, range, false), part);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            votes.put(result.getString(1), new long[] {result.getLong(2), result.getLong(3)});
                        }
                    }
                }
                String trend = "SELECT article_id, SUM(CASE WHEN occurred_at >= ? THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN occurred_at < ? THEN 1 ELSE 0 END) FROM analytics_event"
                        + " WHERE type = 'view' AND occurred_at >= ? AND occurred_at < ?" + CUSTOMERS
                        + " AND article_id IN (" + placeholders(part) + ") GROUP BY article_id";
                try (PreparedStatement statement = connection.prepareStatement(trend)) {
                    bindAll(statement, bindWeeks(statement, weeks), part);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            weekly.put(result.getString(1), new long[] {result.getLong(2), result.getLong(3)});
                        }
                    }
                }
            }
        }
        List<ArticleRow> rows = new ArrayList<>();
        views.forEach((id, count) -> {
            long[] voted = votes.getOrDefault(id, new long[2]);
            long[] week = weekly.getOrDefault(id, new long[2]);
            rows.add(new ArticleRow(id, count, voted[0], voted[1] - voted[0],
                    voted[1] == 0 ? null : round((double) voted[0] / voted[1]), Trend.of(week[0], week[1])));
        });
        return rows;
    }

    /**
     * The contact page's funnel per category ({@link FunnelRow}), from the deflection events it records
     * as widget {@code contact} or {@code contact/<category>}: the row without a category first, then by
     * category.
     */
    public List<FunnelRow> contactFunnel(DateRange range) throws SQLException {
        String sql = "SELECT widget, action, COUNT(*), COUNT(DISTINCT session_id) FROM analytics_event"
                + " WHERE type = 'deflection' AND occurred_at >= ? AND occurred_at < ?"
                + " AND (widget = ? OR widget LIKE ?) GROUP BY widget, action";
        Map<String, Map<String, Step>> steps =
                new java.util.TreeMap<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = bindRange(statement, range, false);
            statement.setString(next++, CONTACT_WIDGET);
            statement.setString(next, CONTACT_WIDGET + "/%");
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String widget = result.getString(1);
                    String category = widget.equals(CONTACT_WIDGET) ? null : widget.substring(CONTACT_WIDGET.length() + 1);
                    steps.computeIfAbsent(category, c -> new HashMap<>())
                            .put(result.getString(2), new Step(result.getLong(3), result.getLong(4)));
                }
            }
        }
        List<FunnelRow> rows = new ArrayList<>();
        steps.forEach((category, actions) -> rows.add(new FunnelRow(category,
                actions.getOrDefault(VIEWED, Step.NONE), actions.getOrDefault(DeflectionEvent.SHOWN, Step.NONE),
                actions.getOrDefault(DeflectionEvent.OPENED, Step.NONE),
                actions.getOrDefault(DeflectionEvent.SOLVED, Step.NONE),
                actions.getOrDefault(DeflectionEvent.SUBMITTED, Step.NONE))));
        return rows;
    }

    /** The weekly KPIs' counts over {@code range} ({@link Kpis}), of customers only. */
    public Kpis kpis(DateRange range) throws SQLException {
        String searches = "SELECT COUNT(*), SUM(CASE WHEN result_count = 0 THEN 1 ELSE 0 END) FROM analytics_event"
                + " WHERE type = 'search' AND occurred_at >= ? AND occurred_at < ?" + CUSTOMERS;
        String votes = "SELECT COUNT(*), SUM(CASE WHEN helpful THEN 1 ELSE 0 END) FROM " + lastVotes(CUSTOMERS);
        String ends = "SELECT SUM(CASE WHEN action = ? THEN 1 ELSE 0 END), SUM(CASE WHEN action = ? THEN 1 ELSE 0 END)"
                + " FROM analytics_event WHERE type = 'deflection' AND occurred_at >= ? AND occurred_at < ?"
                + CUSTOMERS;
        try (Connection connection = database.snapshot()) {
            long[] searched = sums(connection, searches, range, List.of());
            long[] voted = sums(connection, votes, range, List.of());
            long[] ended = sums(connection, ends, range, List.of(DeflectionEvent.SOLVED, DeflectionEvent.SUBMITTED));
            return new Kpis(range, searched[0], searched[1], voted[0], voted[1], ended[0], ended[1]);
        }
    }

    /** The two sums of a one-row query: {@code before} bound first, then the range; {@code NULL} as 0. */
    private static long[] sums(Connection connection, String sql, DateRange range, List<String> before)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = 1;
            for (String value : before) {
                statement.setString(next++, value);
            }
            statement.setObject(next++, range.from().atOffset(ZoneOffset.UTC));
            statement.setObject(next, range.to().atOffset(ZoneOffset.UTC));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new long[] {result.getLong(1), result.getLong(2)};
            }
        }
    }

    /**
     * Binds the start of the current week, the same again, then the start of the previous week and the end
     * of the current one: the two CASE bounds and the WHERE range of a week-over-week query.
     */
    private static int bindWeeks(PreparedStatement statement, DateRange.Weeks weeks) throws SQLException {
        OffsetDateTime middle = weeks.current().from().atOffset(ZoneOffset.UTC);
        statement.setObject(1, middle);
        statement.setObject(2, middle);
        statement.setObject(3, weeks.previous().from().atOffset(ZoneOffset.UTC));
        statement.setObject(4, weeks.current().to().atOffset(ZoneOffset.UTC));
        return 5;
    }

    /**
     * The votes that count in the range (its two bounds are the first parameters, then those of {@code where}),
     * as a derived table {@code votes (article_id, helpful)}: a visitor has one vote per article, which they
     * may change or comment on (each a {@code feedback} event), so only their last event counts; events
     * without a session each count.
     */
    private static String lastVotes(String where) {
        return "(SELECT article_id, helpful FROM (SELECT article_id, helpful, ROW_NUMBER() OVER (PARTITION BY"
                + " article_id, COALESCE(session_id, CAST(id AS VARCHAR(64))) ORDER BY occurred_at DESC, id DESC) AS nth"
                + " FROM analytics_event WHERE type = 'feedback' AND occurred_at >= ? AND occurred_at < ?" + where
                + ") numbered WHERE nth = 1) votes";
    }

    /**
     * Customers' helpful and unhelpful votes per article, most voted first, with their latest comments. A
     * visitor has one vote per article, which they may change or comment on (each a {@code feedback} event):
     * only their last event in the range counts; events without a session each count. Agents' votes and
     * those of clients that looked automated are left out, as they are from the article views beside them.
     */
    public List<FeedbackRow> feedback(DateRange range, int limit) throws SQLException {
        String totals = "SELECT article_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS yes,"
                + " SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS no FROM " + lastVotes(CUSTOMERS)
                + " GROUP BY article_id ORDER BY COUNT(*) DESC, article_id LIMIT ?";
        String comments = "SELECT article_id, helpful, comment, occurred_at FROM analytics_event"
                + " WHERE type = 'feedback' AND occurred_at >= ? AND occurred_at < ? AND comment IS NOT NULL" + CUSTOMERS
                + " ORDER BY occurred_at DESC, id DESC LIMIT ?";
        Map<String, FeedbackRow> rows = new LinkedHashMap<>();
        try (Connection connection = database.snapshot()) {
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
                    // At most 1: a "solved" beyond the showings (a click twice, or one sent with no showing, as
                    // anyone may post events) is counted in solved, not in the rate.
                    shown == 0 ? null : round((double) Math.min(solved, shown) / shown)));
        });
        return rows;
    }

    /** Searches per hour (UTC), oldest first; hours without searches are left out. */
    public List<HourRow> searchesPerHour(DateRange range) throws SQLException {
        String sql = "SELECT hour_bucket, COUNT(*) FROM analytics_event"
                + " WHERE type = 'search' AND occurred_at >= ? AND occurred_at < ?" + PEOPLE
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

    /** {@code containing} folded as spellings are, or {@code null} for none (or nothing left of it). */
    static String folded(String containing) {
        QuerySpelling.Spelling spelling = containing == null ? null
                : QuerySpelling.of(QueryText.masked(containing.strip()));
        return spelling == null || spelling.group().isEmpty() ? null : spelling.group();
    }

    /** {@code values} in parts of at most {@link #SPELLINGS_PER_STATEMENT}, for IN lists. */
    private static List<List<String>> parts(List<String> values) {
        List<List<String>> parts = new ArrayList<>();
        for (int from = 0; from < values.size(); from += SPELLINGS_PER_STATEMENT) {
            parts.add(values.subList(from, Math.min(values.size(), from + SPELLINGS_PER_STATEMENT)));
        }
        return parts;
    }

    private static String placeholders(List<String> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    private static void bindAll(PreparedStatement statement, int from, List<String> values) throws SQLException {
        int next = from;
        for (String value : values) {
            statement.setString(next++, value);
        }
    }

    /** {@code text} matched literally by LIKE with escape character {@code \}. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Binds from, to (and the locale when asked and set); returns the next parameter index. */
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

    /**
     * Gathers the written forms of one row: forms that differ only in runs of white space are one, the
     * most searched (then the latest searched) is the row's query.
     */
    private static final class RowBuilder {
        private final Set<String> spellings = new LinkedHashSet<>();
        private final Map<String, Form> forms = new LinkedHashMap<>();

        /** How often one written form was searched, and when last. */
        private static final class Form {
            final String text;
            long count;
            Instant lastSeen;

            Form(String text) {
                this.text = text;
            }
        }

        void add(String spelling, String written, long count, Instant lastSeen) {
            spellings.add(spelling);
            String text = written == null ? spelling : SPACES.matcher(written).replaceAll(" ");
            Form form = forms.computeIfAbsent(text, Form::new);
            form.count += count;
            if (lastSeen != null && (form.lastSeen == null || lastSeen.isAfter(form.lastSeen))) {
                form.lastSeen = lastSeen;
            }
        }

        boolean hasForms() {
            return !forms.isEmpty();
        }

        Grouped build() {
            Comparator<Form> latestFirst = Comparator.comparing((Form f) -> f.lastSeen,
                    Comparator.nullsLast(Comparator.reverseOrder()));
            List<Form> ranked = forms.values().stream()
                    .sorted(Comparator.comparingLong((Form f) -> -f.count).thenComparing(latestFirst)
                            .thenComparing(f -> f.text))
                    .toList();
            long total = ranked.stream().mapToLong(f -> f.count).sum();
            Instant lastSeen = ranked.stream().map(f -> f.lastSeen).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            List<Variant> variants = ranked.stream().skip(1).map(f -> new Variant(f.text, f.count)).toList();
            return new Grouped(new QueryRow(ranked.get(0).text, total, lastSeen, variants), Set.copyOf(spellings));
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
