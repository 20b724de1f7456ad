package dev.kotae.analytics.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lets the embedded H2 database hand out {@code analytics_event} ids a thousand at a time instead of 32.
 * H2 commits the id sequence in a transaction of its own, written to the file at once, whenever a block
 * runs out, so with small blocks most of a stored batch's time went to those commits. H2 keeps one
 * sequence for the whole database, so ids still follow the order rows are inserted in (what
 * {@code EvidenceIngestion} reads them by); after a crash the rest of a block is skipped, a gap nothing
 * relies on.
 *
 * <p>PostgreSQL is left as it is: it caches sequence values per connection, so cached ids from the pool's
 * different connections would interleave out of commit order. It is a Java migration for that reason
 * alone: the SQL files run unchanged on both databases.
 */
public final class V10__Embedded_event_ids extends BaseJavaMigration {

    /** Ids H2 takes from the sequence at a time. */
    public static final int IDS_AT_A_TIME = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement alter = connection.createStatement()) {
            alter.execute("ALTER TABLE analytics_event ALTER COLUMN id SET CACHE " + IDS_AT_A_TIME);
        }
    }
}
