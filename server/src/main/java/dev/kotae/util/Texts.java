package dev.kotae.util;

/** Text as it is shown: where space is bounded, or where what a caller typed is echoed. */
public final class Texts {

    private Texts() {}

    /**
     * {@code text} cut to at most {@code max} characters (code points, never between the halves of a
     * surrogate pair), the last being an ellipsis when it was cut; {@code null} stays {@code null}.
     */
    public static String shortened(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return firstCodePoints(text, max - 1) + "…";
    }

    /**
     * The first {@code max} characters of {@code text} (code points, so a pair of surrogates is never
     * split), without an ellipsis: a value given back as typed, up to a field's limit.
     */
    public static String firstCodePoints(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }

    /**
     * {@code text} with each control character (U+0000–U+001F, U+007F–U+009F, tab and line breaks included)
     * made a space; {@code null} stays {@code null}. For what a caller typed into a one-line field (a
     * search): such characters are no words, a U+0000 in an HTML page is a parse error, and an escape
     * sequence would reach whatever terminal shows a log or an export.
     */
    public static String controlsAsSpaces(String text) {
        if (text == null || text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder spaced = new StringBuilder(text.length());
        text.chars().forEach(c -> spaced.append(Character.isISOControl(c) ? ' ' : (char) c));
        return spaced.toString();
    }
}
