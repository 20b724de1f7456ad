package dev.kotae.web;

/**
 * {@link AnalyticsContract} on PostgreSQL ({@code KOTAE_TEST_POSTGRES_URL}, each run in a schema of its
 * own).
 */
class PostgresAnalyticsIT extends AnalyticsContract {

    @Override
    AnalyticsStorage storage() throws Exception {
        return AnalyticsStorage.postgres();
    }
}
