package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SuggestKeysTest {

    private static SuggestKeys keys;

    @BeforeAll
    static void open() {
        keys = new SuggestKeys();
    }

    @AfterAll
    static void close() {
        keys.close();
    }

    private static boolean anyStartsWith(Set<String> phraseKeys, String queryKey) {
        return phraseKeys.stream().anyMatch(key -> key.startsWith(queryKey));
    }

    @Test
    void readingPrefixReachesStartOfKanjiTitle() {
        SuggestKeys.Keys phrase = keys.keysOf("返金の時期と方法");
        Set<String> query = keys.queryKeys("へんき");

        assertFalse(query.isEmpty());
        for (String queryKey : query) {
            assertTrue(anyStartsWith(phrase.start(), queryKey), queryKey + " vs " + phrase.start());
        }
    }

    @Test
    void katakanaWordInsideTitleIsReachableAsInfix() {
        SuggestKeys.Keys phrase = keys.keysOf("注文のキャンセル方法");
        Set<String> query = keys.queryKeys("きゃんせる");

        assertTrue(query.stream().anyMatch(q -> anyStartsWith(phrase.infix(), q)), query + " vs " + phrase.infix());
        // ...and it is not a start key: the title starts with 注文
        assertFalse(query.stream().anyMatch(q -> anyStartsWith(phrase.start(), q)), query + " vs " + phrase.start());
    }

    @Test
    void halfConvertedInputReachesTheTitle() {
        Set<String> query = keys.queryKeys("返金のて");
        SuggestKeys.Keys phrase = keys.keysOf("返金の手続き");

        assertTrue(query.stream().anyMatch(q -> anyStartsWith(phrase.start(), q)), query + " vs " + phrase.start());
    }

    @Test
    void unrelatedInputDoesNotMatch() {
        SuggestKeys.Keys phrase = keys.keysOf("返金の時期と方法");
        Set<String> query = keys.queryKeys("ぱすわ");
        Set<String> all = Stream.concat(phrase.start().stream(), phrase.infix().stream())
                .collect(java.util.stream.Collectors.toSet());

        assertFalse(query.stream().anyMatch(q -> anyStartsWith(all, q)), query + " vs " + all);
    }

    @Test
    void startKeysAreNotRepeatedAsInfixKeys() {
        SuggestKeys.Keys phrase = keys.keysOf("パスワード");

        assertFalse(phrase.start().isEmpty());
        phrase.infix().forEach(key -> assertFalse(phrase.start().contains(key), key));
    }

    @Test
    void widthAndCaseAreFoldedInQueries() {
        assertTrue(keys.queryKeys("ＰＡＳＳ").contains("pass"), keys.queryKeys("ＰＡＳＳ").toString());
        SuggestKeys.Keys phrase = keys.keysOf("Password reset");
        assertTrue(anyStartsWith(phrase.start(), "pass"), phrase.start().toString());
        assertTrue(anyStartsWith(phrase.infix(), "reset"), phrase.infix().toString());
    }

    @Test
    void keysAreCappedAndLongQueriesCutTheSameWay() {
        String longTitle = "a".repeat(50) + " details";
        SuggestKeys.Keys phrase = keys.keysOf(longTitle);
        phrase.start().forEach(key -> assertTrue(key.length() <= SuggestKeys.MAX_KEY_LENGTH, key));

        Set<String> query = keys.queryKeys("a".repeat(40));
        query.forEach(key -> assertEquals(SuggestKeys.MAX_KEY_LENGTH, key.length(), key));
        assertTrue(query.stream().anyMatch(q -> anyStartsWith(phrase.start(), q)));
    }

    @Test
    void blankInputHasNoQueryKeys() {
        assertTrue(keys.queryKeys("   ").isEmpty());
    }

    @Test
    void eachKeyOfAVeryLongQuestionIsItsWordAndWhatFollowsCutToTheLimit() {
        // Each key used to copy the whole rest of the text before cutting it: 150,000 words took minutes.
        StringBuilder question = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            question.append("word").append(i).append(' ');
        }
        question.append("   ");
        SuggestKeys.Keys phrase = keys.keysOf(question.toString());
        String text = question.toString().strip();
        assertTrue(phrase.start().contains(text.substring(0, SuggestKeys.MAX_KEY_LENGTH)), phrase.start().toString());
        int last = text.lastIndexOf("word19999");
        assertTrue(phrase.infix().contains(text.substring(last)), "the last word's key, stripped of the trailing blanks");
        int middle = text.indexOf("word10000 ");
        assertTrue(phrase.infix().contains(text.substring(middle, middle + SuggestKeys.MAX_KEY_LENGTH)));
    }
}
