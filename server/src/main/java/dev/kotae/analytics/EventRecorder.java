package dev.kotae.analytics;

import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.ClickEvent;
import dev.kotae.plugin.DeflectionEvent;
import dev.kotae.plugin.FeedbackEvent;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.SearchEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events to the analytics database in JDBC batches, on the event bus's thread for it (never a
 * request thread): a batch goes out when {@link #BATCH_SIZE} events are buffered or when the queue has
 * been empty for a moment (the bus calls {@link #flush()}), and once more at close. Personal data in
 * queries and comments is masked before anything is written; IP addresses are never known here.
 */
public final class EventRecorder implements EventBus.Subscriber {

    /** The bus lane: large enough to ride out a burst, and drained fully before the database closes. */
    public static final EventBus.Delivery DELIVERY = new EventBus.Delivery(100_000, Duration.ofSeconds(60));
    static final int BATCH_SIZE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final String INSERT = "INSERT INTO analytics_event (occurred_at, hour_bucket, type, session_id,"
            + " query, query_key, locale, result_count, top_ids, origin, article_id, result_rank, helpful, comment,"
            + " widget, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The SQL type of each column of {@link #INSERT}, in order, for the columns an event leaves empty. */
    private static final int[] COLUMN_TYPES = {Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.INTEGER, Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
    private static final int MAX_TOP_IDS = 1000;
    private static final int MAX_COMMENT = 2000;

    private final AnalyticsDatabase database;
    private final KotaeMetrics metrics;
    private final List<KotaeEvent> buffer = new ArrayList<>(BATCH_SIZE);

    public EventRecorder(AnalyticsDatabase database, KotaeMetrics metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    @Override
    public void accept(KotaeEvent event) throws SQLException {
        buffer.add(event);
        if (buffer.size() >= BATCH_SIZE) {
            flush();
        }
    }

    @Override
    public void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (KotaeEvent event : buffer) {
                bind(insert, event);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            metrics.analyticsStored(buffer.size());
        } catch (SQLException e) {
            // Counted and logged, never retried forever: a broken database must not grow the heap.
            metrics.analyticsLost(buffer.size());
            LOG.warn("Could not store {} analytics events: {}", buffer.size(), e.toString());
            throw e;
        } finally {
            buffer.clear();
        }
    }

    private static void bind(PreparedStatement insert, KotaeEvent event) throws SQLException {
        for (int i = 0; i < COLUMN_TYPES.length; i++) {
            insert.setNull(i + 1, COLUMN_TYPES[i]); // each event type then sets its own columns
        }
        insert.setObject(1, event.at().atOffset(ZoneOffset.UTC));
        insert.setLong(2, event.at().getEpochSecond() / 3600);
        insert.setString(3, EventNames.of(event));
        insert.setString(4, event.sessionId());
        if (event instanceof SearchEvent search) {
            setQuery(insert, search.query());
            insert.setString(7, search.locale());
            insert.setLong(8, search.resultCount());
            insert.setString(9, cut(String.join(",", search.topIds()), MAX_TOP_IDS));
            insert.setString(10, search.origin());
        } else if (event instanceof ClickEvent click) {
            setQuery(insert, click.query());
            insert.setString(11, click.articleId());
            insert.setInt(12, click.rank());
        } else if (event instanceof FeedbackEvent feedback) {
            insert.setString(11, feedback.articleId());
            insert.setBoolean(13, feedback.helpful());
            insert.setString(14, cut(QueryText.masked(feedback.comment()), MAX_COMMENT));
        } else if (event instanceof DeflectionEvent deflection) {
            setQuery(insert, deflection.query());
            insert.setString(11, deflection.articleId());
            insert.setString(15, deflection.widget());
            insert.setString(16, deflection.action());
        }
    }

    private static void setQuery(PreparedStatement insert, String query) throws SQLException {
        String masked = QueryText.masked(query);
        insert.setString(5, masked);
        insert.setString(6, QueryText.normalized(masked));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
