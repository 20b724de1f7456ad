package dev.kotae.util;

/** Text as it is shown where space is bounded. */
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
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
