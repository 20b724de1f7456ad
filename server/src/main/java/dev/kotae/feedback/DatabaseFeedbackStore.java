package dev.kotae.feedback;

import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.util.SqlStates;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Votes in the shared analytics database (table {@code feedback_vote}), for replicas that share one
 * PostgreSQL: a vote cast on one replica is seen by all. A vote is acknowledged once committed; while the
 * database is away voting answers 503 and nothing is acknowledged. A visitor's vote is one row (unique on
 * article and visitor), changed in place when they vote again.
 */
public final class DatabaseFeedbackStore implements FeedbackStore {

    private static final String SELECT =
            "SELECT id, article_id, helpful, comment, created_at, visitor_id FROM feedback_vote";

    private final AnalyticsDatabase database;

    public DatabaseFeedbackStore(AnalyticsDatabase database) {
        this.database = database;
    }

    @Override
    public Feedback record(String articleId, String visitor, boolean helpful, String comment) throws IOException {
        String cleaned = FeedbackStore.cleanComment(comment);
        return write(articleId, visitor, earlier -> earlier == null
                ? new Feedback(UUID.randomUUID().toString(), articleId, helpful, cleaned, Instant.now(), visitor)
                : new Feedback(earlier.id(), articleId, helpful, FeedbackStore.commentKept(earlier, helpful, cleaned),
                        earlier.createdAt(), visitor)).orElseThrow();
    }

    @Override
    public Optional<Feedback> comment(String articleId, String visitor, String comment) throws IOException {
        if (visitor == null) {
            return Optional.empty();
        }
        return write(articleId, visitor, earlier -> earlier == null ? null : new Feedback(earlier.id(), articleId,
                earlier.helpful(), FeedbackStore.cleanComment(comment), earlier.createdAt(), visitor));
    }

    @Override
    public Optional<Feedback> vote(String articleId, String visitor) {
        if (visitor == null) {
            return Optional.empty();
        }
        try (Connection connection = connection(); PreparedStatement select = connection.prepareStatement(
                SELECT + " WHERE article_id = ? AND visitor_id = ?")) {
            select.setString(1, articleId);
            select.setString(2, visitor);
            try (ResultSet row = select.executeQuery()) {
                return Optional.ofNullable(row.next() ? feedback(row) : null);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Writes the visitor's vote as {@code change} makes it from their current one ({@code null} when they
     * have none; {@code change} answers {@code null} to write nothing), in one transaction that locks the
     * visitor's row, so two replicas changing one vote at once leave one vote. Two first votes of one
     * visitor racing each other meet the unique index: the loser tries again and changes the winner's.
     */
    private Optional<Feedback> write(String articleId, String visitor, UnaryOperator<Feedback> change)
            throws IOException {
        try {
            database.migrate();
            for (int attempt = 1; ; attempt++) {
                try (Connection connection = database.dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    try {
                        Feedback earlier = visitor == null ? null : locked(connection, articleId, visitor);
                        Feedback next = change.apply(earlier);
                        if (next != null) {
                            if (earlier == null) {
                                insert(connection, next);
                            } else {
                                update(connection, next);
                            }
                        }
                        connection.commit(); // acknowledged once this returns
                        return Optional.ofNullable(next);
                    } catch (SQLException e) {
                        connection.rollback();
                        if (attempt >= 2 || !SqlStates.uniqueViolation(e)) {
                            throw e;
                        }
                    } finally {
                        connection.setAutoCommit(true);
                    }
                }
            }
        } catch (SQLException e) {
            throw new FeedbackUnavailableException("votes cannot be stored right now: " + e.getMessage(), e);
        }
    }

    private static Feedback locked(Connection connection, String articleId, String visitor) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                SELECT + " WHERE article_id = ? AND visitor_id = ? FOR UPDATE")) {
            select.setString(1, articleId);
            select.setString(2, visitor);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? feedback(row) : null;
            }
        }
    }

    private static void insert(Connection connection, Feedback vote) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO feedback_vote"
                + " (id, article_id, helpful, comment, created_at, visitor_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, vote.id());
            insert.setString(2, vote.articleId());
            insert.setBoolean(3, vote.helpful());
            insert.setString(4, vote.comment());
            insert.setObject(5, vote.createdAt().atOffset(ZoneOffset.UTC));
            insert.setString(6, vote.visitor());
            insert.executeUpdate();
        }
    }

    private static void update(Connection connection, Feedback vote) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE feedback_vote SET helpful = ?, comment = ? WHERE id = ?")) {
            update.setBoolean(1, vote.helpful());
            update.setString(2, vote.comment());
            update.setString(3, vote.id());
            update.executeUpdate();
        }
    }

    private static Feedback feedback(ResultSet row) throws SQLException {
        return new Feedback(row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4),
                row.getObject(5, OffsetDateTime.class).toInstant(), row.getString(6));
    }

    @Override
    public Totals totals(String articleId) {
        try (Connection connection = connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT SUM(CASE WHEN helpful THEN 1 ELSE 0 END), SUM(CASE WHEN helpful THEN 0 ELSE 1 END)"
                        + " FROM feedback_vote WHERE article_id = ?")) {
            select.setString(1, articleId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Totals(row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<Feedback> recent(String articleId, int limit) {
        String sql = SELECT + (articleId == null ? "" : " WHERE article_id = ?") + " ORDER BY created_at DESC, id LIMIT ?";
        List<Feedback> found = new ArrayList<>();
        try (Connection connection = connection(); PreparedStatement select = connection.prepareStatement(sql)) {
            int next = 1;
            if (articleId != null) {
                select.setString(next++, articleId);
            }
            select.setInt(next, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(feedback(row));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return found;
    }

    @Override
    public int size() {
        try (Connection connection = connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM feedback_vote"); ResultSet row = select.executeQuery()) {
            row.next();
            return (int) Math.min(Integer.MAX_VALUE, row.getLong(1));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private Connection connection() throws SQLException {
        database.migrate();
        return database.dataSource().getConnection();
    }

    private static FeedbackUnavailableException unavailable(SQLException e) {
        return new FeedbackUnavailableException("votes cannot be read right now: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        // the database is closed by its owner
    }
}
