package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.plugin.FeedbackEvent;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.SearchEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

    private static SearchEvent search(int n) {
        return new SearchEvent(Instant.EPOCH.plusSeconds(n), null, "query " + n, "en", 1, List.of("a"), "api");
    }

    private static FeedbackEvent vote(int n) {
        return new FeedbackEvent(Instant.EPOCH.plusSeconds(n), null, "article-" + n, true, null);
    }

    @Test
    void aBurstOfSearchesKeepsTheVotesBeforeIt() {
        RecentEvents recent = new RecentEvents();
        recent.add(vote(0));
        recent.add(vote(1));
        for (int i = 2; i < 2 + RecentEvents.CAPACITY; i++) {
            recent.add(search(i));
        }
        List<KotaeEvent> votes = recent.latest(EventNames.FEEDBACK, 10);
        assertEquals(List.of(vote(1), vote(0)), votes);
        List<KotaeEvent> searches = recent.latest(EventNames.SEARCH, RecentEvents.CAPACITY);
        assertEquals(RecentEvents.PER_TYPE, searches.size());
        assertEquals(search(1 + RecentEvents.CAPACITY), searches.get(0));
    }

    @Test
    void allTypesTogetherAreNewestFirstInArrivalOrder() {
        RecentEvents recent = new RecentEvents();
        recent.add(search(0));
        recent.add(vote(1));
        recent.add(search(2));
        recent.add(vote(3));
        assertEquals(List.of(vote(3), search(2), vote(1), search(0)), recent.latest(null, 10));
        assertEquals(List.of(vote(3), search(2)), recent.latest(null, 2));
        assertEquals(List.of(), recent.latest(EventNames.CLICK, 10));
    }
}
