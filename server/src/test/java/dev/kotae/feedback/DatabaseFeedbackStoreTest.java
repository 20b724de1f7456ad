package dev.kotae.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.analytics.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Votes in the shared database, on H2 and PostgreSQL: stored, counted, listed newest first, seen by all. */
class DatabaseFeedbackStoreTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void votesAreStoredCountedAndListedNewestFirst(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            FeedbackStore store = new DatabaseFeedbackStore(database);
            FeedbackStore.Feedback first = store.record("refund", true, "  とても役に立った  ");
            store.record("refund", false, "   ");
            store.record("cancel", false, null);
            assertEquals(3, store.size());
            assertEquals(new FeedbackStore.Totals(1, 1), store.totals("refund"));
            assertEquals(new FeedbackStore.Totals(0, 1), store.totals("cancel"));
            assertEquals(new FeedbackStore.Totals(0, 0), store.totals("never-voted"));
            List<FeedbackStore.Feedback> refund = store.recent("refund", 10);
            assertEquals(2, refund.size());
            assertEquals("とても役に立った", refund.get(1).comment());
            assertEquals(first.id(), refund.get(1).id());
            assertEquals(null, refund.get(0).comment());
            assertEquals(3, store.recent(null, 10).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoServersOnOneDatabaseSeeEachOthersVotes(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase one = TestDatabases.open(db, data);
                AnalyticsDatabase other = TestDatabases.open(db, data)) {
            new DatabaseFeedbackStore(one).record("refund", true, null);
            new DatabaseFeedbackStore(other).record("refund", false, "from the other replica");
            assertEquals(new FeedbackStore.Totals(1, 1), new DatabaseFeedbackStore(one).totals("refund"));
            assertEquals("from the other replica", new DatabaseFeedbackStore(one).recent("refund", 1).get(0).comment());
        }
    }
}
