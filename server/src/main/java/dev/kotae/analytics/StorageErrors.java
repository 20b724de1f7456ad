package dev.kotae.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that could not be reached (retry later, keep the events) from one that refused what
 * it was given (set those rows aside): the two call for opposite handling, and confusing them either
 * loses good events or retries a poisoned one forever.
 */
final class StorageErrors {

    private static final int VALIDATION_SECONDS = 2;

    private StorageErrors() {}

    /**
     * True when the failure says nothing about the data: the connection is gone, the SQL state is a
     * connection exception (class {@code 08}), or the driver calls it recoverable only by reconnecting.
     */
    static boolean unreachable(SQLException failure, Connection connection) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException) {
                return true;
            }
            String state = e.getSQLState();
            if (state != null && state.startsWith("08")) {
                return true;
            }
        }
        try {
            return connection == null || !connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            return true;
        }
    }

    /** The SQL state and message of the failure and of those chained to it, for a log line. */
    static String describe(SQLException failure) {
        StringBuilder text = new StringBuilder();
        for (SQLException e = failure; e != null && text.length() < 2000; e = e.getNextException()) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append('[').append(e.getSQLState()).append("] ").append(e.getMessage());
        }
        return text.toString();
    }
}
