package dev.kotae.feedback;

import dev.kotae.analytics.AnalyticsDatabase;
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
import java.util.UUID;

/**
 * Votes in the shared analytics database (table {@code feedback_vote}), for replicas that share one
 * PostgreSQL: a vote cast on one replica is seen by all. A vote is acknowledged once committed; while the
 * database is away voting answers 503 and nothing is acknowledged.
 */
public final class DatabaseFeedbackStore implements FeedbackStore {

    private final AnalyticsDatabase database;

    public DatabaseFeedbackStore(AnalyticsDatabase database) {
        this.database = database;
    }

    @Override
    public Feedback record(String articleId, boolean helpful, String comment) throws IOException {
        String cleaned = comment == null || comment.isBlank() ? null : comment.strip();
        Feedback feedback = new Feedback(UUID.randomUUID().toString(), articleId, helpful, cleaned, Instant.now());
        try {
            database.migrate();
            try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO feedback_vote"
                            + " (id, article_id, helpful, comment, created_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, feedback.id());
                insert.setString(2, articleId);
                insert.setBoolean(3, helpful);
                insert.setString(4, cleaned);
                insert.setObject(5, feedback.createdAt().atOffset(ZoneOffset.UTC));
                insert.executeUpdate(); // auto-commit: committed when this returns
            }
        } catch (SQLException e) {
            throw new FeedbackUnavailableException("votes cannot be stored right now: " + e.getMessage(), e);
        }
        return feedback;
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
        String sql = "SELECT id, article_id, helpful, comment, created_at FROM feedback_vote"
                + (articleId == null ? "" : " WHERE article_id = ?") + " ORDER BY created_at DESC, id LIMIT ?";
        List<Feedback> found = new ArrayList<>();
        try (Connection connection = connection(); PreparedStatement select = connection.prepareStatement(sql)) {
            int next = 1;
            if (articleId != null) {
                select.setString(next++, articleId);
            }
            select.setInt(next, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new Feedback(row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4),
                            row.getObject(5, OffsetDateTime.class).toInstant()));
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
