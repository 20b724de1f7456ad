package dev.kotae.analytics.migration;

import dev.kotae.analytics.SpellingBackfill;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code query_group} and {@code query_sound} (added by V4) for the rows stored before them. Java,
 * not SQL: the readings come from Kuromoji. Flyway runs it once, under its lock, so replicas starting
 * together do not both rewrite the table.
 */
public class V5__Query_spelling_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        SpellingBackfill.fill(context.getConnection());
    }
}
