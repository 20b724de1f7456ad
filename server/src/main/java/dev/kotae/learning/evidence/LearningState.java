package dev.kotae.learning.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The one row of {@code learning_state}: the id of the last event read into evidence, and the version of
 * what was last published. Locked {@code FOR UPDATE} while events are read, so servers sharing a database
 * take turns and never count an event twice.
 */
final class LearningState {

    private LearningState() {}

    /** Locks the row (creating it at the first start) in the caller's transaction; returns the watermark. */
    static long lock(Connection connection) throws SQLException {
        Long after = selectForUpdate(connection);
        if (after != null) {
            return after;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO learning_state (name,"
                + " last_event_id, learned_version, updated_at) VALUES (?, 0, 0, ?)")) {
            insert.setString(1, EvidenceIngestion.STATE);
            insert.setObject(2, EvidenceIngestion.utc(Instant.now()));
            insert.executeUpdate();
        }
        after = selectForUpdate(connection);
        if (after == null) {
            throw new SQLException("learning_state row missing right after it was inserted");
        }
        return after;
    }

    private static Long selectForUpdate(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_event_id FROM learning_state WHERE name = ? FOR UPDATE")) {
            select.setString(1, EvidenceIngestion.STATE);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    static void saveWatermark(Connection connection, long lastEventId) throws SQLException {
        update(connection, "last_event_id", lastEventId);
    }

    /** The version of what was last published, 0 before anything was. */
    static long learnedVersion(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT learned_version FROM learning_state WHERE name = ?")) {
            select.setString(1, EvidenceIngestion.STATE);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** Keeps the published version, so versions keep increasing across restarts. */
    static void saveLearnedVersion(Connection connection, long version) throws SQLException {
        lock(connection);
        update(connection, "learned_version", version);
    }

    private static void update(Connection connection, String column, long value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE learning_state SET " + column + " = ?, updated_at = ? WHERE name = ?")) {
            update.setLong(1, value);
            update.setObject(2, EvidenceIngestion.utc(Instant.now()));
            update.setString(3, EvidenceIngestion.STATE);
            update.executeUpdate();
        }
    }
}
