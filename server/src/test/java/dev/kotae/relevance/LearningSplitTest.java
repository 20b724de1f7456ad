package dev.kotae.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The split every learning figure is measured on stays where it is, and the swapped one is its mirror. */
class LearningSplitTest {

    @Test
    void theReportedSplitIsTheOneTheFiguresWereMeasuredOn() {
        // First bytes of the SHA-256 of each id, worked out outside Java: 212 and 54 even, 95 and 31 odd.
        assertTrue(LearningSplit.REPORTED.isTraffic("2"));
        assertTrue(LearningSplit.REPORTED.isTraffic("t001_q02"));
        assertFalse(LearningSplit.REPORTED.isTraffic("0"));
        assertFalse(LearningSplit.REPORTED.isTraffic("t000_q01"));
    }

    @Test
    void swappingScoresExactlyTheOtherHalf() {
        List<FaqBenchmark.Query> queries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            queries.add(new FaqBenchmark.Query("q" + i, "question " + i));
        }
        Set<FaqBenchmark.Query> reportedScored = new HashSet<>(LearningSplit.REPORTED.scored(queries));
        assertEquals(reportedScored, new HashSet<>(LearningSplit.SWAPPED.traffic(queries)));
        assertEquals(new HashSet<>(LearningSplit.REPORTED.traffic(queries)),
                new HashSet<>(LearningSplit.SWAPPED.scored(queries)));
        assertEquals(queries.size(), reportedScored.size() + LearningSplit.REPORTED.traffic(queries).size());
        assertTrue(reportedScored.size() > 70 && reportedScored.size() < 130, "about half: " + reportedScored.size());
    }
}
