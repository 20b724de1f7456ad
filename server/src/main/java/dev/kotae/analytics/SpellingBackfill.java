package dev.kotae.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Works out the {@link QuerySpelling} of rows stored before it had columns, in the caller's transaction
 * (the schema migration's). Walks the table by id in pages, so the work and the memory held stay the same
 * whatever its size; the spelling of each distinct text is worked out once per page.
 */
public final class SpellingBackfill {

    /** Rows read and updated per round trip. */
    static final int PAGE = 1000;

    private SpellingBackfill() {}

    /** Fills every row with a query and no group yet; returns how many rows were filled. */
    public static long fill(Connection connection) throws SQLException {
        String select = "SELECT id, query FROM analytics_event WHERE id > ? AND query IS NOT NULL"
                + " AND query_group IS NULL ORDER BY id LIMIT " + PAGE;
        String update = "UPDATE analytics_event SET query_group = ?, query_sound = ? WHERE id = ?";
        long filled = 0;
        long after = Long.MIN_VALUE;
        try (PreparedStatement read = connection.prepareStatement(select);
                PreparedStatement write = connection.prepareStatement(update)) {
            while (true) {
                read.setLong(1, after);
                Map<String, QuerySpelling.Spelling> spellings = new HashMap<>();
                int rows = 0;
                try (ResultSet result = read.executeQuery()) {
                    while (result.next()) {
                        after = result.getLong(1);
                        QuerySpelling.Spelling spelling = spellings.computeIfAbsent(result.getString(2),
                                QuerySpelling::of);
                        write.setString(1, EventRecorder.fit(spelling.group(), EventRecorder.Columns.QUERY_GROUP));
                        write.setString(2, EventRecorder.fit(spelling.sound(), EventRecorder.Columns.QUERY_SOUND));
                        write.setLong(3, after);
                        write.addBatch();
                        rows++;
                    }
                }
                if (rows == 0) {
                    return filled;
                }
                write.executeBatch();
                filled += rows;
            }
        }
    }
}
