package dev.kotae.analytics;

import dev.kotae.plugin.ClickEvent;
import dev.kotae.plugin.DeflectionEvent;
import dev.kotae.plugin.FeedbackEvent;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.SearchEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events to the analytics database in JDBC batches inside the caller's transaction (the
 * {@link JournalShipper} commits them together with its journal position). Every string is cut to its
 * column's width and personal data in queries and comments is masked before anything is written; IP
 * addresses are never known here, only their keyed hashes ({@link ClientAddresses}).
 */
public final class EventRecorder {

    /** Events per batch: large enough to amortise a round trip, small enough for one transaction. */
    static final int BATCH_SIZE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final String INSERT = "INSERT INTO analytics_event (occurred_at, hour_bucket, type, session_id,"
            + " query, query_key, locale, result_count, top_ids, origin, article_id, result_rank, helpful, comment,"
            + " widget, action, query_group, query_sound, audience, client_hash, automated)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The SQL type of each column of {@link #INSERT}, in order, for the columns an event leaves empty. */
    private static final int[] COLUMN_TYPES = {Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.INTEGER, Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN};

    private final AnalyticsDatabase database;

    public EventRecorder(AnalyticsDatabase database) {
        this.database = database;
    }

    /** Stores the events in a transaction of their own; returns how many were set aside (see {@link #store}). */
    public int write(List<KotaeEvent> events) throws SQLException {
        return writeRecorded(events.stream().map(RecordedEvent::of).toList());
    }

    /** Like {@link #write}, each event with who it came from. */
    public int writeRecorded(List<RecordedEvent> events) throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            int rejected = store(connection, events);
            connection.commit();
            return rejected;
        }
    }

    /**
     * Inserts the events in the caller's open transaction: in one JDBC batch, or, when the database
     * refuses the batch for something other than a lost connection, one row at a time, each behind a
     * savepoint, so only the rows it refuses are set aside (logged; the caller counts them) and the rest of
     * the batch is kept.
     *
     * @return how many events were set aside
     * @throws SQLException when the database could not be reached; nothing of the batch is kept then
     */
    int store(Connection connection, List<RecordedEvent> events) throws SQLException {
        Savepoint beforeBatch = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (RecordedEvent event : events) {
                bind(insert, event);
                insert.addBatch();
            }
            insert.executeBatch();
            return 0;
        } catch (SQLException e) {
            if (StorageErrors.unreachable(e, connection)) {
                throw e;
            }
            connection.rollback(beforeBatch);
            LOG.info("The analytics database refused a batch of {} events ({}); storing them one by one",
                    events.size(), StorageErrors.describe(e));
        }
        int rejected = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (RecordedEvent event : events) {
                Savepoint beforeRow = connection.setSavepoint();
                try {
                    bind(insert, event);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (StorageErrors.unreachable(e, connection)) {
                        throw e;
                    }
                    connection.rollback(beforeRow);
                    rejected++;
                    LOG.warn("The analytics database refused a {} event and it was set aside ({}): {}",
                            EventNames.of(event.event()), StorageErrors.describe(e), event.event());
                }
            }
        }
        return rejected;
    }

    private static void bind(PreparedStatement insert, RecordedEvent recorded) throws SQLException {
        for (int i = 0; i < COLUMN_TYPES.length; i++) {
            insert.setNull(i + 1, COLUMN_TYPES[i]); // each event type then sets its own columns
        }
        Requester requester = recorded.requester();
        insert.setString(19, requester.audience());
        insert.setString(20, fit(requester.client(), Columns.CLIENT_HASH));
        insert.setBoolean(21, requester.automated());
        KotaeEvent event = recorded.event();
        insert.setObject(1, event.at().atOffset(ZoneOffset.UTC));
        insert.setLong(2, event.at().getEpochSecond() / 3600);
        insert.setString(3, fit(EventNames.of(event), Columns.TYPE));
        insert.setString(4, fit(event.sessionId(), Columns.SESSION_ID));
        if (event instanceof SearchEvent search) {
            setQuery(insert, search.query());
            insert.setString(7, fit(search.locale(), Columns.LOCALE));
            insert.setLong(8, search.resultCount());
            insert.setString(9, fit(String.join(",", search.topIds()), Columns.TOP_IDS));
            insert.setString(10, fit(search.origin(), Columns.ORIGIN));
        } else if (event instanceof ClickEvent click) {
            setQuery(insert, click.query());
            insert.setString(11, fit(click.articleId(), Columns.ARTICLE_ID));
            insert.setInt(12, click.rank());
        } else if (event instanceof FeedbackEvent feedback) {
            insert.setString(11, fit(feedback.articleId(), Columns.ARTICLE_ID));
            insert.setBoolean(13, feedback.helpful());
            insert.setString(14, fit(QueryText.masked(feedback.comment()), Columns.COMMENT));
        } else if (event instanceof DeflectionEvent deflection) {
            setQuery(insert, deflection.query());
            insert.setString(11, fit(deflection.articleId(), Columns.ARTICLE_ID));
            insert.setString(15, fit(deflection.widget(), Columns.WIDGET));
            insert.setString(16, fit(deflection.action(), Columns.ACTION));
        } else if (event instanceof ArticleViewEvent view) {
            insert.setString(11, fit(view.articleId(), Columns.ARTICLE_ID));
        }
    }

    private static void setQuery(PreparedStatement insert, String query) throws SQLException {
        String masked = QueryText.masked(query);
        insert.setString(5, fit(masked, Columns.QUERY));
        // Cut after normalising: lower-casing can lengthen a string (İ becomes i and a combining dot).
        insert.setString(6, fit(QueryText.normalized(masked), Columns.QUERY_KEY));
        QuerySpelling.Spelling spelling = QuerySpelling.of(masked);
        if (spelling != null) {
            insert.setString(17, fit(spelling.group(), Columns.QUERY_GROUP));
            insert.setString(18, fit(spelling.sound(), Columns.QUERY_SOUND));
        }
    }

    /**
     * The text cut to at most {@code max} UTF-16 units (so at most {@code max} characters on H2 and
     * PostgreSQL alike), never between the two halves of a surrogate pair.
     */
    static String fit(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(max)) && Character.isHighSurrogate(text.charAt(max - 1))
                ? max - 1 : max;
        return text.substring(0, end);
    }

    /** The widths of the string columns of {@code analytics_event} (see the migrations); keep them in step. */
    static final class Columns {
        static final int TYPE = 16;
        static final int SESSION_ID = 64;
        static final int QUERY = 1000;
        static final int QUERY_KEY = 1000;
        static final int LOCALE = 16;
        static final int TOP_IDS = 1000;
        static final int ORIGIN = 140;
        static final int ARTICLE_ID = 128;
        static final int COMMENT = 2000;
        static final int WIDGET = 128;
        static final int ACTION = 32;
        static final int QUERY_GROUP = 1000;
        static final int QUERY_SOUND = 1000;
        static final int CLIENT_HASH = 64;

        private Columns() {}
    }
}
