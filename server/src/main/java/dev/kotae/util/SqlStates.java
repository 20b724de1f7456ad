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
}
