package dev.kotae.alert;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a query counts towards. The query is normalised (Unicode NFKC, so full-width 「ＬＯＧＩＮ」 and
 * half-width katakana match their usual forms and the ideographic space becomes a space; then lower-cased
 * with the root locale; runs of white space become one space). Its keys are the whole normalised query
 * and, when it has more than one word, each white-space-separated word. Japanese is not split further:
 * there is no tokenizer here, so 「ログインできない」 is one key while 「ログイン できない」 gives three.
 *
 * <p>Bounds, because queries are attacker-controlled (and the detector keeps recent ones): the normalised
 * query is cut to {@value #MAX_QUERY_LENGTH} code points, at most {@value #MAX_WORDS} words count, and keys
 * are cut to {@value #MAX_KEY_LENGTH} code points.
 */
final class Terms {

    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_WORDS = 8;
    static final int MAX_KEY_LENGTH = 100;

    private Terms() {}

    /** The normalised query, or an empty string when nothing is left. */
    static String normalise(String query) {
        if (query == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(query, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return cut(String.join(" ", words(nfkc)), MAX_QUERY_LENGTH).strip();
    }

    /** The keys a normalised query counts towards: itself first, then its words; no duplicates. */
    static List<String> keys(String normalised) {
        if (normalised.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(cut(normalised, MAX_KEY_LENGTH).strip());
        List<String> words = words(normalised);
        if (words.size() > 1) {
            for (String word : words.subList(0, Math.min(MAX_WORDS, words.size()))) {
                keys.add(cut(word, MAX_KEY_LENGTH));
            }
        }
        return List.copyOf(keys);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            if (space && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    private static String cut(String text, int codePoints) {
        if (text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }
}
