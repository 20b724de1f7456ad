package dev.kotae.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aVisitorHasOneVotePerArticleWhichTheyChangeAndCommentOn(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            FeedbackStore store = new DatabaseFeedbackStore(database);
            assertTrue(store.comment("refund", "visitor-1", "まだ投票していない").isEmpty());
            FeedbackStore.Feedback first = store.record("refund", "visitor-1", true, null);
            store.record("refund", "visitor-1", true, null);
            assertEquals(new FeedbackStore.Totals(1, 0), store.totals("refund"));
            FeedbackStore.Feedback changed = store.record("refund", "visitor-1", false, null);
            assertEquals(first.id(), changed.id());
            assertEquals(new FeedbackStore.Totals(0, 1), store.totals("refund"));
            FeedbackStore.Feedback commented = store.comment("refund", "visitor-1", " 電話番号がない ").orElseThrow();
            assertEquals("電話番号がない", commented.comment());
            assertEquals("電話番号がない", store.record("refund", "visitor-1", false, "  ").comment(),
                    "the same vote without a comment keeps it");
            assertNull(store.record("refund", "visitor-1", true, null).comment(),
                    "the comment said why it did not help: it does not move to a helpful vote");
            assertNull(store.vote("refund", "visitor-1").orElseThrow().comment());
            assertEquals("解決しました", store.record("refund", "visitor-1", true, "解決しました").comment());
            store.record("refund", "visitor-1", false, null);
            store.record("refund", "visitor-2", false, null);
            store.record("cancel", "visitor-1", true, null);
            store.record("refund", null, true, null);
            store.record("refund", null, true, null);
            assertEquals(new FeedbackStore.Totals(2, 2), store.totals("refund"));
            assertEquals(5, store.size());
            FeedbackStore.Feedback stored = store.vote("refund", "visitor-1").orElseThrow();
            assertEquals(first.id(), stored.id());
            assertEquals("visitor-1", stored.visitor());
            assertTrue(store.vote("refund", null).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aVoteChangedOnOneReplicaIsChangedOnAll(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase one = TestDatabases.open(db, data);
                AnalyticsDatabase other = TestDatabases.open(db, data)) {
            new DatabaseFeedbackStore(one).record("refund", "visitor-1", true, null);
            new DatabaseFeedbackStore(other).record("refund", "visitor-1", false, "changed elsewhere");
            assertEquals(new FeedbackStore.Totals(0, 1), new DatabaseFeedbackStore(one).totals("refund"));
            assertEquals("changed elsewhere",
                    new DatabaseFeedbackStore(one).vote("refund", "visitor-1").orElseThrow().comment());
        }
    }
}
