package dev.kotae.index;

import java.text.Normalizer;
import java.util.Locale;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Folds the ways one Japanese word can be typed into one form: NFKC (full-width Latin and half-width
 * katakana to their usual forms), lower case, and hiragana to katakana, so that 「ぱすわーど」,
 * 「ﾊﾟｽﾜｰﾄﾞ」 and 「パスワード」 compare equal.
 */
public final class KanaNormalizer {

    private static final char HIRAGANA_FIRST = '\u3041';
    private static final char HIRAGANA_LAST = '\u3096';
    private static final int KATAKANA_OFFSET = 0x60;
    /** 「ー」, written in both hiragana and katakana words. */
    static final char PROLONGED_SOUND_MARK = '\u30FC';

    private KanaNormalizer() {}

    /** The folded form of {@code text}; whitespace runs become one space. */
    public static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean lastWasSpace = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!lastWasSpace) {
                    out.append(' ');
                }
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            out.append(toKatakana(c));
        }
        return out.toString();
    }

    /** A char-filter map from every hiragana letter to its katakana letter, for analysis chains. */
    static NormalizeCharMap hiraganaToKatakanaMap() {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        for (char c = HIRAGANA_FIRST; c <= HIRAGANA_LAST; c++) {
            builder.add(String.valueOf(c), String.valueOf(toKatakana(c)));
        }
        return builder.build();
    }

    static boolean isHiragana(char c) {
        return c >= HIRAGANA_FIRST && c <= HIRAGANA_LAST;
    }

    /** The katakana letter for a hiragana one; any other character unchanged. */
    static char toKatakana(char c) {
        return isHiragana(c) ? (char) (c + KATAKANA_OFFSET) : c;
    }
}
