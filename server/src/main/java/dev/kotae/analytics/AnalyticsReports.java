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
        return new QueryTable(queries(range, containing, limit, false));
    }

    /** The queries that found nothing: content gaps, most frequent first. */
    public List<QueryRow> zeroResultQueries(DateRange range, int limit) throws SQLException {
        return zeroResultQueries(range, null, limit);
    }

    /** The queries containing {@code containing} ({@code null}: all) that found nothing. */
    public List<QueryRow> zeroResultQueries(DateRange range, String containing, int limit) throws SQLException {
        return new QueryTable(queries(range, containing, limit, true)).rows();
    }

    /**
     * Rows of a query table and the spellings each counts: what {@link #topQueries} shows, kept so that
     * click-through can be read for the same rows without summing the searches again.
     */
    public static final class QueryTable {
        private final List<Grouped> groups;

        private QueryTable(List<Grouped> groups) {
            this.groups = List.copyOf(groups);
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
        String where = " WHERE type = 'search' AND occurred_at >= ? AND occurred_at < ?"
                + (range.locale() != null ? " AND locale = ?" : "")
                + (zeroOnly ? " AND result_count = 0" : "");
        String filter = folded(containing);
        Map<String, RowBuilder> rows = new LinkedHashMap<>();
        try (Connection connection = database.connection()) {
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
        try (Connection connection = database.connection()) {
            for (List<String> part : parts(counted)) {
                String sql = "SELECT " + SPELLING + ", COUNT(*), SUM(CAST(result_rank AS BIGINT)) FROM analytics_event"
                        + " WHERE type = 'click' AND occurred_at >= ? AND occurred_at < ? AND query_key IS NOT NULL"
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
     * Helpful and unhelpful votes per article, most voted first, with the latest comments. A visitor has one
     * vote per article, which they may change or comment on (each a {@code feedback} event): only their
     * last event in the range counts; events without a session each count.
     */
    public List<FeedbackRow> feedback(DateRange range, int limit) throws SQLException {
        String totals = "SELECT article_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS yes,"
                + " SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS no FROM (SELECT article_id, helpful,"
                + " ROW_NUMBER() OVER (PARTITION BY article_id, COALESCE(session_id, CAST(id AS VARCHAR(64)))"
                + " ORDER BY occurred_at DESC, id DESC) AS nth FROM analytics_event"
                + " WHERE type = 'feedback' AND occurred_at >= ? AND occurred_at < ?) votes WHERE nth = 1"
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
