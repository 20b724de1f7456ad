package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpellingRowsTest {

    @Test
    void kanaJoinsTheMostSearchedSpellingReadTheSameAndTheLimitCountsFoldedRows() {
        SpellingRows rows = new SpellingRows();
        rows.add("order status", null, 7);
        rows.add("返金", "ヘンキン", 4);
        rows.add("ヘンキン", "ヘンキン", 4);
        rows.add("交換", "コウカン", 2);
        rows.add("好感", "コウカン", 3);
        rows.add("コウカン", "コウカン", 1);
        rows.add("キャンセル", "キャンセル", 1);

        assertEquals(List.of(new SpellingRows.Row("返金", Set.of("返金", "ヘンキン"), 8)), rows.top(null, 1));
        assertEquals(List.of(
                new SpellingRows.Row("返金", Set.of("返金", "ヘンキン"), 8),
                new SpellingRows.Row("order status", Set.of("order status"), 7),
                new SpellingRows.Row("好感", Set.of("好感", "コウカン"), 4),
                new SpellingRows.Row("交換", Set.of("交換"), 2),
                new SpellingRows.Row("キャンセル", Set.of("キャンセル"), 1)), rows.top(null, 10));
    }

    @Test
    void homophonesSearchedEquallyOftenJoinTheFirstInTextOrder() {
        SpellingRows rows = new SpellingRows();
        rows.add("好感", "コウカン", 2);
        rows.add("交換", "コウカン", 2);
        rows.add("コウカン", "コウカン", 1);
        assertEquals("交換", rows.top(null, 10).get(0).key()); // 交 (U+4EA4) before 好 (U+597D)
        assertEquals(3, rows.top(null, 10).get(0).count());
    }

    @Test
    void theFilterMatchesASpellingOrAReadingOfTheRow() {
        SpellingRows rows = new SpellingRows();
        rows.add("返金", "ヘンキン", 2);
        rows.add("返金 方法", "ヘンキン ホウホウ", 1);
        rows.add("配送", "ハイソウ", 1);
        assertEquals(List.of("返金", "返金 方法"), rows.top("ヘンキン", 10).stream().map(SpellingRows.Row::key).toList());
        assertEquals(List.of("返金 方法"), rows.top("方法", 10).stream().map(SpellingRows.Row::key).toList());
        assertEquals(List.of(), rows.top("ログイン", 10));
    }
}
