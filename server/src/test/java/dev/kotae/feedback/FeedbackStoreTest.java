package dev.kotae.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackStoreTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("data").resolve("feedback.jsonl");
    }

    private void appendRaw(byte[] bytes) throws IOException {
        Files.write(file(), bytes, StandardOpenOption.APPEND);
    }

    @Test
    void recordsSurviveClosingAndReopening() throws IOException {
        FeedbackStore.Feedback first;
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            first = store.record("refund", true, "  とても役に立った  ");
            store.record("refund", false, "   ");
            store.record("cancel", false, null);
        }

        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            assertEquals(3, store.size());
            assertEquals(new FeedbackStore.Totals(1, 1), store.totals("refund"));
            assertEquals(new FeedbackStore.Totals(0, 1), store.totals("cancel"));
            List<FeedbackStore.Feedback> refund = store.recent("refund", 10);
            assertEquals(2, refund.size());
            assertEquals(first, refund.get(1)); // oldest last; id, comment and time round-trip
            assertEquals("とても役に立った", refund.get(1).comment());
            assertNull(refund.get(0).comment()); // blank comment is stored as none
        }
    }

    @Test
    void totalsArePerArticle() throws IOException {
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            store.record("a", true, null);
            store.record("a", true, null);
            store.record("a", false, null);
            store.record("b", true, null);

            assertEquals(new FeedbackStore.Totals(2, 1), store.totals("a"));
            assertEquals(new FeedbackStore.Totals(1, 0), store.totals("b"));
            assertEquals(new FeedbackStore.Totals(0, 0), store.totals("never-voted"));
        }
    }

    @Test
    void recentIsNewestFirstAndLimited() throws IOException {
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            store.record("a", true, "1");
            store.record("b", true, "2");
            store.record("a", true, "3");
            store.record("a", true, "4");

            assertEquals(List.of("4", "3"), store.recent("a", 2).stream().map(FeedbackStore.Feedback::comment).toList());
            assertEquals(List.of("4", "3", "2", "1"),
                    store.recent(null, 10).stream().map(FeedbackStore.Feedback::comment).toList());
        }
    }

    @Test
    void tornLastLineIsSkippedAndEarlierRecordsKept() throws IOException {
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            store.record("a", true, null);
            store.record("b", false, null);
        }
        appendRaw("{\"id\":\"x\",\"articleId\":\"a\",\"hel".getBytes(StandardCharsets.UTF_8));

        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            assertEquals(2, store.size());
            assertEquals(new FeedbackStore.Totals(1, 0), store.totals("a"));
            assertEquals(new FeedbackStore.Totals(0, 1), store.totals("b"));
        }
    }

    @Test
    void tornLineInsideAMultiByteCharacterIsSkipped() throws IOException {
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            store.record("a", true, "ok");
        }
        byte[] partial = "{\"id\":\"x\",\"articleId\":\"a\",\"comment\":\"返".getBytes(StandardCharsets.UTF_8);
        appendRaw(Arrays.copyOf(partial, partial.length - 1)); // cut inside the 3-byte 返

        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            assertEquals(1, store.size());
            assertEquals(new FeedbackStore.Totals(1, 0), store.totals("a"));
        }
    }

    @Test
    void voteRecordedAfterATornLineSurvivesTheNextRestart() throws IOException {
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            store.record("a", true, null);
        }
        appendRaw("{\"id\":\"torn".getBytes(StandardCharsets.UTF_8));

        FeedbackStore.Feedback later;
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            later = store.record("b", false, "after the crash");
        }

        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            assertEquals(2, store.size());
            assertEquals(List.of(later), store.recent("b", 10));
        }
    }

    @Test
    void unreadableLineInTheMiddleIsSkipped() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "not json\n\n");
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            store.record("a", true, null);
        }
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            assertEquals(1, store.size());
            assertTrue(Files.readString(file()).startsWith("not json\n"));
        }
    }

    @Test
    void aWriteThatFailedPartWayDoesNotSwallowTheNextAcknowledgedVote() throws IOException {
        FeedbackStore.Feedback after;
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            store.record("a", true, null);
            // What a write that failed part-way (a full disk, an I/O error) leaves while the server runs on.
            appendRaw("{\"id\":\"half-written".getBytes(StandardCharsets.UTF_8));
            after = store.record("b", false, "acknowledged after the failure");
            assertEquals(1, store.tornWrites());
        }

        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            assertEquals(2, store.size());
            assertEquals(after, store.recent("b", 1).get(0));
            assertEquals(0, store.unreadableLines(), "the half-written line was cut off, not merged");
            assertEquals(0, store.tornWrites());
        }
    }

    @Test
    void aTornTailIsCutOffAtStartAndReported() throws IOException {
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            store.record("a", true, null);
        }
        long complete = Files.size(file());
        appendRaw("{\"id\":\"torn".getBytes(StandardCharsets.UTF_8));

        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            assertEquals(1, store.tornWrites());
            assertEquals(complete, Files.size(file()), "cut back to the last complete line");
        }
    }

    @Test
    void unreadableLinesAreSkippedCountedAndNeverMergedWithTheirNeighbours() throws IOException {
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            store.record("a", true, null);
        }
        appendRaw("not json at all\n\u0000\u0001 broken\n".getBytes(StandardCharsets.UTF_8));
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            store.record("b", true, null);
        }

        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            assertEquals(2, store.size());
            assertEquals(2, store.unreadableLines());
            assertEquals(new FeedbackStore.Totals(1, 0), store.totals("b"));
        }
    }

    @Test
    void aVisitorsSecondVoteChangesTheirFirstAndSurvivesARestart() throws IOException {
        FeedbackStore.Feedback first;
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            first = store.record("a", "visitor-1", true, "分かりやすい");
            store.record("a", "visitor-1", true, null);
            FeedbackStore.Feedback changed = store.record("a", "visitor-1", false, null);
            assertEquals(first.id(), changed.id());
            assertEquals(first.createdAt(), changed.createdAt());
            assertNull(changed.comment(), "the comment said why it helped: it goes with that vote");
            assertEquals("手順が古い", store.record("a", "visitor-1", false, "手順が古い").comment());
            assertEquals("手順が古い", store.record("a", "visitor-1", false, null).comment(),
                    "the same vote again keeps its comment");
            store.record("a", "visitor-2", false, null);
            store.record("b", "visitor-1", true, null);
            assertEquals(new FeedbackStore.Totals(0, 2), store.totals("a"));
            assertEquals(3, store.size());
        }
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            assertEquals(new FeedbackStore.Totals(0, 2), store.totals("a"));
            assertEquals(new FeedbackStore.Totals(1, 0), store.totals("b"));
            assertEquals(3, store.size());
            assertEquals(false, store.vote("a", "visitor-1").orElseThrow().helpful());
            assertEquals(first.id(), store.recent("a", 10).get(1).id(), "a changed vote keeps its place");
        }
    }

    @Test
    void aCommentAttachesToTheVisitorsVoteOnlyAndSurvivesARestart() throws IOException {
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            assertTrue(store.comment("a", "visitor-1", "まだ投票していない").isEmpty());
            assertEquals(0, store.size());
            store.record("a", "visitor-1", false, null);
            FeedbackStore.Feedback commented = store.comment("a", "visitor-1", "  電話番号がない ").orElseThrow();
            assertEquals("電話番号がない", commented.comment());
            assertEquals(false, commented.helpful());
            assertTrue(store.comment("a", null, "nobody").isEmpty());
        }
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            assertEquals("電話番号がない", store.vote("a", "visitor-1").orElseThrow().comment());
            assertEquals(1, store.size());
            assertEquals(new FeedbackStore.Totals(0, 1), store.totals("a"));
        }
    }

    @Test
    void votesWithoutAVisitorAreNeverMerged() throws IOException {
        try (FileFeedbackStore store = new FileFeedbackStore(file())) {
            store.record("a", null, true, null);
            store.record("a", null, true, null);
            assertEquals(new FeedbackStore.Totals(2, 0), store.totals("a"));
            assertTrue(store.vote("a", null).isEmpty());
        }
    }
}
