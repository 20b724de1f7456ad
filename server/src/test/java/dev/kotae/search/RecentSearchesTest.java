package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentSearchesTest {

    private static SearchRequest asked(String query) {
        return new SearchRequest(query, "en", null, null, null, 1, 10, Audience.PUBLIC);
    }

    @Test
    void theSearchesAskedMostComeFirstAmongManyAskedLess() {
        RecentSearches recent = new RecentSearches();
        List<SearchRequest> often = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            often.add(asked("often " + i));
        }
        // As a day goes: 500 questions asked a few times each, 40 of them asked many more times, interleaved.
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 500; i++) {
                recent.searched(asked("sometimes " + i));
            }
            for (int pass = 0; pass < 4; pass++) {
                often.forEach(recent::searched);
            }
        }
        assertEquals(new HashSet<>(often), new HashSet<>(recent.hottest(40)));
        List<SearchRequest> hundred = recent.hottest(100);
        assertEquals(100, hundred.size());
        assertEquals(new HashSet<>(often), new HashSet<>(hundred.subList(0, 40)), "the most asked lead a longer list");
    }

    @Test
    void whatIsAskedNowOvertakesWhatWasAskedLongAgo() {
        RecentSearches recent = new RecentSearches();
        SearchRequest yesterday = asked("yesterday");
        SearchRequest today = asked("today");
        for (int i = 0; i < 3_000; i++) {
            recent.searched(yesterday);
        }
        // Several half-lives of other searches, the new question among them a tenth as often as yesterday's.
        for (int i = 0; i < 5 * RecentSearches.HALF_LIFE; i++) {
            recent.searched(i % 100 == 0 ? today : asked("other " + (i % 200)));
        }
        assertEquals(List.of(today), recent.hottest(1));
    }

    @Test
    void nothingAskedWarmsNothing() {
        assertTrue(new RecentSearches().hottest(100).isEmpty());
    }
}
