package dev.kotae.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void normalisesWidthCaseAndSpaces() {
        assertEquals("login error", Terms.normalise("  ＬＯＧＩＮ\u3000Error \t"));
        assertEquals("ログインできない", Terms.normalise("ﾛｸﾞｲﾝできない"), "half-width katakana");
        assertEquals("", Terms.normalise(" \u3000 "));
        assertEquals("", Terms.normalise(null));
    }

    @Test
    void keysAreTheWholeQueryThenItsWords() {
        assertEquals(List.of("ログインできない"), Terms.keys("ログインできない"), "no tokenizer: one key");
        assertEquals(List.of("ログイン エラー", "ログイン", "エラー"), Terms.keys("ログイン エラー"));
        assertEquals(List.of("a a", "a"), Terms.keys("a a"), "no duplicates");
        assertEquals(List.of(), Terms.keys(""));
    }

    @Test
    void boundsWordsAndKeyLength() {
        String many = "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10";
        List<String> keys = Terms.keys(many);
        assertEquals(1 + Terms.MAX_WORDS, keys.size(), keys.toString());
        String longQuery = "あ".repeat(300);
        assertEquals(Terms.MAX_KEY_LENGTH, Terms.keys(longQuery).get(0).length());
        assertEquals(Terms.MAX_QUERY_LENGTH, Terms.normalise("あ".repeat(1000)).length(), "kept queries are bounded");
        assertEquals("a".repeat(199), Terms.normalise("a".repeat(199) + " b"), "no trailing space after the cut");
        String surrogates = "\uD83D\uDE00".repeat(150);
        String key = Terms.keys(surrogates).get(0);
        assertEquals(Terms.MAX_KEY_LENGTH, key.codePointCount(0, key.length()), "cut between code points");
    }
}
