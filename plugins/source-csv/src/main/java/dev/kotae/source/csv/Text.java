package dev.kotae.source.csv;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text helpers shared by header recognition and cell parsing. */
final class Text {

    /** Separators people put into header names and keywords in every possible way ("No.", "internal_only"). */
    private static final Pattern FOLDED_AWAY = Pattern.compile("[\\s\\u3000\\uFEFF_\\-.:]+");

    private Text() {}

    /**
     * Folds a header name or keyword for comparison: NFKC (full-width "ＩＤ" and half-width "ｶﾃｺﾞﾘ" become
     * "ID" and "カテゴリ"), lower case, and without spaces, underscores, hyphens, dots, colons or a stray BOM,
     * so " 公開　範囲 ", "Internal-Only" and "internal only" compare as typed by different people.
     */
    static String fold(String value) {
        if (value == null) {
            return "";
        }
        String normalized = Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return FOLDED_AWAY.matcher(normalized).replaceAll("");
    }

    /** True for {@code null}, empty and whitespace-only values (full-width spaces included). */
    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The value stripped of surrounding whitespace, or {@code null} when blank. */
    static String emptyToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
