package dev.kotae.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which spellings of a query table make one row, given how often each spelling was searched: a spelling
 * without kanji (its reading is itself) joins the most searched spelling with kanji that is read the same;
 * every other spelling is a row of its own. Rows are ranked by the searches of all their spellings, so a
 * limit is applied to the folded rows, never to the spellings.
 *
 * <p>Holds one entry per spelling it is given: the database sums the searches per spelling and hands over
 * only the most searched ones and the kana spellings read as they are (see {@link AnalyticsReports}); this
 * folds the sums.
 */
final class SpellingRows {

    /** A row: the spelling it is keyed by, its spellings, and their searches added up. */
    record Row(String key, Set<String> spellings, long count) {}

    private record Spelled(String sound, long count) {}

    private final Map<String, Spelled> spellings = new HashMap<>();

    /** Adds a spelling ({@code query_group}), its reading ({@code query_sound}, may be null) and its searches. */
    void add(String spelling, String sound, long count) {
        spellings.merge(spelling, new Spelled(sound, count),
                (a, b) -> new Spelled(a.sound() != null ? a.sound() : b.sound(), a.count() + b.count()));
    }

    /** Whether {@code spelling} was added. */
    boolean has(String spelling) {
        return spellings.containsKey(spelling);
    }

    /**
     * The {@code limit} most searched rows, most first (ties by key), keeping only rows with a spelling or
     * reading that contains {@code containing} (already folded as spellings are; {@code null}: all).
     */
    List<Row> top(String containing, int limit) {
        Map<String, String> leaders = leaders();
        Map<String, Set<String>> members = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        spellings.forEach((spelling, spelled) -> {
            String key = writtenWithoutKanji(spelling, spelled) ? leaders.getOrDefault(spelled.sound(), spelling) : spelling;
            members.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(spelling);
            counts.merge(key, spelled.count(), Long::sum);
        });
        List<Row> rows = new ArrayList<>();
        members.forEach((key, spelled) -> {
            if (containing == null || spelled.stream().anyMatch(s -> contains(s, containing))) {
                rows.add(new Row(key, Set.copyOf(spelled), counts.get(key)));
            }
        });
        rows.sort(Comparator.comparingLong((Row r) -> -r.count()).thenComparing(Row::key));
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    /** Per reading, the most searched spelling with kanji read so (ties: the first in text order). */
    private Map<String, String> leaders() {
        Map<String, String> leaders = new HashMap<>();
        spellings.forEach((spelling, spelled) -> {
            if (spelled.sound() == null || writtenWithoutKanji(spelling, spelled)) {
                return;
            }
            leaders.merge(spelled.sound(), spelling, (current, candidate) -> {
                long a = spellings.get(current).count();
                long b = spelled.count();
                return b > a || (b == a && candidate.compareTo(current) < 0) ? candidate : current;
            });
        });
        return leaders;
    }

    /** Whether the spelling is read as it is written: kana (and Latin, digits) but no kanji. */
    private static boolean writtenWithoutKanji(String spelling, Spelled spelled) {
        return spelling.equals(spelled.sound());
    }

    private boolean contains(String spelling, String text) {
        String sound = spellings.get(spelling).sound();
        return spelling.contains(text) || (sound != null && sound.contains(text));
    }
}
