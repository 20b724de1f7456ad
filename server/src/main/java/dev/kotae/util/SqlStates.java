package dev.kotae.util;

import java.sql.SQLException;

/** The SQL states the server handles the same way on H2 and PostgreSQL. */
public final class SqlStates {

    private SqlStates() {}

    /**
     * Whether {@code e} is a unique-key violation (SQL state 23505 on both databases): another transaction
     * inserted the same key first, so the row exists now.
     */
    public static boolean uniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * Whether the database refused this statement's row (a data exception, SQL state class 22, such as a
     * value too long; or a constraint, class 23) rather than failed to answer: the same row would be refused
     * again, other rows may not be.
     */
    public static boolean refusedRow(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }
}
