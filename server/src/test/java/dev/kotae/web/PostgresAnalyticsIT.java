package dev.kotae.web;

/**
 * {@link AnalyticsContract} on PostgreSQL ({@code KOTAE_TEST_POSTGRES_URL}, each run in a schema of its
 * own). The no-loss test sends fewer searches than on the embedded database: the guarantee (drain on
 * close) is the same code, and the suite must stay quick on two cores.
 */
class PostgresAnalyticsIT extends AnalyticsContract {

    @Override
    AnalyticsStorage storage() throws Exception {
        return AnalyticsStorage.postgres();
    }

    @Override
    int loadSearches() {
        return 5_000;
    }
}
