package dev.kotae.learning.evidence;

import dev.kotae.learning.Evidence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Turns recorded events into evidence: reads {@code analytics_event} after its watermark, by id and in
 * order, and records per visitor session what it did about each (query group, article, scope) pair in
 * {@code learning_choice}. Events, watermark and choices are all in the database, so nothing is lost or
 * counted twice across a restart, and a click is attributed however long ago its search was read.
 *
 * <p>What counts, and what not:
 * <ul>
 *   <li>A click counts for the session's latest search of the same query group before it, within
 *       {@link #ATTRIBUTION_WINDOW}, in that search's audience: a public article learns only from
 *       anonymous searches, an internal one only from agents' (the scope is the search's; a pair whose scope
 *       is not its article's audience is dropped when evidence is read). Its weight is the inverse of the
 *       chance that rank was looked at, {@code rank^}{@link #POSITION_BIAS}, capped at
 *       {@link #MAX_CLICK_WEIGHT}. The results shown above it and passed over are recorded as skips, those
 *       of the first page ({@link #SKIPS_SEEN}) only.</li>
 *   <li>A widget's "opened" or "solved" counts as a choice of its article for its query (public only);
 *       "shown" is the widget pre-fetching while the visitor types, and never counts.</li>
 *   <li>A helpful vote or a "solved" marks the session's recent choice of that article satisfied, and its
 *       other choices for the same question returned; an unhelpful vote, a "not-solved", or a new search
 *       within {@link #QUICK_RETURN} marks a choice returned.</li>
 *   <li>Requests that looked automated (crawlers, pre-fetches), events without a session, and events stored
 *       before requesters were recorded are ignored.</li>
 *   <li>A session counts once per pair, however often it clicks, and chooses at most
 *       {@link #PAIRS_PER_SESSION_PER_DAY} pairs a day, the sessions of one client address together at most
 *       {@link #PAIRS_PER_ADDRESS_PER_DAY}; further choices are ignored.</li>
 * </ul>
 */
public final class EvidenceIngestion {

    /** How long after a search a click is still taken as an answer to it. */
    public static final Duration ATTRIBUTION_WINDOW = Duration.ofMinutes(30);
    /** A new search this soon after a choice says the choice did not answer. */
    public static final Duration QUICK_RETURN = Duration.ofMinutes(2);
    /** Pairs one session may choose in a day: a script clicking everything moves at most this many. */
    public static final int PAIRS_PER_SESSION_PER_DAY = 10;
    /**
     * Pairs the sessions of one client address may choose in a day: fresh sessions cost a script nothing,
     * so this bounds what one address writes into the learning tables (it never moves ranking alone: see
     * {@code learning.minAddresses}).
     */
    public static final int PAIRS_PER_ADDRESS_PER_DAY = 100;
    /** Examination falls as {@code 1 / rank^bias}; the same bias as the simulated visitors' (ClickModel.BIAS). */
    public static final double POSITION_BIAS = 1.0;
    /** The most one click can weigh, so a lucky click far down cannot outweigh many sessions. */
    public static final double MAX_CLICK_WEIGHT = 5.0;
    /**
     * Only the first page's results passed over above a click count as skips: a click far down (a script
     * asking for a hundred results and clicking the last) must not write a row for every one above it.
     */
    public static final int SKIPS_SEEN = 10;
    /** Events read per transaction. */
    static final int BATCH = 1000;
    static final String STATE = "evidence";

    private static final String EVENTS = "SELECT id, occurred_at, type, session_id, query, query_group, query_key,"
            + " top_ids, article_id, result_rank, helpful, action, audience, client_hash, automated"
            + " FROM analytics_event WHERE id > ? ORDER BY id";
    private static final String SEARCHES_BEFORE = "SELECT occurred_at, query, query_group, query_key, top_ids,"
            + " audience, client_hash, automated FROM analytics_event"
            + " WHERE session_id = ? AND type = 'search' AND id < ? ORDER BY id DESC";

    private final DataSource database;

    public EvidenceIngestion(DataSource database) {
        this.database = database;
    }

    /** Reads every event recorded after the watermark; returns how many it read. */
    public int ingest() throws SQLException {
        int total = 0;
        while (true) {
            int read = ingestBatch();
            total += read;
            if (read < BATCH) {
                return total;
            }
        }
    }

    /** One transaction: the watermark row locked, up to {@link #BATCH} events applied, the watermark moved. */
    private int ingestBatch() throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long after = LearningState.lock(connection);
                List<Event> events = read(connection, after);
                for (Event event : events) {
                    apply(connection, event);
                }
                if (!events.isEmpty()) {
                    LearningState.saveWatermark(connection, events.get(events.size() - 1).id());
                }
                connection.commit();
                return events.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** A stored event, as far as learning reads it. */
    private record Event(long id, Instant at, String type, String session, String query, String group,
            List<String> topIds, String articleId, Integer rank, Boolean helpful, String action, String audience,
            String client, boolean automated) {}

    private static List<Event> read(Connection connection, long after) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(EVENTS)) {
            select.setLong(1, after);
            select.setMaxRows(BATCH);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int rank = row.getInt("result_rank");
                    Integer rankOrNull = row.wasNull() ? null : rank;
                    boolean helpful = row.getBoolean("helpful");
                    Boolean helpfulOrNull = row.wasNull() ? null : helpful;
                    events.add(new Event(row.getLong("id"), instant(row, "occurred_at"), row.getString("type"),
                            row.getString("session_id"), row.getString("query"), group(row), ids(row.getString("top_ids")),
                            row.getString("article_id"), rankOrNull, helpfulOrNull, row.getString("action"),
                            row.getString("audience"), row.getString("client_hash"), row.getBoolean("automated")));
                }
            }
        }
        return events;
    }

    private void apply(Connection connection, Event event) throws SQLException {
        if (event.session() == null || event.automated()) {
            return;
        }
        switch (event.type()) {
            case "search" -> returned(connection, event.session(), null, event.at().minus(QUICK_RETURN), event.at());
            case "click" -> click(connection, event);
            case "feedback" -> vote(connection, event);
            case "deflection" -> deflection(connection, event);
            default -> { /* a plugin's own event type: nothing to learn from */ }
        }
    }

    private void click(Connection connection, Event click) throws SQLException {
        if (click.articleId() == null || click.rank() == null || click.rank() < 1) {
            return;
        }
        Search search = attributedSearch(connection, click);
        if (search == null || search.automated() || Evidence.Scope.ofKey(search.audience()) == null
                || Moderation.problemWith(search.group(), search.written()) != null) {
            return; // a query no agent could decide on (Moderation#problemWith) teaches nothing
        }
        List<String> shown = search.topIds();
        int rank = click.rank();
        if (rank <= shown.size() && !shown.get(rank - 1).equals(click.articleId())) {
            return; // not what that search showed there (the ledger checks the API's clicks, not a plugin's)
        }
        Evidence.Scope scope = Evidence.Scope.ofKey(search.audience());
        String client = search.client() != null ? search.client() : click.client();
        double weight = Math.min(MAX_CLICK_WEIGHT, Math.pow(rank, POSITION_BIAS));
        if (!choose(connection, new Evidence.Key(search.group(), click.articleId(), scope), search.written(),
                click.session(), client, weight, false, click.at())) {
            return;
        }
        for (int i = 0; i < Math.min(Math.min(rank - 1, shown.size()), SKIPS_SEEN); i++) {
            if (!shown.get(i).equals(click.articleId())) {
                skip(connection, new Evidence.Key(search.group(), shown.get(i), scope), search.written(), click.session(),
                        client, click.at());
            }
        }
    }

    /** A session's search a click may be attributed to. */
    private record Search(String written, String group, List<String> topIds, String audience, String client,
            boolean automated) {}

    /** The session's latest search before the click, of the click's query group when it names a query. */
    private static Search attributedSearch(Connection connection, Event click) throws SQLException {
        Instant earliest = click.at().minus(ATTRIBUTION_WINDOW);
        try (PreparedStatement select = connection.prepareStatement(SEARCHES_BEFORE)) {
            select.setString(1, click.session());
            select.setLong(2, click.id());
            select.setMaxRows(50);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (instant(row, "occurred_at").isBefore(earliest)) {
                        return null;
                    }
                    String group = group(row);
                    if (group == null || (click.group() != null && !click.group().equals(group))) {
                        continue;
                    }
                    return new Search(row.getString("query"), group, ids(row.getString("top_ids")),
                            row.getString("audience"), row.getString("client_hash"), row.getBoolean("automated"));
                }
            }
        }
        return null;
    }

    private void vote(Connection connection, Event vote) throws SQLException {
        if (vote.articleId() == null || vote.helpful() == null) {
            return;
        }
        Instant from = vote.at().minus(ATTRIBUTION_WINDOW);
        if (vote.helpful()) {
            satisfied(connection, vote.session(), vote.articleId(), from, vote.at());
            answeredElsewhere(connection, vote.session(), vote.articleId(), from, vote.at());
        } else {
            returned(connection, vote.session(), vote.articleId(), from, vote.at());
        }
    }

    private void deflection(Connection connection, Event deflection) throws SQLException {
        if (deflection.articleId() == null || deflection.group() == null || deflection.query() == null
                || Evidence.Scope.ofKey(deflection.audience()) != Evidence.Scope.PUBLIC) {
            return; // widgets answer from public articles only: an agent's use teaches them nothing
        }
        if (Moderation.problemWith(deflection.group(), deflection.query()) != null) {
            return; // no agent could decide on it (Moderation#problemWith): it teaches nothing
        }
        Evidence.Key key = new Evidence.Key(deflection.group(), deflection.articleId(), Evidence.Scope.PUBLIC);
        switch (deflection.action() == null ? "" : deflection.action()) {
            case "opened" -> choose(connection, key, deflection.query(), deflection.session(), deflection.client(), 1,
                    false, deflection.at());
            case "solved" -> {
                choose(connection, key, deflection.query(), deflection.session(), deflection.client(), 1, true,
                        deflection.at());
                answeredElsewhere(connection, deflection.session(), deflection.articleId(),
                        deflection.at().minus(ATTRIBUTION_WINDOW), deflection.at());
            }
            case "not-solved" -> returned(connection, deflection.session(), deflection.articleId(),
                    deflection.at().minus(ATTRIBUTION_WINDOW), deflection.at());
            default -> { /* "shown" is a pre-fetch while typing; the rest say nothing about an article */ }
        }
    }

    /**
     * Records that the session chose the pair; false when the session has chosen its allowance of other
     * pairs today (then nothing is recorded).
     */
    private static boolean choose(Connection connection, Evidence.Key key, String written, String session,
            String client, double weight, boolean solved, Instant at) throws SQLException {
        String pair = PairKeys.of(key);
        Boolean chose = null;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT chose FROM learning_choice WHERE pair_key = ? AND session_id = ?")) {
            select.setString(1, pair);
            select.setString(2, session);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    chose = row.getBoolean(1);
                }
            }
        }
        if (!Boolean.TRUE.equals(chose) && (chosenToday(connection, "session_id", session, at) >= PAIRS_PER_SESSION_PER_DAY
                || client != null && chosenToday(connection, "client_hash", client, at) >= PAIRS_PER_ADDRESS_PER_DAY)) {
            return false;
        }
        if (chose == null) {
            insert(connection, key, written, session, client, true, weight, solved, at);
            return true;
        }
        // Chosen again, or chosen after being passed over: one session, one row; the strongest click counts.
        try (PreparedStatement update = connection.prepareStatement("UPDATE learning_choice SET chose = TRUE,"
                + " click_weight = CASE WHEN click_weight < ? THEN ? ELSE click_weight END,"
                + " voted = (voted OR ?), chosen_at = CASE WHEN chosen_at < ? THEN ? ELSE chosen_at END,"
                + " client_hash = COALESCE(client_hash, ?), written = ? WHERE pair_key = ? AND session_id = ?")) {
            update.setDouble(1, weight);
            update.setDouble(2, weight);
            update.setBoolean(3, solved);
            update.setLong(4, at.toEpochMilli());
            update.setLong(5, at.toEpochMilli());
            update.setString(6, client);
            update.setString(7, written);
            update.setString(8, pair);
            update.setString(9, session);
            update.executeUpdate();
        }
        return true;
    }

    /** How many pairs the session (or client address) chose in the day before {@code at}. */
    private static int chosenToday(Connection connection, String column, String value, Instant at) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM learning_choice WHERE " + column + " = ? AND chose = TRUE AND chosen_at > ?")) {
            count.setString(1, value);
            count.setLong(2, at.minus(Duration.ofDays(1)).toEpochMilli());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Records that the session saw the pair's article above the one it clicked and passed it over. */
    private static void skip(Connection connection, Evidence.Key key, String written, String session, String client,
            Instant at) throws SQLException {
        String pair = PairKeys.of(key);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE learning_choice SET skipped = TRUE WHERE pair_key = ? AND session_id = ?")) {
            update.setString(1, pair);
            update.setString(2, session);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        insert(connection, key, written, session, client, false, 0, false, at);
    }

    /** A session's first row for a pair: it chose the article (with its click's weight) or passed it over. */
    private static void insert(Connection connection, Evidence.Key key, String written, String session, String client,
            boolean chose, double weight, boolean solved, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO learning_choice (pair_key,"
                + " session_id, query_group, written, article_id, scope, client_hash, chose, skipped, click_weight,"
                + " voted, returned, chosen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)")) {
            insert.setString(1, PairKeys.of(key));
            insert.setString(2, session);
            insert.setString(3, key.queryGroup());
            insert.setString(4, written);
            insert.setString(5, key.articleId());
            insert.setString(6, key.scope().key());
            insert.setString(7, client);
            insert.setBoolean(8, chose);
            insert.setBoolean(9, !chose);
            insert.setDouble(10, weight);
            insert.setBoolean(11, solved);
            insert.setLong(12, at.toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** Marks the session's choices (of {@code articleId}, or of any article) between the instants satisfied. */
    private static void satisfied(Connection connection, String session, String articleId, Instant from, Instant to)
            throws SQLException {
        mark(connection, "voted", session, articleId, from, to);
    }

    /** Marks the session's choices between the instants as not having answered (unless already satisfied). */
    private static void returned(Connection connection, String session, String articleId, Instant from, Instant to)
            throws SQLException {
        mark(connection, "returned", session, articleId, from, to);
    }

    /**
     * Marks the session's other choices for the question {@code answer} answered (same query group, between
     * the instants) as not having answered: the visitor looked at them and went on to the answer. Without
     * this, they would count as satisfied once {@link #QUICK_RETURN} passed with no new search.
     */
    private static void answeredElsewhere(Connection connection, String session, String answer, Instant from,
            Instant to) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE learning_choice SET returned = TRUE"
                + " WHERE session_id = ? AND chose = TRUE AND voted = FALSE AND article_id <> ?"
                + " AND chosen_at >= ? AND chosen_at <= ? AND query_group IN (SELECT query_group FROM learning_choice"
                + " WHERE session_id = ? AND article_id = ? AND chose = TRUE AND chosen_at >= ? AND chosen_at <= ?)")) {
            update.setString(1, session);
            update.setString(2, answer);
            update.setLong(3, from.toEpochMilli());
            update.setLong(4, to.toEpochMilli());
            update.setString(5, session);
            update.setString(6, answer);
            update.setLong(7, from.toEpochMilli());
            update.setLong(8, to.toEpochMilli());
            update.executeUpdate();
        }
    }

    private static void mark(Connection connection, String column, String session, String articleId, Instant from,
            Instant to) throws SQLException {
        String sql = "UPDATE learning_choice SET " + column + " = TRUE WHERE session_id = ? AND chose = TRUE"
                + " AND chosen_at >= ? AND chosen_at <= ?" + (articleId == null ? "" : " AND article_id = ?");
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, session);
            update.setLong(2, from.toEpochMilli());
            update.setLong(3, to.toEpochMilli());
            if (articleId != null) {
                update.setString(4, articleId);
            }
            update.executeUpdate();
        }
    }

    /** The query's spelling group; rows stored before groups were kept fall back to the normalised query. */
    private static String group(ResultSet row) throws SQLException {
        String group = row.getString("query_group");
        return group != null ? group : row.getString("query_key");
    }

    private static List<String> ids(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
